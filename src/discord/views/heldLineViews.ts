import { type Token, tokenAmountText } from "../../base/token.ts";
import type { askClaim } from "../../services/settlement/held/askClaim.ts";
import type { ReturnOutcome } from "../../services/settlement/held/askReturn.ts";
import type { listHeldLines } from "../../services/settlement/held/listHeldLines.ts";
import type { ClaimOutcome } from "../../services/settlement/held/submitClaim.ts";
import { heldLineText } from "./payoutViews.ts";

/** `/payout claim` without a line: what the distributor holds for the member's wallets. */
export function heldLinesView(
  lines: Awaited<ReturnType<typeof listHeldLines>>,
  token: Token,
  signatureWithoutLine: boolean,
): string {
  const hint = signatureWithoutLine
    ? "Give the line number with the signature: `/payout claim line:<n> signature:…`.\n"
    : "";
  if (lines.length === 0) {
    return `${hint}Nothing is held for you: every payout to your linked wallets went through (\`/payout history\` lists them).`;
  }
  const rows = lines.map(
    (l) =>
      `${heldLineText({ id: l.id, recipient: l.recipient, amount: l.amount.toFixed(), status: l.status, paidTo: l.paidTo, problem: l.lastProblem }, token)} · proposal #${l.proposalId}`,
  );
  return `${hint}The distributor holds ${lines.length} payout line(s) for you: the token refused the transfer to that wallet, so the amount waits for you on chain.\n${rows.join("\n")}\nRun \`/payout claim line:<n>\` to have one paid to your linked wallet.`.slice(
    0,
    2000,
  );
}

/** The claim to sign: what, to where, until when, and the typed data for the wallet. */
export function claimAskedView(asked: Awaited<ReturnType<typeof askClaim>>, token: Token): string {
  const { line, to, deadline, typedData } = asked;
  const same = line.recipient.toLowerCase() === to.toLowerCase();
  return [
    `Held line #${line.id}: ${tokenAmountText(line.amount.toString(), token)} for \`${line.recipient}\`. To have it paid to your linked wallet \`${to}\`, sign this claim with \`${line.recipient}\` (EIP-712 typed data, e.g. \`eth_signTypedData_v4\` in your wallet), then run \`/payout claim line:${line.id} signature:<the 0x… signature>\` before <t:${Math.floor(deadline.getTime() / 1000)}:f>.`,
    same
      ? `Your linked wallet is the one whose transfer failed: if the token refuses it again, link another one with \`/wallet link\` first and ask again.`
      : "",
    `\`\`\`json\n${JSON.stringify(typedData, null, 1)}\n\`\`\``,
  ]
    .filter((l) => l !== "")
    .join("\n")
    .slice(0, 2000);
}

export function claimSubmittedView(outcome: ClaimOutcome): string {
  if (outcome.queued) {
    return `Your claim of held line #${outcome.id} is signed and the distributor accepts it: Steward sends it at the next settle run, paying \`${outcome.to}\`. \`/payout claim\` shows where it is.`;
  }
  return `Your claim of held line #${outcome.id} checks out on chain. Steward holds no key here (the treasury is a Safe), so send it from any wallet — it can only pay \`${outcome.to}\`:\nto: \`${outcome.transaction.to}\`\ndata: \`${outcome.transaction.data}\``.slice(
    0,
    2000,
  );
}

export function returnAskedView(outcome: ReturnOutcome): string {
  if (outcome.queued) {
    return `Held line #${outcome.id} goes back to the treasury \`${outcome.treasury}\` at the next settle run.`;
  }
  return `Held line #${outcome.id} can go back to the treasury \`${outcome.treasury}\`: the distributor's owner (the Safe) sends this transaction:\nto: \`${outcome.transaction.to}\`\ndata: \`${outcome.transaction.data}\``.slice(
    0,
    2000,
  );
}
