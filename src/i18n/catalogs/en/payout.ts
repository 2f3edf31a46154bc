/** English: the source every other catalog translates. Keys start with "payout.". */
export const payout = {
  // The receipt in the payouts channel (public: the guild's language).
  "payout.receipt.content": "Paid: proposal #{id} “{title}”.",
  "payout.receipt.embedTitle": "Receipt · proposal #{id}",
  "payout.receipt.lineHeld":
    "{who} · {amount} · **held**: the token refused the transfer; its owner claims it with `/payout claim line:{line}`",
  "payout.receipt.more": "… and {count} more (see `/payout status proposal:{id}`).",
  "payout.receipt.unknownTransaction": "(unknown)",
  "payout.receipt.total.fieldName": "Total",
  "payout.receipt.total": "{amount} to {count} recipient(s)",
  "payout.receipt.totalWithHeld":
    "{amount} to {count} recipient(s); {heldAmount} of it held for {heldCount} recipient(s) whose transfer failed, until claimed",
  "payout.receipt.transactions.fieldName": "{count, plural, one {Transaction} other {Transactions}}",
  "payout.receipt.batch.fieldName": "Batch",
  // A chunk exported for the Safe (public: the guild's language).
  "payout.safeBatch":
    "Proposal #{id}, chunk {index} of {count}, is ready for the Safe `{treasury}`: import the attached file in the Safe's Transaction Builder, check it, sign and execute it. Steward records the payout and posts the receipt once the distributor's Settled event for batch `{batchId}` is on-chain; `/payout status proposal:{id}` follows it.",
  // `/payout status`.
  "payout.status.head":
    "**Proposal #{id}** “{title}” is {status, select, draft {draft} open {open} passed {passed} rejected {rejected} expired {expired} awaiting_approval {awaiting approval} approved {approved} vetoed {vetoed} settling {settling} settled {settled} failed {failed} other {{status}}}.",
  "payout.status.waitsForSettle": "{head} It is approved and the settle job pays it on its next run.",
  "payout.status.waitsForChain": "{head} It is approved; no chain is set up for payouts here, so it waits.",
  "payout.status.notPaid": "{head} Not paid: {reason}.",
  "payout.status.settlementRefused": "settlement refused",
  "payout.status.nothingPaid": "{head} Nothing has been paid for it.",
  "payout.status.chunk": "Chunk {index} of {count}: {lines} line(s), {amount} — {step}{details}",
  "payout.status.step":
    "{status, select, planned {planned} signed {signed, about to be sent} broadcast {sent, waiting to be mined} mined {mined, waiting for confirmations} confirmed {paid} failed {failed} awaiting_execution {exported for the Safe, waiting for its execution} other {{status}}}",
  "payout.status.confirmations": " ({confirmations} of {required} confirmations)",
  "payout.status.stuck": " — stuck: {reason}",
  "payout.status.retry":
    "A moderator can pay the failed chunk(s) again once the cause is fixed: `/payout retry proposal:{id}`.",
  // One held line, wherever it is listed.
  "payout.held.line": "held line #{id}: {amount} for `{recipient}` — {where}{problem}",
  "payout.held.lineNumbered": "held line #{id} (line {line}): {amount} for `{recipient}` — {where}{problem}",
  "payout.held.state":
    "{status, select, held {held} claim_signed {claim signed, sent at the next settle run} return_asked {being returned to the treasury} sent {claim or return on its way to the chain} claimed {claimed} redirected {redirected by the distributor's owner} returned {returned to the treasury} other {{status}}}",
  "payout.held.paidTo": "{state}, paid to `{paidTo}`",
  "payout.held.claimIt": "held: its owner claims it with `/payout claim line:{id}`",
  "payout.held.problem": " (last attempt: {problem})",
  // `/payout history`.
  "payout.history.noWallet": "You have no linked wallet, so nothing was paid to you. `/wallet link` links one.",
  "payout.history.none": "Nothing has been paid to your wallet(s) yet.",
  "payout.history.paid": "You were paid {amount} in {count} payout(s):",
  "payout.history.paidSomeHeld": "You were paid {amount} in {count} payout(s) ({held} more held or returned):",
  "payout.history.row": "{date} · {amount} · proposal #{id} “{title}”",
  "payout.history.held": "**held** (the transfer failed): claim it with `/payout claim line:{id}`",
  "payout.history.heldLine": "held line #{id}: {state}",
  "payout.history.heldLineTo": "held line #{id}: {state} to `{paidTo}`",
  "payout.history.more": "… and {count} earlier payout(s).",
  // `/payout claim` and `/payout return`.
  "payout.claim.giveLine": "Give the line number with the signature: `/payout claim line:<n> signature:…`.",
  "payout.claim.nothingHeld":
    "Nothing is held for you: every payout to your linked wallets went through (`/payout history` lists them).",
  "payout.claim.list":
    "The distributor holds {count} payout line(s) for you: the token refused the transfer to that wallet, so the amount waits for you on chain.",
  "payout.claim.row": "{line} · proposal #{id}",
  "payout.claim.how": "Run `/payout claim line:<n>` to have one paid to your linked wallet.",
  "payout.claim.sign":
    "Held line #{id}: {amount} for `{recipient}`. To have it paid to your linked wallet `{to}`, sign this claim with `{recipient}` (EIP-712 typed data, e.g. `eth_signTypedData_v4` in your wallet), then run `/payout claim line:{id} signature:<the 0x… signature>` before {deadline}.",
  "payout.claim.sameWallet":
    "Your linked wallet is the one whose transfer failed: if the token refuses it again, link another one with `/wallet link` first and ask again.",
  "payout.claim.queued":
    "Your claim of held line #{id} is signed and the distributor accepts it: Steward sends it at the next settle run, paying `{to}`. `/payout claim` shows where it is.",
  "payout.claim.sendIt":
    "Your claim of held line #{id} checks out on chain. Steward holds no key here (the treasury is a Safe), so send it from any wallet — it can only pay `{to}`:",
  "payout.return.queued": "Held line #{id} goes back to the treasury `{treasury}` at the next settle run.",
  "payout.return.sendIt":
    "Held line #{id} can go back to the treasury `{treasury}`: the distributor's owner (the Safe) sends this transaction:",
  // Moderators: retry, approve, reject.
  "payout.retry.done":
    "{count} failed chunk(s) of proposal #{id} will be paid again now (each at most once: the chain refuses a chunk it already paid). `/payout status proposal:{id}` follows it.",
  "payout.approve.approvedPaying":
    "You approved proposal #{id}: {approvals} of {required} approvals, so it is **approved**: it is being paid on-chain now; the receipt follows in the payouts channel.",
  "payout.approve.approvedWaiting":
    "You approved proposal #{id}: {approvals} of {required} approvals, so it is **approved**: no chain is set up for payouts here, so it waits for one.",
  "payout.approve.counted": "You approved proposal #{id}: {approvals} of {required} approvals so far.",
  "payout.reject.done":
    "You rejected proposal #{id}: it is **vetoed** and will not be paid. Your reason is recorded and shown on its result.",
  // Why a chunk failed or is stuck, why a held line's relay did not go through (moderators, `/payout status`).
  "payout.failure.amountUnpackable": "a line of this chunk cannot be paid: amount {amount} cannot be packed",
  "payout.failure.paysContract":
    "line {line} of this chunk pays {recipient}, the distributor or token contract itself: the amount would be stranded",
  "payout.failure.treasuryShort":
    "the treasury {treasury} holds {balance} and this chunk needs {needed} (smallest units)",
  "payout.failure.allowanceShort":
    "the treasury allows the distributor {allowance} and this chunk needs {needed}: approve more",
  "payout.failure.chainRefused": "the chain refused the transaction",
  "payout.failure.settledOtherLines":
    "batch id {batchId} was settled on chain by transaction {txHash} with other lines than this chunk's (lines hash {linesHash}): this chunk was not paid as voted; look at that transaction before anything else",
  "payout.failure.reverted": "transaction {txHash} reverted on-chain in block {block}",
  "payout.failure.nonceTaken": "nonce {nonce} of the treasury was used by another transaction; this chunk was not paid",
  "payout.failure.txGone": "transaction {txHash}, which paid this chunk, is no longer on the chain",
  "payout.stuck.plannedChunk": "proposal #{id} chunk {chunk} ({settings})",
  "payout.stuck.plannedElsewhere":
    "settlement is stopped: {count} unfinished payout chunk(s) were planned for another chain, token or distributor than the settings now name ({now}): {listed}. Paying them through the new settings could pay their amounts in another token or a chunk twice; put those settings back until they are paid",
  "payout.heldProblem.reverted": "transaction {txHash} reverted on chain",
  "payout.heldProblem.claimExpired": "the claim's signature expired before it could be sent",
} as const;
