import { MessageFlags } from "discord.js";
import { closeEpochForVote } from "../../services/epochs/closeEpochForVote.ts";
import { epochStatus } from "../../services/epochs/epochStatus.ts";
import { edit, ephemeral } from "../reply.ts";
import { epochClosedText, epochStatusEmbed } from "../views/epochViews.ts";
import type { CommandHandler } from "./types.ts";

export const status: CommandHandler = async (i, ctx) => {
  const s = await epochStatus(ctx.deps.services, ctx.actor.guildId);
  const token = ctx.deps.services.token;
  await i.reply(ephemeral({ embeds: [epochStatusEmbed(ctx.t, s, token)] }));
};

export const close: CommandHandler = async (i, ctx) => {
  await i.deferReply({ flags: MessageFlags.Ephemeral });
  await i.editReply(edit({ content: ctx.t.t("epoch.closing") }));
  const result = await closeEpochForVote(ctx.deps.services, ctx.actor.guildId, ctx.actor.discordId);
  const posted = result.proposal ? await ctx.deps.posts.outcomeOf("proposal", result.proposal.id) : undefined;
  await i.editReply(edit({ content: epochClosedText(ctx.t, result, posted) }));
  // The close took an anchor of the audit chain's head: the settle run publishes it on chain.
  ctx.deps.kickSettlement();
};
