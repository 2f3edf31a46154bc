import { MessageFlags } from "discord.js";
import { translator } from "../../i18n/translator.ts";
import { ensureOpenEpoch } from "../../services/epochs/ensureOpenEpoch.ts";
import { UserError } from "../../services/errors.ts";
import { resolveAppeal } from "../../services/evaluations/appeals.ts";
import { clearEvaluation } from "../../services/evaluations/clearEvaluation.ts";
import { getActiveEvaluation } from "../../services/evaluations/getActiveEvaluation.ts";
import { newcomerAdvice } from "../../services/evaluations/newcomerAdvice.ts";
import { overrideEvaluation } from "../../services/evaluations/overrideEvaluation.ts";
import { summariseUsage } from "../../services/evaluations/summariseUsage.ts";
import { mentorNoteFor } from "../../services/mentorship/reviewContribution.ts";
import { idArgument } from "../checkInput.ts";
import { guildLocale } from "../interactionLocale.ts";
import { edit, ephemeral, noMentions, post } from "../reply.ts";
import { appealOutcome, evaluationEmbed } from "../views/evaluationViews.ts";
import { withMentorNote } from "../views/mentorViews.ts";
import { tokenAmountIn } from "../views/tokenAmountIn.ts";
import { parseTokenAmount } from "./parseTokenAmount.ts";
import { requireModerator } from "./requireModerator.ts";
import type { CommandHandler, ComponentHandler } from "./types.ts";

export const show: CommandHandler = async (i, ctx) => {
  const { contribution, evaluation } = await getActiveEvaluation(
    ctx.deps.services,
    ctx.actor.guildId,
    i.options.getInteger("contribution", true),
  );
  const advice = await newcomerAdvice(ctx.deps.services, contribution, evaluation);
  const note = await mentorNoteFor(ctx.deps.services, contribution.id);
  const embed = evaluationEmbed(ctx.t, evaluation, contribution, ctx.deps.services.token, advice);
  await i.reply(ephemeral({ embeds: [withMentorNote(ctx.t, embed, note)] }));
};

export const override: CommandHandler = async (i, ctx) => {
  const token = ctx.deps.services.token;
  const {
    override: created,
    original,
    contribution,
  } = await overrideEvaluation(ctx.deps.services, ctx.actor, {
    contributionId: i.options.getInteger("contribution", true),
    score: i.options.getInteger("score", true),
    reward: parseTokenAmount(i.options.getString("reward", true), token.decimals),
    reason: i.options.getString("reason", true),
  }).catch((error: unknown) => {
    if (error instanceof UserError && error.code === "reward_above_cap") {
      const max = (error.context as { max: string }).max;
      throw new UserError("reward_above_cap", { max: tokenAmountIn(ctx.t, max, token) });
    }
    throw error;
  });
  await i.reply(
    ephemeral({
      content: ctx.t.t("evaluation.overridden", {
        id: String(contribution.id),
        oldTotal: ctx.t.number(original.total),
        newTotal: ctx.t.number(created.total),
        oldReward: tokenAmountIn(ctx.t, original.suggestedReward, token),
        newReward: tokenAmountIn(ctx.t, created.suggestedReward, token),
      }),
      embeds: [evaluationEmbed(ctx.t, created, contribution, token)],
    }),
  );
};

export const clear: CommandHandler = async (i, ctx) => {
  const { contribution, evaluation } = await clearEvaluation(
    ctx.deps.services,
    ctx.actor,
    i.options.getInteger("contribution", true),
    i.options.getString("reason", true),
  );
  await i.reply(
    ephemeral({
      content: ctx.t.t("evaluation.cleared", {
        id: String(contribution.id),
        total: ctx.t.number(evaluation.total),
        reward: tokenAmountIn(ctx.t, evaluation.suggestedReward, ctx.deps.services.token),
      }),
    }),
  );
};

/** Accept / Reject on an appeal post: moderators only. */
export const resolveAppealButton: ComponentHandler = async (i, ctx, [action, id]) => {
  requireModerator(ctx);
  const appealId = idArgument(id);
  const resolved = await resolveAppeal(ctx.deps.services, ctx.actor, appealId, action === "accept");
  // The appeal's post is public: it speaks the guild's language, not the clicking moderator's.
  const guildT = translator(guildLocale(ctx.deps.settings, i.guildLocale));
  const outcome = appealOutcome(guildT, appealId, resolved.status, ctx.actor.discordId);
  await i.update(post({ content: outcome, components: [], allowedMentions: noMentions }));
};

/** `/evaluation resolve-appeal`: the same decision without the post (its post may have failed or been deleted). */
export const resolveAppealCommand: CommandHandler = async (i, ctx) => {
  const appealId = i.options.getInteger("appeal", true);
  await i.deferReply({ flags: MessageFlags.Ephemeral });
  const resolved = await resolveAppeal(
    ctx.deps.services,
    ctx.actor,
    appealId,
    i.options.getString("decision", true) === "accept",
  );
  await i.editReply(edit({ content: appealOutcome(ctx.t, appealId, resolved.status, ctx.actor.discordId) }));
};

export const usage: CommandHandler = async (i, ctx) => {
  const days = i.options.getInteger("days");
  if (days !== null && (days < 1 || days > 365)) throw new UserError("invalid_days", { days });
  // Without a period: the open epoch, the period the budget is spent over.
  const epoch =
    days === null
      ? await ensureOpenEpoch(
          ctx.deps.services.db,
          ctx.actor.guildId,
          ctx.deps.services.epochs.budget,
          ctx.deps.services.now(),
        )
      : null;
  // The first epoch opens on first use, after work may already have been evaluated: it covers everything before.
  const since = epoch
    ? epoch.number === 1
      ? new Date(0)
      : epoch.startsAt
    : new Date(ctx.deps.services.now().getTime() - (days ?? 7) * 86_400_000);
  const u = await summariseUsage(ctx.deps.services, ctx.actor.guildId, since);
  const t = ctx.t;
  const by = Object.entries(u.byEvaluator)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, n]) => `${t.t("evaluation.evaluator", { evaluator: k })}: ${t.number(n)}`)
    .join(", ");
  await i.reply(
    ephemeral({
      embeds: [
        {
          title: epoch
            ? epoch.number === 1
              ? t.t("evaluation.usage.epoch.embedTitle", { epoch: String(epoch.number) })
              : t.t("evaluation.usage.epochSince.embedTitle", {
                  epoch: String(epoch.number),
                  since: `<t:${Math.floor(since.getTime() / 1000)}:d>`,
                })
            : t.t("evaluation.usage.days.embedTitle", { count: days ?? 7 }),
          color: 0x5865f2,
          fields: [
            {
              name: t.t("evaluation.usage.evaluations.fieldName"),
              value: `${t.number(u.evaluations)}${by ? ` (${by})` : ""}`,
              inline: false,
            },
            { name: t.t("evaluation.usage.fallbacks.fieldName"), value: t.number(u.fallbacks), inline: true },
            {
              name: t.t("evaluation.usage.tokens.fieldName"),
              value: `${t.number(u.promptTokens)} / ${t.number(u.completionTokens)}`,
              inline: true,
            },
            {
              name: t.t("evaluation.usage.cost.fieldName"),
              value: t.number(u.costMicroUsd / 1_000_000, {
                style: "currency",
                currency: "USD",
                minimumFractionDigits: 4,
                maximumFractionDigits: 4,
              }),
              inline: true,
            },
          ],
        },
      ],
    }),
  );
};
