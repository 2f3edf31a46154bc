import type { APIActionRowComponent, APIComponentInMessageActionRow } from "discord-api-types/v10";
import type { ProposalOverview } from "../../services/proposals/proposalOverview.ts";
import type { Outcome } from "../../services/votes/decideOutcome.ts";
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

const STATUS_TEXT: Record<string, string> = {
  draft: "Draft: not open for votes yet",
  open: "Open for votes",
  passed: "Passed",
  rejected: "Rejected",
  expired: "Expired: quorum not reached",
  awaiting_approval: "Passed · awaiting moderator approval",
  approved: "Approved · waiting for settlement",
  vetoed: "Vetoed by a moderator",
  settling: "Settling on-chain",
  settled: "Settled",
  failed: "Settlement failed",
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

export const statusText = (status: string) => STATUS_TEXT[status] ?? status;
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

export const VOTING_TYPE_TEXT: Record<string, string> = {
  basic: "basic (For / Against / Abstain)",
  single_choice: "single-choice",
  approval: "approval (pick any number)",
  weighted: "weighted (spread your points)",
  quadratic: "quadratic (spread your points; weight counts as its square root per choice)",
  ranked_choice: "ranked-choice (instant runoff)",
};
