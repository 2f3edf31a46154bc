import {
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIEmbed,
  type APIEmbedField,
  ButtonStyle,
  ComponentType,
} from "discord-api-types/v10";
import type { Token } from "../../base/token.ts";
import { readEvaluationExplanation } from "../../db/json/evaluationExplanation.ts";
import { readEvaluationScores } from "../../db/json/evaluationScores.ts";
import { readGithubFacts } from "../../db/json/githubFacts.ts";
import type { Contribution, Evaluation } from "../../generated/prisma/client.ts";
import type { Translator } from "../../i18n/translator.ts";
import type { NewcomerAdvice } from "../../services/evaluations/newcomerAdvice.ts";
import { criterionReason, expectedEvidenceField, newcomerAdviceFields, rationaleText } from "./explanationViews.ts";
import { githubFactLine } from "./githubFactsView.ts";
import { tokenAmountIn } from "./tokenAmountIn.ts";
import { userLine, userText } from "./userText.ts";

/** A rubric criterion's name in the reader's language (a criterion a RUBRIC_FILE adds is shown as it is named). */
export const criterionName = (t: Translator, criterion: string) => t.t("evaluation.criterion", { criterion });

/** What an evaluation flag means, in the reader's language. */
export const flagName = (t: Translator, flag: string) => t.t("evaluation.flag", { flag });

export function evaluationEmbed(
  t: Translator,
  e: Evaluation,
  c: Pick<Contribution, "id" | "title"> & { status?: string },
  token: Token,
  /** For the author's first contribution: what would have scored higher (the service decides when). */
  advice?: NewcomerAdvice | null,
): APIEmbed {
  const overridden = e.purpose === "override";
  // An override sets the total and reward as a whole: the evaluator's per-criterion scores no longer add up to it.
  const scores = overridden ? [] : readEvaluationScores(e);
  // The rubric evaluator's reasons as facts, worded here in the reader's language; an evaluation stored before
  // them, and the LLM's (its reasons are the model's own words, in the contribution's language), show the text.
  const explanation = overridden ? null : readEvaluationExplanation(e);
  const factsOf = (criterion: string) => explanation?.criteria?.find((c) => c.criterion === criterion)?.facts;
  const fields: APIEmbedField[] = scores.map((s) => ({
    name: t.t("evaluation.score.fieldName", {
      criterion: criterionName(t, s.criterion),
      score: t.number(s.score, { maximumFractionDigits: 3 }),
      weight: t.number(s.weight, { style: "percent" }),
    }),
    value: (() => {
      const facts = factsOf(s.criterion);
      return facts && explanation ? criterionReason(t, facts) : userText(s.reason, 1024);
    })(),
    inline: false,
  }));
  if (explanation && explanation.evidence.length > 0) fields.push(expectedEvidenceField(t, explanation));
  if (advice) fields.push(...newcomerAdviceFields(t, advice, (c) => criterionName(t, c)));
  if (overridden) {
    fields.push({
      name: t.t("evaluation.override.fieldName"),
      value: t.t("evaluation.override.value", { moderator: e.reviewedBy ?? "?" }),
      inline: false,
    });
  }
  const withdrawn = c.status === "withdrawn";
  fields.push(
    { name: t.t("evaluation.total.fieldName"), value: `${t.number(e.total)}/100`, inline: true },
    {
      name: t.t("evaluation.reward.fieldName"),
      value: withdrawn
        ? t.t("evaluation.reward.withdrawn", { amount: tokenAmountIn(t, e.suggestedReward, token) })
        : tokenAmountIn(t, e.suggestedReward, token),
      inline: true,
    },
    {
      name: t.t("evaluation.confidence.fieldName"),
      value: t.number(e.confidence, { style: "percent" }),
      inline: true,
    },
  );
  if (e.evidence.length > 0) {
    fields.push({
      name: t.t("evaluation.evidence.fieldName"),
      value: e.evidence
        .map((q) => `> ${userLine(q, 300)}`)
        .join("\n")
        .slice(0, 1024),
      inline: false,
    });
  }
  const facts = readGithubFacts(e);
  if (facts && facts.length > 0) {
    fields.push({
      name: t.t("evaluation.github.fieldName"),
      value: facts
        .map((f) => githubFactLine(t, f))
        .join("\n")
        .slice(0, 1024),
      inline: false,
    });
  }
  if (e.flags.length > 0) {
    fields.push({
      name: t.t("evaluation.flags.fieldName"),
      value: e.flags.map((f) => `⚠ ${flagName(t, f)}`).join("\n"),
      inline: false,
    });
  }
  const title = t.t("evaluation.embed.title", {
    purpose: e.purpose,
    id: String(c.id),
    title: userLine(c.title, 180),
  });
  return {
    title: `${title}${withdrawn ? t.t("evaluation.embed.withdrawnSuffix") : ""}`,
    description: explanation?.rationale
      ? rationaleText(t, explanation.rationale, e.fallbackReason !== null)
      : userText(e.rationale),
    color: e.flags.includes("needs_human") ? 0xfee75c : 0x57f287,
    fields: fields.slice(0, 25),
    footer: { text: t.t("evaluation.embed.footer", { model: e.model, version: String(e.rubricVersion) }) },
    timestamp: e.createdAt.toISOString(),
  };
}

export const APPEAL_BUTTON_PREFIX = "appeal";

export function appealView(
  t: Translator,
  a: { id: number; reason: string; authorDiscordId: string },
  c: Pick<Contribution, "id" | "title">,
  original: Evaluation,
  second: Evaluation | null,
  token: Token,
) {
  const embeds: APIEmbed[] = [
    {
      title: t.t("evaluation.appeal.embedTitle", { appealId: String(a.id), id: String(c.id) }).slice(0, 256),
      description: userText(a.reason),
      color: 0xeb459e,
      fields: [
        { name: t.t("evaluation.appeal.by.fieldName"), value: `<@${a.authorDiscordId}>`, inline: true },
        {
          name: t.t("evaluation.appeal.firstPass.fieldName"),
          value: `${t.number(original.total)}/100 · ${tokenAmountIn(t, original.suggestedReward, token)}`,
          inline: true,
        },
        ...(second
          ? [
              {
                name: t.t("evaluation.appeal.secondPass.fieldName"),
                value: `${t.number(second.total)}/100 · ${tokenAmountIn(t, second.suggestedReward, token)}`,
                inline: true,
              },
            ]
          : []),
      ],
      footer: { text: t.t("evaluation.appeal.footer") },
    },
  ];
  if (second) embeds.push(evaluationEmbed(t, second, c, token));
  return {
    embeds,
    components: [
      {
        type: ComponentType.ActionRow,
        components: [
          {
            type: ComponentType.Button,
            style: ButtonStyle.Success,
            label: t.t("evaluation.appeal.accept.button"),
            custom_id: `${APPEAL_BUTTON_PREFIX}:accept:${a.id}`,
          },
          {
            type: ComponentType.Button,
            style: ButtonStyle.Danger,
            label: t.t("evaluation.appeal.reject.button"),
            custom_id: `${APPEAL_BUTTON_PREFIX}:reject:${a.id}`,
          },
        ],
      },
    ] satisfies APIActionRowComponent<APIButtonComponent>[],
  };
}

/** What an appeal's post says once a moderator decided it. */
export const appealOutcome = (t: Translator, appealId: number, status: string, moderatorId: string) =>
  t.t(status === "accepted" ? "evaluation.appeal.accepted" : "evaluation.appeal.rejected", {
    appealId: String(appealId),
    moderator: moderatorId,
  });
