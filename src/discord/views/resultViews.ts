import {
  type APIEmbedField,
  type APIModalInteractionResponseCallbackData,
  ButtonStyle,
  ComponentType,
  TextInputStyle,
} from "discord-api-types/v10";
import { payoutFailureText } from "../../base/payoutFailureText.ts";
import { type Token, tokenAmountText } from "../../base/token.ts";
import { payoutOf } from "../../services/proposals/payoutOf.ts";
import type { ProposalOverview } from "../../services/proposals/proposalOverview.ts";
import {
  clip,
  formatWeight,
  PAYOUT_BUTTON_PREFIX,
  PAYOUT_REJECT_MODAL_PREFIX,
  type Row,
  STATUS_COLOUR,
  statusText,
  tallyLines,
} from "./governanceFormat.ts";
import { userLine, userText } from "./userText.ts";

/** A closed proposal's result post, its approval buttons and the rejection modal. */
export function resultMessage(o: ProposalOverview, token: Token) {
  const p = o.proposal;
  const r = o.result;
  const binding = r ? r[r.binding] : null;
  const lines: string[] = [];
  if (binding) {
    lines.push(
      `${binding.voters} voter${binding.voters === 1 ? "" : "s"}, weight ${formatWeight(binding.scoresTotal)}; quorum ${formatWeight(p.quorumWeight ?? 0)} ${binding.quorumMet ? "reached" : "not reached"}.`,
    );
    if (binding.tie) lines.push("The top choices are tied, so nothing won.");
    else if (binding.winner && p.votingType !== "basic")
      lines.push(`Leading choice: **${userLine(p.choices[binding.winner - 1] ?? "", 100)}**.`);
  }
  const { total } = payoutOf(p);
  const fields: APIEmbedField[] = binding ? [{ name: "Tally", value: tallyLines(p.choices, binding) }] : [];
  if (r && r.conflictedVoters > 0) {
    const other = r.binding === "all" ? r.withoutConflicted : r.all;
    fields.push({
      name:
        r.binding === "all"
          ? "Without the payout recipients' votes (for information)"
          : "With the payout recipients' votes (not binding)",
      value: `${tallyLines(p.choices, other)}\nOutcome that way: ${other.status}`,
    });
  }
  if (["awaiting_approval", "approved", "vetoed", "settling", "settled", "failed"].includes(p.status)) {
    fields.push({ name: "Payout", value: `${tokenAmountText(total, token)} · batch \`${p.batchHash}\`` });
    fields.push({
      name: "Moderator approval",
      value:
        p.status === "vetoed"
          ? `Vetoed by <@${p.vetoedBy}>: ${userText(p.vetoReason ?? "", 900)}`
          : p.approvalsRequired === 0
            ? "Approved automatically: the total is below the auto-approval limit."
            : `${o.approvals.length} of ${p.approvalsRequired} approvals${o.approvals.length > 0 ? `: ${o.approvals.map((m) => `<@${m}>`).join(", ")}` : ""}`,
    });
    const settlement = settlementLine(o);
    if (settlement) fields.push({ name: "Settlement", value: settlement });
    if (o.approvers && o.approvers.possible < o.approvers.required) {
      fields.push({
        name: "⚠ This payout cannot be approved as it stands",
        value: `It needs ${o.approvers.required} approvals, but only ${o.approvers.possible} moderator${o.approvers.possible === 1 ? "" : "s"} can approve it${o.approvers.paid > 0 ? ` (${o.approvers.paid} ${o.approvers.paid === 1 ? "is" : "are"} paid by it, and nobody approves their own payout)` : ""}. Give another member the moderator role, or reject it.`,
      });
    }
  }
  if (o.policy) {
    fields.push({
      name: "Evaluation policy",
      value:
        o.policy.adoptedVersion !== null && o.policy.effectiveFromEpoch !== null
          ? `Adopted as policy v${o.policy.adoptedVersion}: evaluations follow it from epoch ${o.policy.effectiveFromEpoch} on; this epoch's keep their version. Nothing is paid by this vote.`
          : `Not adopted: evaluations keep policy v${o.policy.baseVersion} (or whatever a later vote adopts).`,
    });
  }
  if (p.kind === "distribution" && ["rejected", "expired", "vetoed"].includes(p.status)) {
    fields.push({
      name: "What happens to the rewards",
      value:
        "Nothing is paid now. The contributions and carries of this distribution return to the open epoch: the next epoch close drafts them again, with any overrides or clears moderators make in the meantime.",
    });
  }
  const components: Row[] =
    p.status === "awaiting_approval"
      ? [
          {
            type: ComponentType.ActionRow,
            components: [
              {
                type: ComponentType.Button,
                custom_id: `${PAYOUT_BUTTON_PREFIX}:approve:${p.id}`,
                label: "Approve payout",
                style: ButtonStyle.Success,
              },
              {
                type: ComponentType.Button,
                custom_id: `${PAYOUT_BUTTON_PREFIX}:reject:${p.id}`,
                label: "Reject",
                style: ButtonStyle.Danger,
              },
            ],
          },
        ]
      : [];
  return {
    embeds: [
      {
        title: `Proposal #${p.id} · ${statusText(p.status)}`.slice(0, 256),
        description: `${userLine(p.title)}\n\n${lines.join(" ")}`.slice(0, 4096),
        color: STATUS_COLOUR[p.status] ?? 0x5865f2,
        fields,
      },
    ],
    components,
  };
}

/** Where the money is: paid (with the transactions), being paid, or not paid and why. */
function settlementLine(o: ProposalOverview): string | null {
  const p = o.proposal;
  if (p.status === "failed") return `Not paid: ${clip(p.settlementError ?? "settlement refused", 900)}`;
  if (p.status !== "settling" && p.status !== "settled") return null;
  const txs = o.payouts.flatMap((i) =>
    i.txHash && ["mined", "confirmed"].includes(i.status) ? [txLink(i.txHash, o.explorerTxUrl)] : [],
  );
  if (p.status === "settled")
    return clip(`Paid on-chain in ${txs.length} transaction${txs.length === 1 ? "" : "s"}: ${txs.join(", ")}`, 1000);
  const failed = o.payouts.filter((i) => i.status === "failed");
  return clip(
    failed.length > 0
      ? `Being paid; ${failed.length} chunk(s) failed and wait for a moderator: ${failed.map((i) => (i.failure ? payoutFailureText(i.failure) : null)).join("; ")}`
      : `Being paid: ${o.payouts.filter((i) => i.status === "confirmed").length} of ${o.payouts.length} chunk(s) confirmed.`,
    1000,
  );
}

/** A transaction hash, linked to the explorer when EXPLORER_TX_URL is set. */
export function txLink(hash: string, explorerTxUrl: string | undefined): string {
  const short = `${hash.slice(0, 10)}…${hash.slice(-6)}`;
  return explorerTxUrl ? `[${short}](${explorerTxUrl.replace("{hash}", hash)})` : `\`${hash}\``;
}

export function rejectPayoutModal(id: number): APIModalInteractionResponseCallbackData {
  return {
    custom_id: `${PAYOUT_REJECT_MODAL_PREFIX}:${id}`,
    title: `Reject payout of proposal #${id}`,
    components: [
      {
        type: ComponentType.ActionRow,
        components: [
          {
            type: ComponentType.TextInput,
            custom_id: "reason",
            label: "Reason (recorded and shown to members)",
            style: TextInputStyle.Paragraph,
            max_length: 1000,
            required: true,
          },
        ],
      },
    ],
  };
}
