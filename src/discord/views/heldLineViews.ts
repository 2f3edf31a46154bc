import type { Token } from "../../base/token.ts";
import type { Translator } from "../../i18n/translator.ts";
import type { askClaim } from "../../services/settlement/held/askClaim.ts";
import type { ReturnOutcome } from "../../services/settlement/held/askReturn.ts";
import type { listHeldLines } from "../../services/settlement/held/listHeldLines.ts";
import type { ClaimOutcome } from "../../services/settlement/held/submitClaim.ts";
import { heldLineText } from "./payoutViews.ts";
import { tokenAmountIn } from "./tokenAmountIn.ts";

/** `/payout claim` without a line: what the distributor holds for the member's wallets. */
export function heldLinesView(
  t: Translator,
  lines: Awaited<ReturnType<typeof listHeldLines>>,
  token: Token,
  signatureWithoutLine: boolean,
): string {
  const hint = signatureWithoutLine ? `${t.t("payout.claim.giveLine")}\n` : "";
  if (lines.length === 0) return `${hint}${t.t("payout.claim.nothingHeld")}`;
  const rows = lines.map((l) =>
    t.t("payout.claim.row", {
      line: heldLineText(
        t,
        {
          id: l.id,
          recipient: l.recipient,
          amount: l.amount.toFixed(),
          status: l.status,
          paidTo: l.paidTo,
          problem: l.lastProblem,
        },
        token,
      ),
      id: l.proposalId,
    }),
  );
  return `${hint}${t.t("payout.claim.list", { count: lines.length })}\n${rows.join("\n")}\n${t.t("payout.claim.how")}`.slice(
    0,
    2000,
  );
}

/** The claim to sign: what, to where, until when, and the typed data for the wallet. */
export function claimAskedView(t: Translator, asked: Awaited<ReturnType<typeof askClaim>>, token: Token): string {
  const { line, to, deadline, typedData } = asked;
  const same = line.recipient.toLowerCase() === to.toLowerCase();
  return [
    t.t("payout.claim.sign", {
      id: line.id,
      amount: tokenAmountIn(t, line.amount.toString(), token),
      recipient: line.recipient,
      to,
      deadline: `<t:${Math.floor(deadline.getTime() / 1000)}:f>`,
    }),
    same ? t.t("payout.claim.sameWallet") : "",
    `\`\`\`json\n${JSON.stringify(typedData, null, 1)}\n\`\`\``,
  ]
    .filter((l) => l !== "")
    .join("\n")
    .slice(0, 2000);
}

/** A transaction for the member to send themselves: where to, with what data (not words: copied as they are). */
const transactionText = (tx: { to: string; data: string }) => `to: \`${tx.to}\`\ndata: \`${tx.data}\``;

export function claimSubmittedView(t: Translator, outcome: ClaimOutcome): string {
  if (outcome.queued) return t.t("payout.claim.queued", { id: outcome.id, to: outcome.to });
  return `${t.t("payout.claim.sendIt", { id: outcome.id, to: outcome.to })}\n${transactionText(outcome.transaction)}`.slice(
    0,
    2000,
  );
}

export function returnAskedView(t: Translator, outcome: ReturnOutcome): string {
  if (outcome.queued) return t.t("payout.return.queued", { id: outcome.id, treasury: outcome.treasury });
  return `${t.t("payout.return.sendIt", { id: outcome.id, treasury: outcome.treasury })}\n${transactionText(outcome.transaction)}`.slice(
    0,
    2000,
  );
}
