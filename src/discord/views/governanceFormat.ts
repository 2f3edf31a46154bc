import type { APIActionRowComponent, APIComponentInMessageActionRow } from "discord-api-types/v10";
import type { MessageKey } from "../../i18n/catalogs/index.ts";
import type { Translator } from "../../i18n/translator.ts";
import type { ProposalOverview } from "../../services/proposals/proposalOverview.ts";
import type { Outcome } from "../../services/votes/decideOutcome.ts";
import { BASIC_CHOICES } from "../../services/votes/tally.ts";
import { userLine } from "./userText.ts";

/** What the governance views share: custom-id prefixes, status words and colours, weights, tally lines. */
export const GOVERNANCE_BUTTON_PREFIX = "gov";
export const VOTE_PREFIX = "vote";
export const RANK_PREFIX = "rank";
export const POINTS_PREFIX = "points";
export const PAYOUT_BUTTON_PREFIX = "payout";
export const PAYOUT_REJECT_MODAL_PREFIX = "payout-reject";
export const MAX_POINTS = 10;

export type Row = APIActionRowComponent<APIComponentInMessageActionRow>;
export type Proposal = ProposalOverview["proposal"];

const STATUS_TEXT: Record<string, MessageKey> = {
  draft: "proposal.status.draft",
  open: "proposal.status.open",
  passed: "proposal.status.passed",
  rejected: "proposal.status.rejected",
  expired: "proposal.status.expired",
  awaiting_approval: "proposal.status.awaitingApproval",
  approved: "proposal.status.approved",
  vetoed: "proposal.status.vetoed",
  settling: "proposal.status.settling",
  settled: "proposal.status.settled",
  failed: "proposal.status.failed",
};
export const STATUS_COLOUR: Record<string, number> = {
  draft: 0xfee75c,
  open: 0x5865f2,
  passed: 0x57f287,
  awaiting_approval: 0x57f287,
  approved: 0x57f287,
  settled: 0x57f287,
  rejected: 0xed4245,
  vetoed: 0xed4245,
  failed: 0xed4245,
  expired: 0x99aab5,
  settling: 0x5865f2,
};

export const statusText = (t: Translator, status: string) => {
  const key = STATUS_TEXT[status];
  return key ? t.t(key) : status;
};

/** A decimal amount of whole tokens ("750", "12.5") in the reader's language; anything else as written. */
export const decimalText = (t: Translator, decimal: string) =>
  /^\d+(\.\d+)?$/.test(decimal) ? t.amount(decimal) : decimal;
export const ts = (d: Date, style: "R" | "f" = "R") => `<t:${Math.floor(d.getTime() / 1000)}:${style}>`;
export const formatWeight = (w: number) => (Number.isInteger(w) ? String(w) : String(Number(w.toFixed(2))));
export const clip = (text: string, max = 1024) => (text.length > max ? `${text.slice(0, max - 2)} …` : text) || "—";

export function bar(share: number): string {
  const filled = Math.round(share * 10);
  return "▰".repeat(filled) + "▱".repeat(10 - filled);
}

/** One line per choice: score, share of the total and a bar. */
export function tallyLines(choices: string[], o: Outcome): string {
  return choices
    .map((c, i) => {
      const score = o.scores[i] ?? 0;
      const share = o.scoresTotal > 0 ? score / o.scoresTotal : 0;
      return `${bar(share)} **${userLine(c, 100)}** — ${formatWeight(score)} (${(share * 100).toFixed(1)}%)`;
    })
    .join("\n");
}

const VOTING_TYPE_TEXT: Record<string, MessageKey> = {
  basic: "proposal.votingType.basic",
  single_choice: "proposal.votingType.singleChoice",
  approval: "proposal.votingType.approval",
  weighted: "proposal.votingType.weighted",
  quadratic: "proposal.votingType.quadratic",
  ranked_choice: "proposal.votingType.rankedChoice",
};

/** A proposal's kind in words: "funding", "distribution"… */
export const kindText = (t: Translator, kind: string) =>
  t.t("proposal.kind", { kind: ["distribution", "funding", "general", "policy"].includes(kind) ? kind : "other" });

/** A voting type as the proposal's post explains it: "ranked-choice (instant runoff)". */
export const votingTypeText = (t: Translator, type: string) => {
  const key = VOTING_TYPE_TEXT[type];
  return key ? t.t(key) : type;
};

/**
 * The names of a proposal's choices as a reader sees them: a basic vote's For / Against / Abstain in their language
 * (stored and tallied in English), anything else as its author wrote it.
 */
export function choiceNames(t: Translator, p: { votingType: string | null; choices: string[] }): string[] {
  if (p.votingType !== "basic") return p.choices;
  const names = [t.t("ballot.for.button"), t.t("ballot.against.button"), t.t("ballot.abstain.button")];
  return p.choices.map((c, i) => (c === BASIC_CHOICES[i] ? (names[i] ?? c) : c));
}
