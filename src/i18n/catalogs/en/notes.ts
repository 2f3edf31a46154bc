/** English: the source every other catalog translates. Keys start with "notes.". */
export const notes = {
  "notes.proposalNotPaid": "Proposal #{proposalId} was not paid: {reason}.",
  "notes.proposalNotPlanned":
    "Proposal #{proposalId} could not be planned for payment: {reason}. It is tried again at every settle run; the other payouts go on.",
  "notes.proposalWaits": "Proposal #{proposalId} waits to be paid: {reason}.",
  "notes.chunkStuck":
    "Payout of proposal #{proposalId} (chunk {chunk} of {chunkCount}) is stuck: {reason}. It is tried again at every settle run; the other payouts go on.",
  "notes.chunkFailed":
    "Payout of proposal #{proposalId} (chunk {chunk} of {chunkCount}, {total}) failed and was not retried: {reason}. Fix the cause, then `/payout retry proposal:{proposalId}`.",
  "notes.settlementStopped": "Payouts wait: {reason}.",
  "notes.heldLineItem": "held line #{id} (line {line}, {recipient}, {amount})",
  "notes.itemSeparator": "; ",
  "notes.idSeparator": ", ",
  "notes.linesHeld":
    "Payout of proposal #{proposalId} (chunk {chunk} of {chunkCount}) was paid except {count} line(s) whose transfer the token refused: {listed}. The distributor keeps each amount for its recipient, who claims it to a wallet of theirs with `/payout claim`; after the claim period a moderator can send it back to the treasury with `/payout return`.",
  "notes.heldLineReturned":
    "Held line #{id} (proposal #{proposalId}, {amount} for {recipient}) went back to the treasury {to} in transaction {txHash}.",
  "notes.heldLinePaid":
    "Held line #{id} (proposal #{proposalId}, {amount}) was {how, select, claimed {claimed by its recipient} other {redirected by the distributor's owner}} and paid to {to} in transaction {txHash}.",
  "notes.juryDisagrees":
    "The blind jury disagrees with the model in epoch {epochNumber}: agreement {spearman} (Spearman), below the minimum of {minAgreement}.",
  "notes.juryHeld":
    " Held for your review, paying nothing until cleared: {ids} (`/evaluation clear` or `/evaluation override`).",
  "notes.juryNoneHeld":
    " No sampled evaluation was held (the jury's scores were close to the model's on each, or a person already looked).",
  "notes.juryPaid": " Paid the jury's score instead of the model's: {ids}.",
  "notes.juryCheck": " Check distribution #{proposalId} before it is voted.",
  "notes.relayRefused":
    "The {relay, select, claim {claim} other {return}} of held line #{id} (proposal #{proposalId}, {amount} for {recipient}) was not sent: {reason}. The line stays held; its recipient can claim it again with `/payout claim line:{id}`.",
  "notes.chainRefused": "the chain refused it",
  "notes.nodeChallengesFailed":
    "⚠️ Node #{nodeId} failed its last {failures, plural, one {capacity challenge} other {# capacity challenges}}: it cannot show the capacity its provider declared, so it earns only the CPU rate. Consider `/node show id:{nodeId}` and asking its provider.",
  "notes.post.posted": " It is posted in {channel}.",
  "notes.post.inAMoment": " It will be posted in {channel} in a moment.",
  "notes.post.queued":
    " It will be posted in {channel} shortly: {aheadCount, plural, one {# post waits} other {# posts wait}} ahead of it for Discord's rate limit.",
  "notes.post.refused":
    " It is saved, but I could not post it in {channel}: {reason}. I will post it on my own once that is fixed; moderators see what waits with `/steward status`.",
  "notes.kind.contribution": "contribution",
  "notes.kind.evaluation": "evaluation of contribution post",
  "notes.kind.appeal": "appeal",
  "notes.kind.proposal": "proposal",
  "notes.kind.result": "result of proposal",
  "notes.kind.receipt": "payout receipt of proposal",
  "notes.kind.safeBatch": "Safe file of payout chunk",
  "notes.kind.note": "note to moderators",
  "notes.kind.compute": "compute message",
  "notes.kind.reminder": "vote reminder",
  "notes.kind.reminderDm": "vote reminder DM",
  "notes.kind.epochReminder": "epoch reminder",
  "notes.kind.githubDraft": "contribution draft from a merged PR",
  "notes.failing.line": "- {what} in {channel}: {reason}",
  "notes.failing.lineOf": "- {what} #{id} in {channel}: {reason}",
  "notes.failing":
    "I could not post {count, plural, one {this} other {these #}} after several tries:\n{lines}\nFix it and I post {count, plural, one {it} other {them}} on my own; `/steward status` lists everything that waits.",
} as const;
