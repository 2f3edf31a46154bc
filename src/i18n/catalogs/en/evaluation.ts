/** English: the source every other catalog translates. Keys start with "evaluation.". */
export const evaluation = {
  "evaluation.criterion":
    "{criterion, select, impact {impact} quality {quality} effort {effort} alignment {alignment} other {{criterion}}}",
  "evaluation.flag":
    "{flag, select, possible_duplicate {possible duplicate} low_evidence {low evidence} prompt_injection_suspected {instructions to the evaluator found in the text} needs_human {needs a human look} possible_duplicate_claim {a link already claimed by another contribution} keyword_stuffing {stuffed with words that describe a score} jury_disagrees {the blind jury scored it far from the model} not_authors_work {a pull request someone else authored: it earns nothing here} reverted {a pull request reverted later: a person looks before it pays} self_merged {merged by its author in a repository only they control: paid at most as unreviewed work} split_work {one piece of work split into several pull requests and contributions: a person looks before it pays} other {{flag}}}",
  "evaluation.evaluator": "{evaluator, select, rubric {rubric} llm {llm} human {human} other {{evaluator}}}",
  "evaluation.score.fieldName": "{criterion} — {score}/10 (weight {weight})",
  "evaluation.override.fieldName": "Set by a moderator",
  "evaluation.override.value":
    "<@{moderator}> set the total and the reward; the evaluator's scores are kept in the audit log.",
  "evaluation.total.fieldName": "Total",
  "evaluation.reward.fieldName": "Suggested reward",
  "evaluation.reward.withdrawn": "none: the contribution was withdrawn (it was {amount})",
  "evaluation.confidence.fieldName": "Confidence",
  "evaluation.evidence.fieldName": "Evidence",
  "evaluation.github.fieldName": "Checked on GitHub",
  "evaluation.flags.fieldName": "Flags",
  "evaluation.embed.title":
    "{purpose, select, appeal {Appeal review of #{id} · {title}} override {Moderator's evaluation of #{id} · {title}} other {Evaluation of #{id} · {title}}}",
  "evaluation.embed.withdrawnSuffix": " (withdrawn)",
  "evaluation.embed.footer": "evaluated by {model} · rubric v{version}",
  "evaluation.posted": "<@{author}>, your contribution **#{id}** has been evaluated.",
  "evaluation.appeal.embedTitle": "Appeal #{appealId} of the evaluation of #{id}",
  "evaluation.appeal.by.fieldName": "By",
  "evaluation.appeal.firstPass.fieldName": "First pass",
  "evaluation.appeal.secondPass.fieldName": "Second pass",
  "evaluation.appeal.footer":
    "Moderators: Accept makes the second pass the evaluation that counts; Reject keeps the first.",
  "evaluation.appeal.accept.button": "Accept",
  "evaluation.appeal.reject.button": "Reject",
  "evaluation.appeal.accepted":
    "Appeal #{appealId} accepted by <@{moderator}>: the second pass is now the evaluation that counts.",
  "evaluation.appeal.rejected": "Appeal #{appealId} rejected by <@{moderator}>: the first evaluation stands.",
  "evaluation.appeal.filed":
    "Your appeal #{appealId} of contribution #{id} is filed. A second evaluation runs now; when it is done, both are posted in {channel} for a moderator to accept or reject.",
  "evaluation.overridden":
    "Evaluation of #{id} overridden: {oldTotal}/100 → {newTotal}/100, {oldReward} → {newReward}. The original is kept.",
  "evaluation.cleared":
    "Cleared: contribution #{id}'s evaluation ({total}/100, {reward}) will pay as evaluated in its epoch's distribution. Your note is recorded in the audit log.",
  "evaluation.usage.epoch.embedTitle": "Evaluation usage, epoch {epoch}",
  "evaluation.usage.epochSince.embedTitle": "Evaluation usage, epoch {epoch} (since {since})",
  "evaluation.usage.days.embedTitle": "Evaluation usage, last {count, plural, one {# day} other {# days}}",
  "evaluation.usage.evaluations.fieldName": "Evaluations",
  "evaluation.usage.fallbacks.fieldName": "Rubric fallbacks after an LLM failure",
  "evaluation.usage.tokens.fieldName": "Tokens in / out",
  "evaluation.usage.cost.fieldName": "Cost",
} as const;
