/** English: the source every other catalog translates. Keys start with "jury.". */
export const jury = {
  // `/jury next`: a blind item.
  "jury.item.embedTitle": "Jury item {id} · {title}",
  "jury.item.category.fieldName": "Category",
  "jury.item.hours.fieldName": "Hours stated",
  "jury.item.evidence.fieldName": "Evidence",
  "jury.item.criteria.fieldName": "Score each from 0 to 10",
  "jury.item.footer":
    "Blind review for epoch {epoch}: the author and the model's scores are hidden. {count} item(s) left for you, this one included.",
  "jury.item.score.button": "Score it",
  "jury.nothing.noSample": "Nothing to review yet: epoch {epoch} has no evaluated contributions to sample.",
  "jury.nothing.done":
    "Nothing left for you in epoch {epoch}'s sample of {sampled}: you scored every item you may score (your own and those of anyone sharing a wallet with you are not shown). Thank you.",
  // The scoring form.
  "jury.score.modalTitle": "Score jury item {id}",
  "jury.score.criterion.inputLabel": "{criterion} (0 to 10)",
  "jury.recorded": "Recorded your scores for jury item {id}: {scores}. Use /jury next for the next one.",
} as const;
