import {
  type APIActionRowComponent,
  type APIComponentInMessageActionRow,
  type APIEmbed,
  type APIEmbedField,
  type APIModalInteractionResponseCallbackData,
  ButtonStyle,
  ComponentType,
  TextInputStyle,
} from "discord-api-types/v10";
import { payoutOf } from "../../services/proposals/payoutOf.ts";
import type { ProposalOverview } from "../../services/proposals/proposalOverview.ts";
import type { Outcome } from "../../services/votes/decideOutcome.ts";
import type { Choice } from "../../services/votes/tally.ts";
import { formatTokens, type TokenFormat } from "./evaluationViews.ts";

export const GOVERNANCE_BUTTON_PREFIX = "gov";
export const VOTE_PREFIX = "vote";
export const RANK_PREFIX = "rank";
export const POINTS_PREFIX = "points";
export const PAYOUT_BUTTON_PREFIX = "payout";
export const PAYOUT_REJECT_MODAL_PREFIX = "payout-reject";
export const MAX_POINTS = 10;

type Row = APIActionRowComponent<APIComponentInMessageActionRow>;
type Proposal = ProposalOverview["proposal"];

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
const STATUS_COLOUR: Record<string, number> = {
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
const ts = (d: Date, style: "R" | "f" = "R") => `<t:${Math.floor(d.getTime() / 1000)}:${style}>`;
export const formatWeight = (w: number) => (Number.isInteger(w) ? String(w) : String(Number(w.toFixed(2))));
const clip = (text: string, max = 1024) => (text.length > max ? `${text.slice(0, max - 2)} …` : text) || "—";

function bar(share: number): string {
  const filled = Math.round(share * 10);
  return "▰".repeat(filled) + "▱".repeat(10 - filled);
}

/** One line per choice: score, share of the total and a bar. */
export function tallyLines(choices: string[], o: Outcome): string {
  return choices
    .map((c, i) => {
      const score = o.scores[i] ?? 0;
      const share = o.scoresTotal > 0 ? score / o.scoresTotal : 0;
      return `${bar(share)} **${c}** — ${formatWeight(score)} (${(share * 100).toFixed(1)}%)`;
    })
    .join("\n");
}

const VOTING_TYPE_TEXT: Record<string, string> = {
  basic: "basic (For / Against / Abstain)",
  single_choice: "single-choice",
  approval: "approval (pick any number)",
  weighted: "weighted (spread your points)",
  quadratic: "quadratic (spread your points; weight counts as its square root per choice)",
  ranked_choice: "ranked-choice (instant runoff)",
};

function payoutFields(o: ProposalOverview, token: TokenFormat): APIEmbedField[] {
  const { entries, total } = payoutOf(o.proposal);
  if (entries.length === 0 && o.proposal.kind === "funding") {
    const amount = o.proposal.budgetAmount;
    return [
      {
        name: "Budget request",
        value: amount
          ? `${formatTokens(amount, token)} to \`${o.proposal.budgetRecipient ?? "no address given"}\``
          : "none",
      },
    ];
  }
  if (entries.length === 0) return o.proposal.kind === "distribution" ? [{ name: "Payouts", value: "none" }] : [];
  const lines = entries.map((e) => {
    const contributions = e.refs.filter((r) => r.startsWith("contribution:")).map((r) => `#${r.slice(13)}`);
    const carried = e.refs.filter((r) => r.startsWith("carry:")).length;
    const refs = [
      ...contributions,
      ...(carried > 0 ? [`${carried === 1 ? "a reward" : `${carried} rewards`} carried from an earlier epoch`] : []),
    ].join(", ");
    return `\`${e.recipient}\` — ${formatTokens(e.amount, token)} (${refs})`;
  });
  const list = lines.join("\n");
  return [
    {
      name: `Payouts (${entries.length}) · total ${formatTokens(total, token)}`,
      value: list.length > 1024 ? `${list.slice(0, 990)}\n… and ${entries.length} in all` : list,
    },
    { name: "Batch hash (the vote binds it)", value: `\`${o.proposal.batchHash ?? "computed when the vote opens"}\`` },
    ...(o.carried.length > 0
      ? [
          {
            name: "Carried to the next epoch (no verified wallet)",
            value: clip(o.carried.map((c) => `<@${c.discordId}> — ${formatTokens(c.amount, token)}`).join("\n")),
          },
        ]
      : []),
  ];
}

function votingFields(o: ProposalOverview): APIEmbedField[] {
  const p = o.proposal;
  if (!p.votingType || !p.endsAt) return [];
  const spec = p.quorumSpec ?? "0";
  const quorum = spec.endsWith("%")
    ? `${formatWeight(p.quorumWeight ?? 0)} — ${spec} of the ${formatWeight(p.eligibleWeight ?? 0)} eligible weight`
    : `${formatWeight(p.quorumWeight ?? 0)} of ${formatWeight(p.eligibleWeight ?? 0)} eligible weight`;
  const fields: APIEmbedField[] = [
    {
      name: "Voting",
      value: [
        `Type: ${VOTING_TYPE_TEXT[p.votingType] ?? p.votingType}`,
        `Weight: ${p.weightStrategy}${p.snapshotBlock !== null ? ` at block ${p.snapshotBlock}` : ""}`,
        `Quorum: ${quorum}`,
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

function ballot(p: Proposal): Row[] {
  const id = p.id;
  const button = (
    customId: string,
    label: string,
    style: ButtonStyle.Primary | ButtonStyle.Secondary | ButtonStyle.Success | ButtonStyle.Danger,
  ) => ({ type: ComponentType.Button, custom_id: customId, label: label.slice(0, 80), style }) as const;
  switch (p.votingType) {
    case "basic":
      return [
        {
          type: ComponentType.ActionRow,
          components: [
            button(`${VOTE_PREFIX}:${id}:1`, "For", ButtonStyle.Success),
            button(`${VOTE_PREFIX}:${id}:2`, "Against", ButtonStyle.Danger),
            button(`${VOTE_PREFIX}:${id}:3`, "Abstain", ButtonStyle.Secondary),
          ],
        },
      ];
    case "single_choice": {
      const buttons = p.choices.map((c, i) => button(`${VOTE_PREFIX}:${id}:${i + 1}`, c, ButtonStyle.Primary));
      const rows: Row[] = [];
      for (let i = 0; i < buttons.length; i += 5)
        rows.push({ type: ComponentType.ActionRow, components: buttons.slice(i, i + 5) });
      return rows;
    }
    case "approval":
      return [
        {
          type: ComponentType.ActionRow,
          components: [
            {
              type: ComponentType.StringSelect,
              custom_id: `${VOTE_PREFIX}:${id}:approval`,
              placeholder: "Approve any number of choices",
              min_values: 0,
              max_values: p.choices.length,
              options: p.choices.map((c, i) => ({ label: c.slice(0, 100), value: String(i + 1) })),
            },
          ],
        },
      ];
    case "ranked_choice":
      return [{ type: ComponentType.ActionRow, components: [rankSelect(p, [])] }];
    case "weighted":
    case "quadratic":
      return [
        {
          type: ComponentType.ActionRow,
          components: [button(`${POINTS_PREFIX}:${id}:`, "Spread your points", ButtonStyle.Primary)],
        },
      ];
    default:
      return [];
  }
}

/** The select for the next rank: the choices not ranked yet. */
export function rankSelect(p: Pick<Proposal, "id" | "choices">, ranked: number[]) {
  const position = ranked.length + 1;
  const ordinal = ["1st", "2nd", "3rd"][position - 1] ?? `${position}th`;
  return {
    type: ComponentType.StringSelect,
    custom_id: `${RANK_PREFIX}:${p.id}:${ranked.join(",")}`,
    placeholder: `Pick your ${ordinal} choice`,
    min_values: 1,
    max_values: 1,
    options: p.choices
      .map((c, i) => ({ label: c.slice(0, 100), value: String(i + 1) }))
      .filter((o) => !ranked.includes(Number(o.value))),
  } as const;
}

/** The select for the points of the next choice (weighted and quadratic). */
export function pointsSelect(p: Pick<Proposal, "id" | "choices">, given: number[]) {
  const choice = p.choices[given.length] ?? "";
  return {
    type: ComponentType.StringSelect,
    custom_id: `${POINTS_PREFIX}:${p.id}:${given.join(",")}`,
    placeholder: `Points for “${choice.slice(0, 60)}”`,
    min_values: 1,
    max_values: 1,
    options: Array.from({ length: MAX_POINTS + 1 }, (_, n) => ({
      label: `${n} point${n === 1 ? "" : "s"}`,
      value: String(n),
    })),
  } as const;
}

/** The proposal's message in #governance: what is decided, what is paid, how to vote, and the tally. */
export function proposalMessage(o: ProposalOverview, token: TokenFormat) {
  const p = o.proposal;
  const embed: APIEmbed = {
    title: `Proposal #${p.id} · ${p.title}`.slice(0, 256),
    description: p.summary.slice(0, 4096),
    color: STATUS_COLOUR[p.status] ?? 0x5865f2,
    fields: [
      { name: "Status", value: statusText(p.status), inline: true },
      { name: "Kind", value: p.kind, inline: true },
      {
        name: "Proposed by",
        value: p.authorDiscordId.startsWith("system:") ? "Steward (epoch close)" : `<@${p.authorDiscordId}>`,
        inline: true,
      },
      ...(p.kind !== "distribution"
        ? [
            { name: "Motivation", value: clip(p.motivation) },
            { name: "Specification", value: clip(p.specification) },
          ]
        : [{ name: "How it was computed", value: clip(p.specification) }]),
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
export function describeChoice(choices: string[], choice: Choice): string {
  const label = (i: number) => choices[i - 1] ?? `choice ${i}`;
  if (typeof choice === "number") return label(choice);
  if (Array.isArray(choice)) return choice.length === 0 ? "none of the choices" : choice.map(label).join(", ");
  return Object.entries(choice)
    .map(([i, n]) => `${label(Number(i))}: ${n} point${n === 1 ? "" : "s"}`)
    .join(", ");
}

/** A stored vote in words, rankings with their ordinals. */
export function describeVote(p: { votingType: string | null; choices: string[] }, choice: Choice): string {
  return p.votingType === "ranked_choice" && Array.isArray(choice)
    ? describeRanking(p.choices, choice)
    : describeChoice(p.choices, choice);
}

export function describeRanking(choices: string[], ranking: number[]): string {
  return ranking.map((c, i) => `${["1st", "2nd", "3rd"][i] ?? `${i + 1}th`} ${choices[c - 1] ?? c}`).join(", ");
}

/** The result, posted as a reply to the proposal; for a payout awaiting approval, with the moderators' buttons. */
export function resultMessage(o: ProposalOverview, token: TokenFormat) {
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
      lines.push(`Leading choice: **${p.choices[binding.winner - 1]}**.`);
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
  if (["awaiting_approval", "approved", "vetoed"].includes(p.status)) {
    fields.push({ name: "Payout", value: `${formatTokens(total, token)} · batch \`${p.batchHash}\`` });
    fields.push({
      name: "Moderator approval",
      value:
        p.status === "vetoed"
          ? `Vetoed by <@${p.vetoedBy}>: ${clip(p.vetoReason ?? "", 900)}`
          : p.approvalsRequired === 0
            ? "Approved automatically: the total is below the auto-approval limit."
            : `${o.approvals.length} of ${p.approvalsRequired} approvals${o.approvals.length > 0 ? `: ${o.approvals.map((m) => `<@${m}>`).join(", ")}` : ""}`,
    });
    if (o.approvers && o.approvers.possible < o.approvers.required) {
      fields.push({
        name: "⚠ This payout cannot be approved as it stands",
        value: `It needs ${o.approvers.required} approvals, but only ${o.approvers.possible} moderator${o.approvers.possible === 1 ? "" : "s"} can approve it${o.approvers.paid > 0 ? ` (${o.approvers.paid} ${o.approvers.paid === 1 ? "is" : "are"} paid by it, and nobody approves their own payout)` : ""}. Give another member the moderator role, or reject it.`,
      });
    }
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
        description: `${p.title}\n\n${lines.join(" ")}`.slice(0, 4096),
        color: STATUS_COLOUR[p.status] ?? 0x5865f2,
        fields,
      },
    ],
    components,
  };
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
