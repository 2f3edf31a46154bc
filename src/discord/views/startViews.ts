import type {
  APIActionRowComponent,
  APIComponentInActionRow,
  APIEmbed,
  APIModalInteractionResponseCallbackData,
} from "discord-api-types/v10";
import { CONTRIBUTION_CATEGORY_CHOICES } from "../../../commands/contribute.ts";
import type { Translator } from "../../i18n/translator.ts";
import type { NewcomerStatus } from "../../services/onboarding/newcomerStatus.ts";
import { votingTypeName } from "../../votingTypes.ts";
import { myMentorText } from "./mentorViews.ts";
import { textInputRow } from "./textInputRow.ts";

/**
 * Custom ids of the guide's controls: `start:wallet`, `start:voting`, `start:contribute` (a category menu), and
 * `start:mentor` where the server has a mentor role.
 */
export const START_PREFIX = "start";
export const START_WALLET_FORM = "start-wallet";

/** The `/start` guide: what Steward is, how work is judged, and the member's three steps with a control for each. */
export function startGuide(
  t: Translator,
  s: NewcomerStatus,
  where: { guild: string; transparencyUrl: string | null },
  /**
   * Null: the server has no mentor role (no mentorship step); else the member's own mentorship, if any, and whether
   * they are a newcomer (only a newcomer may ask for a mentor: the others are told why there is no button).
   */
  mentoring: {
    mine: { status: "requested" | "active"; mentor: string | null } | null;
    newcomer: boolean;
  } | null = null,
): { embeds: APIEmbed[]; components: APIActionRowComponent<APIComponentInActionRow>[] } {
  const judged = t.t(s.policyVersion === null ? "start.judged.config" : "start.judged.policy", {
    version: s.policyVersion ?? 0,
  });
  const fields = [
    {
      name: t.t("start.judged.fieldName"),
      value: where.transparencyUrl ? `${judged}\n${t.t("start.transparency", { url: where.transparencyUrl })}` : judged,
    },
    {
      name: t.t("start.wallet.fieldName"),
      value: s.walletAddress ? t.t("start.wallet.linked", { address: s.walletAddress }) : t.t("start.wallet.missing"),
    },
    {
      name: t.t("start.contribute.fieldName"),
      value:
        s.contributions === 0 ? t.t("start.contribute.none") : t.t("start.contribute.some", { count: s.contributions }),
    },
    { name: t.t("start.vote.fieldName"), value: t.t("start.vote") },
    ...(mentoring
      ? [
          {
            name: t.t("mentor.start.fieldName"),
            value: mentoring.mine
              ? myMentorText(t, mentoring.mine)
              : t.t(mentoring.newcomer ? "mentor.start.none" : "mentor.start.notNewcomer"),
          },
        ]
      : []),
  ];
  return {
    embeds: [{ title: t.t("start.embedTitle"), description: t.t("start.intro", { guild: where.guild }), fields }],
    components: [
      {
        type: 1,
        components: [
          {
            type: 3,
            custom_id: `${START_PREFIX}:contribute`,
            placeholder: t.t("start.contribute.placeholder"),
            min_values: 1,
            max_values: 1,
            options: CONTRIBUTION_CATEGORY_CHOICES.map((category) => ({
              value: category,
              label: t.t("start.category.optionLabel", { category }),
            })),
          },
        ],
      },
      {
        type: 1,
        components: [
          {
            type: 2,
            style: s.walletAddress ? 2 : 1,
            custom_id: `${START_PREFIX}:wallet`,
            label: t.t(s.walletAddress ? "start.walletChange.button" : "start.wallet.button"),
          },
          { type: 2, style: 2, custom_id: `${START_PREFIX}:voting`, label: t.t("start.voting.button") },
          ...(mentoring?.newcomer && !mentoring.mine
            ? [{ type: 2, style: 2, custom_id: `${START_PREFIX}:mentor`, label: t.t("mentor.start.button") } as const]
            : []),
        ],
      },
    ],
  };
}

/** The form the guide's wallet button opens: the address to link (the signature follows, as with `/wallet link`). */
export function startWalletForm(t: Translator): APIModalInteractionResponseCallbackData {
  return {
    custom_id: START_WALLET_FORM,
    title: t.t("start.walletForm.modalTitle"),
    components: [textInputRow("address", t.t("start.walletForm.inputLabel"), "", 200, false, true)],
  };
}

/** How votes work on this server, from its settings. */
export function votingGuide(t: Translator, v: NewcomerStatus["voting"]): string {
  const quorumGiven = v.quorum.trim() !== "" && v.quorum !== "0" && v.quorum !== "0%";
  return t.t("start.voting", {
    period: periodText(t, v.periodMs),
    type: votingTypeName(v.type),
    threshold: t.number(v.passThreshold, { style: "percent", maximumFractionDigits: 1 }),
    quorum: quorumGiven ? v.quorum : "none",
    approvals: v.approvalsRequired,
  });
}

function periodText(t: Translator, ms: number): string {
  if (ms % 86_400_000 === 0) return t.t("start.period.days", { n: ms / 86_400_000 });
  if (ms % 3_600_000 === 0) return t.t("start.period.hours", { n: ms / 3_600_000 });
  return t.t("start.period.minutes", { n: Math.round(ms / 60_000) });
}
