import { MessageFlags } from "discord.js";
import { fileAppeal } from "../../services/evaluations/appeals.ts";
import { edit } from "../reply.ts";
import type { CommandHandler } from "./types.ts";

export const appeal: CommandHandler = async (i, ctx) => {
  await i.deferReply({ flags: MessageFlags.Ephemeral });
  const result = await fileAppeal(
    ctx.deps.services,
    ctx.actor,
    i.options.getInteger("contribution", true),
    i.options.getString("reason", true),
  );
  // The second pass runs in the evaluate job, started now: it may outlive this interaction's 15-minute token.
  ctx.deps.kickEvaluations();
  await i.editReply(
    edit({
      content: ctx.t.t("evaluation.appeal.filed", {
        appealId: String(result.appeal.id),
        id: String(result.contribution.id),
        channel: result.contribution.channelId
          ? `<#${result.contribution.channelId}>`
          : `#${ctx.deps.settings.channels.contributions}`,
      }),
    }),
  );
};
