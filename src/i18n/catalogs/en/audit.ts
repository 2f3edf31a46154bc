/** English: the source every other catalog translates. Keys start with "audit.". */
export const audit = {
  // `/audit trace`: what it traces, its pages.
  "audit.subject":
    "{kind, select, transaction {transaction {key}} proposal {proposal #{key}} contribution {contribution #{key}} other {node #{key}}}",
  "audit.path.embedTitle": "Audit trace: {subject}",
  "audit.lines.embedTitle": "Audit trace: {subject} — payouts {from}–{to} of {total}",
  "audit.footer": "Trace of {subject} · page {page} of {pages} · check it all: steward audit verify",
  // Page 1: from the transaction to the vote.
  "audit.path.transaction": "**① Transaction** {tx} — {status}",
  "audit.path.transactionInBlock": "**① Transaction** {tx} — {status} in block {block}",
  "audit.path.chunk": "Chunk {index} of {count}: {lines} payout(s), {amount} · batch id `{batchId}…`",
  "audit.path.node": "**Node #{id} {name}** — {gpu}, {region}, {status}; provider {provider}",
  "audit.path.batch": "**② Batch** of proposal #{id} — hash `{hash}`",
  "audit.path.batchOfEpoch": "**② Batch** of proposal #{id} — hash `{hash}` (epoch {epoch})",
  "audit.path.noHash": "none",
  "audit.path.proposal": "**③ Proposal #{id}** {title} — {status}, by {author}",
  "audit.path.vote":
    "**④ Vote** ({type}) — {voters} voter(s); quorum {quorum} of {eligible} eligible weight{quorumMet, select, yes {, reached} no {, not reached} other {}}",
  "audit.path.noTally": "No tally yet.",
  "audit.path.conflictedExcluded": "{count} voter(s) are paid by this batch: their votes did not count.",
  "audit.path.conflictedCounted":
    "{count} voter(s) are paid by this batch (counted; shown separately on the proposal).",
  "audit.path.approvals": "**⑤ Approvals** — {count}",
  "audit.path.approvalsBy": "**⑤ Approvals** — {count}: {list}",
  "audit.path.approvalsOfRequired": "**⑤ Approvals** — {count} of {required} required",
  "audit.path.approvalsOfRequiredBy": "**⑤ Approvals** — {count} of {required} required: {list}",
  "audit.path.transactions": "**Transactions** — {list}",
  "audit.path.anchored": "**Audit head at the close** — event #{eventId} `{hash}…`, anchored on chain in block {block}",
  "audit.path.notAnchored": "**Audit head at the close** — event #{eventId} `{hash}…`, not anchored on chain yet",
  "audit.path.reasons": "**⑥ Reasons** — {count} payout line(s) on the next {pages, plural, one {page} other {pages}}.",
  "audit.chunkStatus":
    "{status, select, planned {planned} signed {signed} broadcast {broadcast} mined {mined} confirmed {confirmed} failed {failed} awaiting_execution {awaiting_execution} other {{status}}}",
  "audit.proposalStatus":
    "{status, select, draft {Draft: not open for votes yet} open {Open for votes} passed {Passed} rejected {Rejected} expired {Expired: quorum not reached} awaiting_approval {Passed · awaiting moderator approval} approved {Approved · waiting for settlement} vetoed {Vetoed by a moderator} settling {Settling on-chain} settled {Settled} failed {Settlement failed} other {{status}}}",
  "audit.votingType":
    "{type, select, basic {basic (For / Against / Abstain)} single_choice {single-choice} approval {approval (pick any number)} weighted {weighted (spread your points)} quadratic {quadratic (spread your points; weight counts as its square root per choice)} ranked_choice {ranked-choice (instant runoff)} other {{type}}}",
  // Where a trace stops, and why.
  "audit.note.withdrawn": "It was withdrawn: nothing is paid for it.",
  "audit.note.notInClosedEpoch":
    "It is not in a closed epoch yet: it is paid by the distribution of the epoch it is in, once voted.",
  "audit.note.carried":
    "Its author had no verified wallet when epoch {epoch} closed: the share was carried to the next epoch's distribution (paid once a wallet is linked).",
  "audit.note.carriedPaid":
    "Its author had no verified wallet when epoch {epoch} closed: the share was carried, and paid with a later epoch's distribution.",
  "audit.note.noShare": "Its epoch closed without a payout for it (no payable share).",
  "audit.note.nodeUnpaid": "It has earned nothing in a closed epoch yet.",
  "audit.note.nodeLatestEpoch": "The node's latest paid epoch is shown.",
  "audit.note.notPaidYet":
    "Not paid on chain yet: the proposal is {status, select, draft {draft} open {open} passed {passed} rejected {rejected} expired {expired} awaiting_approval {awaiting approval} approved {approved} vetoed {vetoed} settling {settling} settled {settled} failed {failed} other {{status}}}.",
  // Pages 2+: each payout line and its reasons.
  "audit.line": "**{recipient}** — {amount}",
  "audit.lineInChunk": "**{recipient}** — {amount} (chunk {chunk})",
  "audit.reason.uptime": "uptime of node #{id} {node}: {hours} h → {amount}",
  "audit.reason.lease": "lease #{leaseId} on node #{nodeId} {node} → {amount}",
  "audit.reason.carry": "a reward carried from an earlier epoch (carry #{id})",
  "audit.reason.contribution": 'contribution #{id} "{title}" ({category}) by {author}, {when}',
  "audit.reason.noEvaluation": "no active evaluation",
  "audit.evaluation":
    "evaluation #{id}: {evaluator}{model}, rubric v{rubric}, prompt sha256 `{sha}…`, total {total}/100, confidence {confidence}%{details}",
  "audit.evaluation.policy": ", policy v{version}",
  "audit.evaluation.scores": "scores: {scores}",
  "audit.evaluation.evidence": "evidence: {quotes}",
  "audit.evaluation.flags": "flags: {flags}",
  "audit.evaluation.flagsCleared": "flags: {flags} (cleared by a person)",
  "audit.jury.notSampled": "blind jury: not sampled",
  "audit.jury.sampled": "blind jury: sampled (compared with evaluation #{id})",
  "audit.jury.sampledInEpoch": "blind jury: sampled in epoch {epoch} (compared with evaluation #{id})",
  "audit.jury.notReviewed": "{drawn}, not reviewed",
  "audit.jury.reviewed": "{drawn}: {reviews} review(s), jury {jury}/100 vs model {model}/100; {scores}",
  "audit.jury.criterion": "{criterion} {jury} vs {model}",
} as const;
