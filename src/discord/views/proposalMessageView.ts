import { type APIEmbed, type APIEmbedField, ButtonStyle, ComponentType } from "discord-api-types/v10";
import type { Token } from "../../base/token.ts";
import { DEFAULT_LOCALE } from "../../i18n/locales.ts";
import type { Translator } from "../../i18n/translator.ts";
import { payoutOf } from "../../services/proposals/payoutOf.ts";
import type { ProposalOverview } from "../../services/proposals/proposalOverview.ts";
import { shortAddress } from "../../services/transparency/publicIdentity.ts";
import { ballot } from "./ballotViews.ts";
import { distributionWords } from "./distributionWords.ts";
import {
  choiceNames,
  clip,
  formatWeight,
  GOVERNANCE_BUTTON_PREFIX,
  kindText,
  type Row,
  STATUS_COLOUR,
  statusText,
  tallyLines,
  ts,
  votingTypeText,
} from "./governanceFormat.ts";
import { policyProposalFields } from "./policyViews.ts";
import { quorumLines } from "./quorumText.ts";
import { tokenAmountIn } from "./tokenAmountIn.ts";
import { userLine, userText } from "./userText.ts";

/** An address as the member allows it in public (`/privacy show-wallet`); shortened when nothing says otherwise. */
const shownAddress = (o: ProposalOverview, address: string) =>
  o.publicAddress?.[address.toLowerCase()] ?? shortAddress(address);

/** A proposal's public message in #governance: payout, voting terms, live tally and ballot. */
function payoutFields(t: Translator, o: ProposalOverview, token: Token): APIEmbedField[] {
  const { entries, total } = payoutOf(o.proposal);
  if (entries.length === 0 && o.proposal.kind === "funding") {
    const amount = o.proposal.budgetAmount;
    const recipient = o.proposal.budgetRecipient;
    return [
      {
        name: t.t("proposal.budget.fieldName"),
        value: amount
          ? recipient
            ? t.t("proposal.post.budgetTo", {
                amount: tokenAmountIn(t, amount, token),
                recipient: `\`${shownAddress(o, recipient)}\``,
              })
            : t.t("proposal.post.budgetNoAddress", { amount: tokenAmountIn(t, amount, token) })
          : t.t("proposal.none"),
      },
    ];
  }
  if (entries.length === 0)
    return o.proposal.kind === "distribution"
      ? [{ name: t.t("proposal.post.payouts.fieldName"), value: t.t("proposal.none") }]
      : [];
  const lines = entries.map((e) => {
    const contributions = e.refs.filter((r) => r.startsWith("contribution:")).map((r) => `#${r.slice(13)}`);
    const carried = e.refs.filter((r) => r.startsWith("carry:")).length;
    // Compute lines name their node and lease; a funding line's only ref is this proposal itself: nothing to add.
    const compute = e.refs
      .filter((r) => r.startsWith("node:") || r.startsWith("lease:"))
      .map((r) =>
        r.startsWith("node:")
          ? t.t("proposal.post.nodeRef", { id: r.slice(5) })
          : t.t("proposal.post.leaseRef", { id: r.slice(6) }),
      );
    const mentor = e.refs.some((r) => r.startsWith("mentor:")) ? [t.t("mentor.post.share")] : [];
    const refs = [
      ...contributions,
      ...compute,
      ...mentor,
      ...(carried > 0 ? [t.t("proposal.post.carriedRewards", { count: carried })] : []),
    ].join(", ");
    const line = `\`${shownAddress(o, e.recipient)}\` — ${tokenAmountIn(t, e.amount, token)}`;
    return refs ? `${line} (${refs})` : line;
  });
  const list = lines.join("\n");
  return [
    {
      name: t.t("proposal.post.payoutsTotal.fieldName", {
        count: entries.length,
        total: tokenAmountIn(t, total, token),
      }),
      value:
        list.length > 1024
          ? `${list.slice(0, 990)}\n${t.t("proposal.post.payoutsInAll", { count: entries.length })}`
          : list,
    },
    {
      name: t.t("proposal.post.batchHash.fieldName"),
      value: `\`${o.proposal.batchHash ?? t.t("proposal.post.batchHashLater")}\``,
    },
    ...(o.anchor
      ? [{ name: t.t("proposal.post.anchor.fieldName"), value: anchorText(t, o.anchor, o.explorerTxUrl) }]
      : []),
    ...(o.carried.length > 0
      ? [
          {
            name: t.t("proposal.post.carried.fieldName"),
            value: clip(o.carried.map((c) => `<@${c.discordId}> — ${tokenAmountIn(t, c.amount, token)}`).join("\n")),
          },
        ]
      : []),
  ];
}

/** The head published for this epoch: anyone can later check the audit log still holds it (`steward audit verify`). */
function anchorText(
  t: Translator,
  a: NonNullable<ProposalOverview["anchor"]>,
  explorerTxUrl: string | undefined,
): string {
  const head = t.t("proposal.post.anchorHead", { eventId: String(a.eventId), hash: a.hash });
  if (!a.txHash) return `${head}\n${t.t("proposal.post.anchorPending")}`;
  const tx = explorerTxUrl
    ? `[${a.txHash.slice(0, 10)}…](${explorerTxUrl.replace("{hash}", a.txHash)})`
    : `\`${a.txHash}\``;
  return `${head}\n${t.t("proposal.post.anchored", { chainId: String(a.chainId), block: String(a.blockNumber), tx })}`;
}

function votingFields(t: Translator, o: ProposalOverview): APIEmbedField[] {
  const p = o.proposal;
  if (!p.votingType || !p.endsAt) return [];
  const strategy = p.weightStrategy ?? "";
  const fields: APIEmbedField[] = [
    {
      name: t.t("proposal.post.voting.fieldName"),
      value: [
        t.t("proposal.post.type", { type: votingTypeText(t, p.votingType) }),
        p.snapshotBlock !== null
          ? t.t("proposal.post.weightAtBlock", { strategy, block: p.snapshotBlock })
          : t.t("proposal.post.weight", { strategy }),
        ...quorumLines(t, p),
        ...(p.votingType === "basic"
          ? [t.t("proposal.post.passThreshold", { percent: Math.round((p.passThreshold ?? 0.5) * 100) })]
          : []),
        p.status === "open"
          ? t.t("proposal.post.ends", { relative: ts(p.endsAt), full: ts(p.endsAt, "f") })
          : t.t("proposal.post.ended", { full: ts(p.endsAt, "f") }),
      ].join("\n"),
    },
  ];
  const r = o.result;
  if (r) {
    const choices = choiceNames(t, p);
    const binding = r[r.binding];
    fields.push({
      name: t.t("proposal.post.tally.fieldName", {
        open: p.status === "open",
        count: binding.voters,
        voters: String(binding.voters),
        weight: formatWeight(binding.scoresTotal),
      }),
      value: tallyLines(choices, binding),
    });
    if (r.conflictedVoters > 0) {
      const other = r.binding === "all" ? r.withoutConflicted : r.all;
      fields.push({
        name: t.t("proposal.post.conflicted.fieldName", {
          binding: r.binding === "all" ? "all" : "withoutConflicted",
          count: r.conflictedVoters,
        }),
        value: `${tallyLines(choices, other)}\n${t.t("proposal.post.outcomeThatWay", { status: other.status })}`,
      });
    }
  }
  return fields;
}

export function proposalMessage(t: Translator, o: ProposalOverview, token: Token) {
  const p = o.proposal;
  // A distribution's texts in the reader's language when its figures were stored; else the stored text, as written.
  const words = o.distribution ? distributionWords(t, o.distribution, token) : p;
  // The close's explainer may have replaced the summary with its plain-language account (closeEpochForVote), written
  // in English: English readers keep it as stored; others read the summary worded from the figures.
  const summary = t.locale === DEFAULT_LOCALE ? p.summary : words.summary;
  const embed: APIEmbed = {
    title: t.t("proposal.post.embedTitle", { id: p.id, title: userLine(words.title, 230) }),
    description: userText(summary),
    color: STATUS_COLOUR[p.status] ?? 0x5865f2,
    fields: [
      { name: t.t("proposal.post.status.fieldName"), value: statusText(t, p.status), inline: true },
      { name: t.t("proposal.post.kind.fieldName"), value: kindText(t, p.kind), inline: true },
      {
        name: t.t("proposal.post.proposedBy.fieldName"),
        value: p.authorDiscordId.startsWith("system:") ? t.t("proposal.post.byEpochClose") : `<@${p.authorDiscordId}>`,
        inline: true,
      },
      ...(p.kind === "distribution"
        ? [{ name: t.t("proposal.post.computed.fieldName"), value: clip(words.specification) }]
        : o.policy
          ? [
              { name: t.t("proposal.motivation.fieldName"), value: userText(p.motivation, 1024) },
              ...policyProposalFields(t, o.policy, token),
            ]
          : [
              { name: t.t("proposal.motivation.fieldName"), value: userText(p.motivation, 1024) },
              { name: t.t("proposal.specification.fieldName"), value: userText(p.specification, 1024) },
            ]),
      ...payoutFields(t, o, token),
      ...votingFields(t, o),
    ].slice(0, 25),
    footer: {
      text: p.status === "draft" ? t.t("proposal.post.draft.footer") : t.t("proposal.post.footer", { id: p.id }),
    },
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
            label: t.t("proposal.post.openVote.button"),
            style: ButtonStyle.Primary,
          },
        ],
      },
    ];
  } else if (p.status === "open") {
    components = ballot(t, p);
  }
  return { embeds: [embed], components };
}
