import { getActiveEvaluation } from "../../services/evaluations/getActiveEvaluation.ts";
import { ephemeral } from "../reply.ts";
import { evaluationEmbed } from "../views/evaluationViews.ts";
import type { CommandHandler } from "./types.ts";

export const show: CommandHandler = async (i, ctx) => {
  const { contribution, evaluation } = await getActiveEvaluation(
    ctx.deps.services,
    ctx.actor.guildId,
    i.options.getInteger("contribution", true),
  );
  const token = { symbol: ctx.deps.config.TOKEN_SYMBOL, decimals: ctx.deps.config.TOKEN_DECIMALS };
  await i.reply(ephemeral({ embeds: [evaluationEmbed(evaluation, contribution, token)] }));
};
