import {
  type APIEmbedField,
  type APIModalInteractionResponseCallbackData,
  ButtonStyle,
  ComponentType,
  TextInputStyle,
} from "discord-api-types/v10";
import { payoutFailureText } from "../../base/payoutFailureText.ts";
import type { Token } from "../../base/token.ts";
import type { Translator } from "../../i18n/translator.ts";
import { payoutOf } from "../../services/proposals/payoutOf.ts";
import type { ProposalOverview } from "../../services/proposals/proposalOverview.ts";
import { proposalTitleIn } from "./distributionWords.ts";
import {
  choiceNames,
  clip,
  formatWeight,
  PAYOUT_BUTTON_PREFIX,
  PAYOUT_REJECT_MODAL_PREFIX,
  type Row,
  STATUS_COLOUR,
  statusText,
  tallyLines,
} from "./governanceFormat.ts";
import { tokenAmountIn } from "./tokenAmountIn.ts";
import { userLine, userText } from "./userText.ts";

/** A closed proposal's result post, its approval buttons and the rejection modal. */
export function resultMessage(t: Translator, o: ProposalOverview, token: Token) {
  const p = o.proposal;
  const r = o.result;
  const binding = r ? r[r.binding] : null;
  const choices = choiceNames(t, p);
  const lines: string[] = [];
  if (binding) {
    lines.push(
      t.t("proposal.result.turnout", {
        count: binding.voters,
        voters: String(binding.voters),
        weight: formatWeight(binding.scoresTotal),
        quorum: formatWeight(p.quorumWeight ?? 0),
        reached: binding.quorumMet,
      }),
    );
    if (binding.tie) lines.push(t.t("proposal.result.tie"));
    else if (binding.winner && p.votingType !== "basic")
      lines.push(t.t("proposal.result.leading", { choice: userLine(choices[binding.winner - 1] ?? "", 100) }));
  }
  const { total } = payoutOf(p);
  const fields: APIEmbedField[] = binding
    ? [{ name: t.t("proposal.result.tally.fieldName"), value: tallyLines(choices, binding) }]
    : [];
  if (r && r.conflictedVoters > 0) {
    const other = r.binding === "all" ? r.withoutConflicted : r.all;
    fields.push({
      name:
        r.binding === "all"
          ? t.t("proposal.result.withoutRecipients.fieldName")
          : t.t("proposal.result.withRecipients.fieldName"),
      value: `${tallyLines(choices, other)}\n${t.t("proposal.post.outcomeThatWay", { status: other.status })}`,
    });
  }
  if (["awaiting_approval", "approved", "vetoed", "settling", "settled", "failed"].includes(p.status)) {
    fields.push({
      name: t.t("proposal.result.payout.fieldName"),
      value: t.t("proposal.result.payout", { total: tokenAmountIn(t, total, token), batch: p.batchHash ?? "null" }),
    });
    fields.push({
      name: t.t("proposal.result.approval.fieldName"),
      value:
        p.status === "vetoed"
          ? t.t("proposal.result.vetoed", { moderator: `<@${p.vetoedBy}>`, reason: userText(p.vetoReason ?? "", 900) })
          : p.approvalsRequired === 0
            ? t.t("proposal.result.autoApproved")
            : o.approvals.length > 0
              ? t.t("proposal.result.approvalsBy", {
                  count: o.approvals.length,
                  required: String(p.approvalsRequired),
                  moderators: o.approvals.map((m) => `<@${m}>`).join(", "),
                })
              : t.t("proposal.result.approvals", { count: o.approvals.length, required: String(p.approvalsRequired) }),
    });
    const settlement = settlementLine(t, o);
    if (settlement) fields.push({ name: t.t("proposal.result.settlement.fieldName"), value: settlement });
    if (o.approvers && o.approvers.possible < o.approvers.required) {
      fields.push({
        name: t.t("proposal.result.cannotBeApproved.fieldName"),
        value: t.t("proposal.result.cannotBeApproved", {
          required: o.approvers.required,
          possible: o.approvers.possible,
          paid: o.approvers.paid,
        }),
      });
    }
  }
  if (o.policy) {
    fields.push({
      name: t.t("proposal.result.policy.fieldName"),
      value:
        o.policy.adoptedVersion !== null && o.policy.effectiveFromEpoch !== null
          ? t.t("proposal.result.policyAdopted", {
              version: o.policy.adoptedVersion,
              epoch: o.policy.effectiveFromEpoch,
            })
          : t.t("proposal.result.policyNotAdopted", { version: o.policy.baseVersion }),
    });
  }
  if (p.kind === "distribution" && ["rejected", "expired", "vetoed"].includes(p.status)) {
    fields.push({
      name: t.t("proposal.result.rewards.fieldName"),
      value: t.t("proposal.result.rewardsReturn"),
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
                label: t.t("proposal.result.approve.button"),
                style: ButtonStyle.Success,
              },
              {
                type: ComponentType.Button,
                custom_id: `${PAYOUT_BUTTON_PREFIX}:reject:${p.id}`,
                label: t.t("proposal.result.reject.button"),
                style: ButtonStyle.Danger,
              },
            ],
          },
        ]
      : [];
  return {
    embeds: [
      {
        title: t.t("proposal.result.embedTitle", { id: p.id, status: statusText(t, p.status) }).slice(0, 256),
        description: `${userLine(proposalTitleIn(t, p))}\n\n${lines.join(" ")}`.slice(0, 4096),
        color: STATUS_COLOUR[p.status] ?? 0x5865f2,
        fields,
      },
    ],
    components,
  };
}

/** Where the money is: paid (with the transactions), being paid, or not paid and why. */
function settlementLine(t: Translator, o: ProposalOverview): string | null {
  const p = o.proposal;
  if (p.status === "failed")
    return t.t("proposal.result.notPaid", {
      reason: clip(p.settlementError ?? t.t("proposal.result.settlementRefused"), 900),
    });
  if (p.status !== "settling" && p.status !== "settled") return null;
  const txs = o.payouts.flatMap((i) =>
    i.txHash && ["mined", "confirmed"].includes(i.status) ? [txLink(i.txHash, o.explorerTxUrl)] : [],
  );
  if (p.status === "settled")
    return clip(t.t("proposal.result.paid", { count: txs.length, transactions: txs.join(", ") }), 1000);
  const failed = o.payouts.filter((i) => i.status === "failed");
  return clip(
    failed.length > 0
      ? t.t("proposal.result.chunksFailed", {
          failed: failed.length,
          reasons: failed.map((i) => (i.failure ? payoutFailureText(i.failure) : null)).join("; "),
        })
      : t.t("proposal.result.chunksConfirmed", {
          confirmed: o.payouts.filter((i) => i.status === "confirmed").length,
          chunks: o.payouts.length,
        }),
    1000,
  );
}

/** A transaction hash, linked to the explorer when EXPLORER_TX_URL is set. */
export function txLink(hash: string, explorerTxUrl: string | undefined): string {
  const short = `${hash.slice(0, 10)}…${hash.slice(-6)}`;
  return explorerTxUrl ? `[${short}](${explorerTxUrl.replace("{hash}", hash)})` : `\`${hash}\``;
}

export function rejectPayoutModal(t: Translator, id: number): APIModalInteractionResponseCallbackData {
  return {
    custom_id: `${PAYOUT_REJECT_MODAL_PREFIX}:${id}`,
    title: t.t("proposal.reject.modalTitle", { id }),
    components: [
      {
        type: ComponentType.ActionRow,
        components: [
          {
            type: ComponentType.TextInput,
            custom_id: "reason",
            label: t.t("proposal.reject.reason.inputLabel"),
            style: TextInputStyle.Paragraph,
            max_length: 1000,
            required: true,
          },
        ],
      },
    ],
  };
}
