/** English: the source every other catalog translates. Keys start with "contribution.". */
export const contribution = {
  "contribution.category":
    "{category, select, code {code} docs {docs} design {design} research {research} community {community} ops {ops} other {other}}",
  "contribution.status":
    "{status, select, submitted {submitted} evaluating {evaluating} evaluated {evaluated} final {final} withdrawn {withdrawn} other {{status}}}",
  "contribution.embed.category.fieldName": "Category",
  "contribution.embed.status.fieldName": "Status",
  "contribution.embed.author.fieldName": "Author",
  "contribution.embed.hours.fieldName": "Hours",
  "contribution.embed.links.fieldName": "Links",
  "contribution.embed.submitted.fieldName": "Submitted",
  "contribution.embed.withdrawn.fieldName": "Withdrawn",
  "contribution.embed.footer": "Steward · contribution #{id}",
  "contribution.list.mine.embedTitle": "Your contributions",
  "contribution.list.mineWithStatus.embedTitle": "Your contributions ({status})",
  "contribution.list.all.embedTitle": "All contributions",
  "contribution.list.allWithStatus.embedTitle": "All contributions ({status})",
  "contribution.list.mineEmpty": "You have no contributions here yet. Submit one with `/contribute submit`.",
  "contribution.list.noMatch": "No contributions match.",
  "contribution.list.footer": "Page {page} of {pages} · {total} in total",
  "contribution.form.modalTitle": "Submit a contribution",
  "contribution.form.title.inputLabel": "Title",
  "contribution.form.description.inputLabel": "What you did and why it matters",
  "contribution.form.links.inputLabel": "Links (up to 5, one per line)",
  "contribution.submitted": "Contribution **#{id}** “{title}” is submitted and waiting for evaluation.{postNote}",
  "contribution.withdrawn": "Contribution **#{id}** “{title}” is withdrawn.",
} as const;
