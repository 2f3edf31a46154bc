/**
 * English: the source every other catalog translates. Keys start with "distribution.". A distribution proposal's
 * figures in words; the English reads exactly as the text stored on the proposal (distributionProposalText.ts).
 */
export const distribution = {
  "distribution.title": "Epoch {epoch} reward distribution",
  "distribution.summary":
    "Pays {paid} to {recipients} member(s) for {contributions} contribution(s){hasCompute, select, yes { and {compute} of compute ({rewards} node uptime and lease reward(s))} other {}} of epoch {epoch}{scaled, select, yes {, scaled down from {total} to the budget of {budget}} other {}}.{hasWalletless, select, yes { {walletless} member(s) without a verified wallet: {carried} carried to the next epoch.} other {}}",
  "distribution.budget":
    "Budget: {budget}. Suggested total: {total}. {scaled, select, yes {Scaled: each share × budget / total, rounded down; the smallest units lost to rounding go one each to the largest remainders.} other {Within budget: paid as suggested.}}",
  "distribution.floors": "Category floors: {floors}.",
  "distribution.floors.separator": "; ",
  "distribution.floor.noWork": "{category} ({share} floor): no contribution this epoch",
  "distribution.floor.notNeeded": "{category} ({share} floor): not needed, the budget covers every reward",
  "distribution.floor.inFull":
    "{category} asked for less than its {share} floor ({floor}): its {count} contribution(s) paid in full, {requested}",
  "distribution.floor.first":
    "{category} received its {share} floor first: {reserved} for {count} contribution(s), then its share of the rest by score",
  "distribution.compute":
    "Compute: {budget} shared by verified capacity × uptime, plus each ended lease's delivered GPU-hours × its price: {rewards}.",
  "distribution.compute.lease": "lease #{id} {amount}",
  "distribution.compute.uptime": "node #{id} uptime {amount}",
  "distribution.policy.holdNone":
    "Policy (hold): no sampled evaluation was held; on each the jury's score was within a point of the model's, or a person had already looked.",
  "distribution.policy.held":
    "Policy (hold): held for a moderator, paying nothing in this distribution until a person clears them: {items}.",
  "distribution.policy.heldItem": "#{id} (model {model}/100, jury {jury}/100)",
  "distribution.policy.juryNone": "Policy (jury): no sampled item is paid in this distribution.",
  "distribution.policy.juryPaid":
    "Policy (jury): these sampled items are paid the jury's score, not the model's: {items}.",
  "distribution.policy.juryItem":
    "#{id} {juryReward} (jury {jury}/100; the model's {model}/100 would pay {modelReward})",
  "distribution.jurors":
    "Jurors: {total} for {reviews} completed review(s) by {jurors} juror(s), a fixed amount per review, from the epoch budget.",
  "distribution.mentors": "Mentors: {share} of a newcomer's first paid contribution, from the epoch budget: {shares}.",
  "distribution.mentorShare": "{amount} to <@{mentor}> for mentoring <@{newcomer}> (contribution #{id})",
  "distribution.mentorsRefused": "No mentor's share for {ids}: the mentor shares a wallet with the newcomer.",
  "distribution.appealed": "Left for the next epoch (open appeals): {ids}.",
  "distribution.held": "Left for the next epoch (flagged, waiting for a moderator): {ids}.",
} as const;
