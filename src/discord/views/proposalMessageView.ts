import { type APIEmbed, type APIEmbedField, ButtonStyle, ComponentType } from "discord-api-types/v10";
import { type Token, tokenAmountText } from "../../base/token.ts";
import { payoutOf } from "../../services/proposals/payoutOf.ts";
import type { ProposalOverview } from "../../services/proposals/proposalOverview.ts";
import { shortAddress } from "../../services/transparency/publicIdentity.ts";
import { ballot } from "./ballotViews.ts";
import {
  clip,
  formatWeight,
  GOVERNANCE_BUTTON_PREFIX,
  type Row,
  STATUS_COLOUR,
  statusText,
  tallyLines,
  ts,
  VOTING_TYPE_TEXT,
} from "./governanceFormat.ts";
import { policyProposalFields } from "./policyViews.ts";
import { quorumLines } from "./quorumText.ts";
import { userLine, userText } from "./userText.ts";

/** An address as the member allows it in public (`/privacy show-wallet`); shortened when nothing says otherwise. */
const shownAddress = (o: ProposalOverview, address: string) =>
  o.publicAddress?.[address.toLowerCase()] ?? shortAddress(address);

/** A proposal's public message in #governance: payout, voting terms, live tally and ballot. */
function payoutFields(o: ProposalOverview, token: Token): APIEmbedField[] {
  const { entries, total } = payoutOf(o.proposal);
  if (entries.length === 0 && o.proposal.kind === "funding") {
    const amount = o.proposal.budgetAmount;
    return [
      {
        name: "Budget request",
        value: amount
          ? `${tokenAmountText(amount, token)} to ${o.proposal.budgetRecipient ? `\`${shownAddress(o, o.proposal.budgetRecipient)}\`` : "no address given"}`
          : "none",
      },
    ];
  }
  if (entries.length === 0) return o.proposal.kind === "distribution" ? [{ name: "Payouts", value: "none" }] : [];
  const lines = entries.map((e) => {
    const contributions = e.refs.filter((r) => r.startsWith("contribution:")).map((r) => `#${r.slice(13)}`);
    const carried = e.refs.filter((r) => r.startsWith("carry:")).length;
    // Compute lines name their node and lease; a funding line's only ref is this proposal itself: nothing to add.
    const compute = e.refs
      .filter((r) => r.startsWith("node:") || r.startsWith("lease:"))
      .map((r) => r.replace(":", " #"));
    const refs = [
      ...contributions,
      ...compute,
      ...(carried > 0 ? [`${carried === 1 ? "a reward" : `${carried} rewards`} carried from an earlier epoch`] : []),
    ].join(", ");
    return `\`${shownAddress(o, e.recipient)}\` — ${tokenAmountText(e.amount, token)}${refs ? ` (${refs})` : ""}`;
  });
  const list = lines.join("\n");
  return [
    {
      name: `Payouts (${entries.length}) · total ${tokenAmountText(total, token)}`,
      value: list.length > 1024 ? `${list.slice(0, 990)}\n… and ${entries.length} in all` : list,
    },
    { name: "Batch hash (the vote binds it)", value: `\`${o.proposal.batchHash ?? "computed when the vote opens"}\`` },
    ...(o.anchor ? [{ name: "Audit chain head at the close", value: anchorText(o.anchor, o.explorerTxUrl) }] : []),
    ...(o.carried.length > 0
      ? [
          {
            name: "Carried to the next epoch (no verified wallet)",
            value: clip(o.carried.map((c) => `<@${c.discordId}> — ${tokenAmountText(c.amount, token)}`).join("\n")),
          },
        ]
      : []),
  ];
}

/** The head published for this epoch: anyone can later check the audit log still holds it (`steward audit verify`). */
function anchorText(a: NonNullable<ProposalOverview["anchor"]>, explorerTxUrl: string | undefined): string {
  const head = `event #${a.eventId} · \`${a.hash}\``;
  if (!a.txHash) return `${head}\nTo be published on chain by the next settle run.`;
  const tx = explorerTxUrl
    ? `[${a.txHash.slice(0, 10)}…](${explorerTxUrl.replace("{hash}", a.txHash)})`
    : `\`${a.txHash}\``;
  return `${head}\nAnchored on chain ${a.chainId} in block ${a.blockNumber} (tx ${tx}).`;
}

function votingFields(o: ProposalOverview): APIEmbedField[] {
  const p = o.proposal;
  if (!p.votingType || !p.endsAt) return [];
  const fields: APIEmbedField[] = [
    {
      name: "Voting",
      value: [
        `Type: ${VOTING_TYPE_TEXT[p.votingType] ?? p.votingType}`,
        `Weight: ${p.weightStrategy}${p.snapshotBlock !== null ? ` at block ${p.snapshotBlock}` : ""}`,
        ...quorumLines(p),
        ...(p.votingType === "basic"
          ? [`Passes when For is above ${Math.round((p.passThreshold ?? 0.5) * 100)}% of For + Against`]
          : []),
        p.status === "open" ? `Ends ${ts(p.endsAt)} (${ts(p.endsAt, "f")})` : `Ended ${ts(p.endsAt, "f")}`,
      ].join("\n"),
    },
  ];
  const r = o.result;
  if (r) {
    const binding = r[r.binding];
    fields.push({
      name: `${p.status === "open" ? "Live tally" : "Final tally"} · ${binding.voters} voter${binding.voters === 1 ? "" : "s"} · weight ${formatWeight(binding.scoresTotal)}`,
      value: tallyLines(p.choices, binding),
    });
    if (r.conflictedVoters > 0) {
      const other = r.binding === "all" ? r.withoutConflicted : r.all;
      fields.push({
        name: `${r.binding === "all" ? "Without" : "With"} the ${r.conflictedVoters} vote${r.conflictedVoters === 1 ? "" : "s"} of payout recipients${r.binding === "all" ? " (for information)" : " (not binding: EXCLUDE_CONFLICTED_VOTES)"}`,
        value: `${tallyLines(p.choices, other)}\nOutcome that way: ${other.status}`,
      });
    }
  }
  return fields;
}

export function proposalMessage(o: ProposalOverview, token: Token) {
  const p = o.proposal;
  const embed: APIEmbed = {
    title: `Proposal #${p.id} · ${userLine(p.title, 230)}`,
    description: userText(p.summary),
    color: STATUS_COLOUR[p.status] ?? 0x5865f2,
    fields: [
      { name: "Status", value: statusText(p.status), inline: true },
      { name: "Kind", value: p.kind, inline: true },
      {
        name: "Proposed by",
        value: p.authorDiscordId.startsWith("system:") ? "Steward (epoch close)" : `<@${p.authorDiscordId}>`,
        inline: true,
      },
      ...(p.kind === "distribution"
        ? [{ name: "How it was computed", value: clip(p.specification) }]
        : o.policy
          ? [{ name: "Motivation", value: userText(p.motivation, 1024) }, ...policyProposalFields(o.policy, token)]
          : [
              { name: "Motivation", value: userText(p.motivation, 1024) },
              { name: "Specification", value: userText(p.specification, 1024) },
            ]),
      ...payoutFields(o, token),
      ...votingFields(o),
    ].slice(0, 25),
    footer: { text: p.status === "draft" ? "A moderator opens it for votes" : `Proposal #${p.id}` },
  };
  let components: Row[] = [];
  if (p.status === "draft") {
    components = [
      {
        type: ComponentType.ActionRow,
        components: [
          {
            type: ComponentType.Button,
            custom_id: `${GOVERNANCE_BUTTON_PREFIX}:open:${p.id}`,
            label: "Open vote (moderators)",
            style: ButtonStyle.Primary,
          },
        ],
      },
    ];
  } else if (p.status === "open") {
    components = ballot(p);
  }
  return { embeds: [embed], components };
}

/** A member's vote in words: "For", "Logo A, Logo C", "1st Alice, 2nd Carol", "Alice 3 points, Bob 7 points". */
