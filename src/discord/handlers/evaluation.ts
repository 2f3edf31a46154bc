import { MessageFlags } from "discord.js";
import { tokenAmountText } from "../../base/token.ts";
import { ensureOpenEpoch } from "../../services/epochs/ensureOpenEpoch.ts";
import { UserError } from "../../services/errors.ts";
import { resolveAppeal } from "../../services/evaluations/appeals.ts";
import { clearEvaluation } from "../../services/evaluations/clearEvaluation.ts";
import { getActiveEvaluation } from "../../services/evaluations/getActiveEvaluation.ts";
import { overrideEvaluation } from "../../services/evaluations/overrideEvaluation.ts";
import { summariseUsage } from "../../services/evaluations/summariseUsage.ts";
import { idArgument } from "../checkInput.ts";
import { edit, ephemeral, noMentions, post } from "../reply.ts";
import { appealOutcome, evaluationEmbed } from "../views/evaluationViews.ts";
import { parseTokenAmount } from "./parseTokenAmount.ts";
import { requireModerator } from "./requireModerator.ts";
import type { CommandHandler, ComponentHandler } from "./types.ts";

export const show: CommandHandler = async (i, ctx) => {
  const { contribution, evaluation } = await getActiveEvaluation(
    ctx.deps.services,
    ctx.actor.guildId,
    i.options.getInteger("contribution", true),
  );
  await i.reply(ephemeral({ embeds: [evaluationEmbed(evaluation, contribution, ctx.deps.services.token)] }));
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
      throw new UserError("reward_above_cap", { max: tokenAmountText(max, token) });
    }
    throw error;
  });
  await i.reply(
    ephemeral({
      content: `Evaluation of #${contribution.id} overridden: ${original.total}/100 → ${created.total}/100, ${tokenAmountText(original.suggestedReward, token)} → ${tokenAmountText(created.suggestedReward, token)}. The original is kept.`,
      embeds: [evaluationEmbed(created, contribution, token)],
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
      content: `Cleared: contribution #${contribution.id}'s evaluation (${evaluation.total}/100, ${tokenAmountText(evaluation.suggestedReward, ctx.deps.services.token)}) will pay as evaluated in its epoch's distribution. Your note is recorded in the audit log.`,
    }),
  );
};

/** Accept / Reject on an appeal post: moderators only. */
export const resolveAppealButton: ComponentHandler = async (i, ctx, [action, id]) => {
  requireModerator(ctx);
  const appealId = idArgument(id);
  const resolved = await resolveAppeal(ctx.deps.services, ctx.actor, appealId, action === "accept");
  const outcome = appealOutcome(appealId, resolved.status, ctx.actor.discordId);
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
  await i.editReply(edit({ content: appealOutcome(appealId, resolved.status, ctx.actor.discordId) }));
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
  const by = Object.entries(u.byEvaluator)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, n]) => `${k}: ${n}`)
    .join(", ");
  await i.reply(
    ephemeral({
      embeds: [
        {
          title: epoch
            ? `Evaluation usage, epoch ${epoch.number}${epoch.number === 1 ? "" : ` (since <t:${Math.floor(since.getTime() / 1000)}:d>)`}`
            : `Evaluation usage, last ${days} day${days === 1 ? "" : "s"}`,
          color: 0x5865f2,
          fields: [
            { name: "Evaluations", value: `${u.evaluations}${by ? ` (${by})` : ""}`, inline: false },
            { name: "Rubric fallbacks after an LLM failure", value: String(u.fallbacks), inline: true },
            { name: "Tokens in / out", value: `${u.promptTokens} / ${u.completionTokens}`, inline: true },
            { name: "Cost", value: `$${(u.costMicroUsd / 1_000_000).toFixed(4)}`, inline: true },
          ],
        },
      ],
    }),
  );
};
