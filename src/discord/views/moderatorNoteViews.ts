import { heldLineProblemText } from "../../base/heldLineProblemText.ts";
import { payoutFailureText } from "../../base/payoutFailureText.ts";
import { plannedElsewhereText } from "../../base/payoutStuckText.ts";
import type { Token } from "../../base/token.ts";
import type { Translator } from "../../i18n/translator.ts";
import type { ModeratorNote } from "../../services/publishing/enqueuePosts.ts";
import type { ChunkRef, ModeratorFact } from "../../services/publishing/moderatorFacts.ts";
import {
  mentorAcceptedNoteText,
  mentorEndedNoteText,
  mentorRequestedText,
  mentorReviewDueText,
} from "./mentorViews.ts";
import { tokenAmountIn } from "./tokenAmountIn.ts";

const chunkOf = (c: ChunkRef) => ({
  proposalId: String(c.proposalId),
  chunk: String(c.chunkIndex + 1),
  chunkCount: String(c.chunkCount),
});

/** A note to moderators in words (without the role mention the publisher puts before it). */
export function moderatorNoteText(t: Translator, note: ModeratorNote, token: Token): string {
  return "text" in note ? note.text : moderatorFactText(t, note.fact, token);
}

export function moderatorFactText(t: Translator, fact: ModeratorFact, token: Token): string {
  const amount = (units: string) => tokenAmountIn(t, units, token);
  switch (fact.kind) {
    case "proposal_not_paid":
      return t.t("notes.proposalNotPaid", { proposalId: String(fact.proposalId), reason: fact.reason });
    case "proposal_not_planned":
      return t.t("notes.proposalNotPlanned", { proposalId: String(fact.proposalId), reason: fact.reason });
    case "proposal_waits":
      return t.t("notes.proposalWaits", { proposalId: String(fact.proposalId), reason: fact.reason });
    case "chunk_stuck":
      return t.t("notes.chunkStuck", { ...chunkOf(fact.chunk), reason: fact.reason });
    case "chunk_failed":
      return t.t("notes.chunkFailed", {
        ...chunkOf(fact.chunk),
        total: amount(fact.total),
        reason: payoutFailureText(fact.failure ?? fact.reason ?? ""),
      });
    case "settlement_stopped":
      return t.t("notes.settlementStopped", {
        reason: fact.stopped ? plannedElsewhereText(fact.stopped) : (fact.reason ?? ""),
      });
    case "lines_held": {
      const listed = fact.lines
        .map((h) =>
          t.t("notes.heldLineItem", {
            id: String(h.id),
            line: String(h.lineIndex + 1),
            recipient: h.recipient,
            amount: amount(h.amount),
          }),
        )
        .join(t.t("notes.itemSeparator"));
      return t.t("notes.linesHeld", {
        ...chunkOf(fact.chunk),
        count: fact.count,
        listed: `${listed}${fact.count > fact.lines.length ? `${t.t("notes.itemSeparator")}…` : ""}`,
      });
    }
    case "held_line_released": {
      const values = {
        id: String(fact.line.id),
        proposalId: String(fact.proposalId),
        amount: amount(fact.line.amount),
        to: fact.to,
        txHash: fact.txHash,
      };
      return fact.how === "returned"
        ? t.t("notes.heldLineReturned", { ...values, recipient: fact.line.recipient })
        : t.t("notes.heldLinePaid", { ...values, how: fact.how });
    }
    case "jury_disagrees": {
      const ids = (xs: number[]) => xs.map((id) => `#${id}`).join(t.t("notes.idSeparator"));
      const head = t.t("notes.juryDisagrees", {
        epochNumber: String(fact.epochNumber),
        spearman: fact.spearman.toFixed(2),
        minAgreement: fact.minAgreement.toFixed(2),
      });
      const what =
        fact.policy === "hold"
          ? fact.held.length > 0
            ? t.t("notes.juryHeld", { ids: ids(fact.held) })
            : t.t("notes.juryNoneHeld")
          : t.t("notes.juryPaid", { ids: ids(fact.juryPaid) });
      const vote = fact.proposalId === null ? "" : t.t("notes.juryCheck", { proposalId: String(fact.proposalId) });
      return `${head}${what}${vote}`;
    }
    case "mentor_requested":
      return mentorRequestedText(t, fact);
    case "mentor_review_due":
      return mentorReviewDueText(t, fact);
    case "mentor_accepted":
      return mentorAcceptedNoteText(t, fact);
    case "mentor_ended":
      return mentorEndedNoteText(t, fact);
    case "held_line_relay_refused": {
      const problem = fact.problem ?? fact.reason;
      return t.t("notes.relayRefused", {
        relay: fact.relay,
        id: String(fact.line.id),
        proposalId: String(fact.proposalId),
        amount: amount(fact.line.amount),
        recipient: fact.line.recipient,
        reason: problem === undefined ? t.t("notes.chainRefused") : heldLineProblemText(problem),
      });
    }
    case "node_challenges_failed":
      return t.t("notes.nodeChallengesFailed", { nodeId: String(fact.nodeId), failures: fact.failures });
  }
}
