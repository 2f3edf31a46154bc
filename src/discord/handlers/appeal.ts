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
      content: `Your appeal #${result.appeal.id} of contribution #${result.contribution.id} is filed. A second evaluation runs now; when it is done, both are posted in ${result.contribution.channelId ? `<#${result.contribution.channelId}>` : `#${ctx.deps.settings.channels.contributions}`} for a moderator to accept or reject.`,
    }),
  );
};
