import { heldLineProblemText } from "../../base/heldLineProblemText.ts";
import { payoutFailureText } from "../../base/payoutFailureText.ts";
import { plannedElsewhereText } from "../../base/payoutStuckText.ts";
import { type Token, tokenAmountText } from "../../base/token.ts";
import type { ModeratorNote } from "../../services/publishing/enqueuePosts.ts";
import type { ChunkRef, ModeratorFact } from "../../services/publishing/moderatorFacts.ts";

const chunkOf = (c: ChunkRef) => `chunk ${c.chunkIndex + 1} of ${c.chunkCount}`;
const TRIED_AGAIN = "It is tried again at every settle run; the other payouts go on.";

/** A note to moderators in words (without the role mention the publisher puts before it). */
export function moderatorNoteText(note: ModeratorNote, token: Token): string {
  return "text" in note ? note.text : moderatorFactText(note.fact, token);
}

export function moderatorFactText(fact: ModeratorFact, token: Token): string {
  switch (fact.kind) {
    case "proposal_not_paid":
      return `Proposal #${fact.proposalId} was not paid: ${fact.reason}.`;
    case "proposal_not_planned":
      return `Proposal #${fact.proposalId} could not be planned for payment: ${fact.reason}. ${TRIED_AGAIN}`;
    case "proposal_waits":
      return `Proposal #${fact.proposalId} waits to be paid: ${fact.reason}.`;
    case "chunk_stuck":
      return `Payout of proposal #${fact.chunk.proposalId} (${chunkOf(fact.chunk)}) is stuck: ${fact.reason}. ${TRIED_AGAIN}`;
    case "chunk_failed":
      return `Payout of proposal #${fact.chunk.proposalId} (${chunkOf(fact.chunk)}, ${tokenAmountText(fact.total, token)}) failed and was not retried: ${payoutFailureText(fact.failure ?? fact.reason ?? "")}. Fix the cause, then \`/payout retry proposal:${fact.chunk.proposalId}\`.`;
    case "settlement_stopped":
      return `Payouts wait: ${fact.stopped ? plannedElsewhereText(fact.stopped) : fact.reason}.`;
    case "lines_held": {
      const listed = fact.lines
        .map((h) => `held line #${h.id} (line ${h.lineIndex + 1}, ${h.recipient}, ${tokenAmountText(h.amount, token)})`)
        .join("; ");
      return `Payout of proposal #${fact.chunk.proposalId} (${chunkOf(fact.chunk)}) was paid except ${fact.count} line(s) whose transfer the token refused: ${listed}${fact.count > fact.lines.length ? "; …" : ""}. The distributor keeps each amount for its recipient, who claims it to a wallet of theirs with \`/payout claim\`; after the claim period a moderator can send it back to the treasury with \`/payout return\`.`;
    }
    case "held_line_released": {
      const amount = tokenAmountText(fact.line.amount, token);
      return fact.how === "returned"
        ? `Held line #${fact.line.id} (proposal #${fact.proposalId}, ${amount} for ${fact.line.recipient}) went back to the treasury ${fact.to} in transaction ${fact.txHash}.`
        : `Held line #${fact.line.id} (proposal #${fact.proposalId}, ${amount}) was ${fact.how === "claimed" ? "claimed by its recipient" : "redirected by the distributor's owner"} and paid to ${fact.to} in transaction ${fact.txHash}.`;
    }
    case "held_line_relay_refused":
      return `The ${fact.relay} of held line #${fact.line.id} (proposal #${fact.proposalId}, ${tokenAmountText(fact.line.amount, token)} for ${fact.line.recipient}) was not sent: ${heldLineProblemText(fact.problem ?? fact.reason ?? "the chain refused it")}. The line stays held; its recipient can claim it again with \`/payout claim line:${fact.line.id}\`.`;
  }
}
