/** English: the source every other catalog translates. Keys start with "epoch.". */
export const epoch = {
  "epoch.status.embedTitle": "Epoch {number}",
  "epoch.status.covers.fieldName": "Covers",
  "epoch.status.coversEverything": "everything submitted so far (the first epoch)",
  "epoch.status.started.fieldName": "Started",
  "epoch.status.budget.fieldName": "Budget",
  "epoch.status.budgetLeft.fieldName": "Budget left after suggested rewards",
  "epoch.status.submitted.fieldName": "Submitted, awaiting evaluation",
  "epoch.status.evaluated.fieldName": "Evaluated",
  "epoch.status.underAppeal.fieldName": "Under appeal",
  "epoch.status.flagged.fieldName": "Flagged, waiting for a moderator (pays nothing until cleared)",
  "epoch.status.noneFlagged": "None",
  "epoch.status.flagged":
    "{ids}{hasMore, select, yes { and {more} more} other {}}: `/evaluation clear` or `/evaluation override`",
  "epoch.status.compute.fieldName": "Compute (if the epoch closed now)",
  "epoch.status.computeNothing":
    "Nothing yet: {online} node(s) online; the compute budget of {budget} is shared by verified capacity × uptime.",
  "epoch.status.computeShared":
    "{total} to {providers} provider(s): {nodes} node(s) sharing the compute budget of {budget} by verified capacity × uptime{hasLeases, select, yes {, {leases} ended lease(s) paid for delivered GPU-hours} other {}}. {online} node(s) online now.",
  "epoch.status.jury.fieldName": "Blind jury (so far)",
  "epoch.jury.noneReviewed": "Jury: {sampled} contribution(s) sampled, none reviewed yet.",
  "epoch.jury.size": "{items} item(s), {jurors} juror(s)",
  "epoch.jury.notMeasurable":
    "Jury agreement: not measurable (Spearman needs two items with different scores; {size}){hasDiff, select, yes {; mean difference {difference} points} other {}}.",
  "epoch.jury.agreement":
    "Jury agreement: {rho} (Spearman, {size}){hasDiff, select, yes {; mean difference {difference} points} other {}}.",
  "epoch.jury.belowMinimum":
    "Below the minimum of {minimum}: the model's scores and the jury's disagree, check the sampled evaluations before voting.",
  "epoch.closing": "Closing the epoch and drafting its distribution…",
  "epoch.closed.closed": "Epoch {number} is closed; epoch {next} is open.",
  "epoch.closed.nothingToPayCarried":
    "{closed} Nothing to pay, so there is no distribution to vote on: the rewards of {count, plural, one {# member} other {# members}} without a verified wallet are carried to the next epoch.",
  "epoch.closed.nothingToPay":
    "{closed} Nothing to pay, so there is no distribution to vote on: no contribution was evaluated this epoch.",
  "epoch.closed.electorateUnavailable":
    "the member list was not available: if it keeps failing, check the Server Members intent with `/steward status`",
  "epoch.closed.notOpened": "it could not be opened ({reason})",
  "epoch.closed.unknownReason": "unknown reason",
  "epoch.closed.votingOpen": "Voting is open until {until}.",
  "epoch.closed.staysDraft": "It stays a draft until a moderator opens it for votes with `/proposal open` ({why}).",
  "epoch.closed.proposal":
    "{closed} Distribution proposal #{id} ({count, plural, one {{payouts} payout} other {{payouts} payouts}}, batch hash `{batch}`) {where, select, posted {is posted in {channel}.} other {is saved.}}{note} {vote}",
} as const;
