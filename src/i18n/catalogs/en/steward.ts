/** English: the source every other catalog translates. Keys start with "steward.". */
export const steward = {
  "steward.pager.previous.button": "Previous",
  "steward.pager.next.button": "Next",
  "steward.digest.quotedTitle": "“{title}”",
  "steward.digest.contributionLine": "**#{id}** {title} · {category} · by <@{author}>",
  "steward.digest.contributions":
    "**{count, plural, one {# new contribution} other {# new contributions}}**, listed together because many arrived at once.",
  "steward.digest.contributions.footer": "/contribute show id shows one in full",
  "steward.digest.evaluationLine":
    "**#{id}** {title} by <@{author}>: {score}/100, suggested {reward}{held, select, yes { · held for a person to review} other {}}",
  "steward.digest.evaluations":
    "**{count, plural, one {# contribution evaluated} other {# contributions evaluated}}**, listed together because many were evaluated at once: {mentions}",
  "steward.digest.evaluations.footer": "/evaluation show contribution shows the scores, evidence and flags",
} as const;
