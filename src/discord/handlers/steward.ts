import { MessageFlags } from "discord.js";
import { pendingPosts } from "../../services/publishing/pendingPosts.ts";
import { checkQuorum } from "../checkQuorum.ts";
import { checkSetup } from "../checkSetup.ts";
import { edit } from "../reply.ts";
import { setupStatusText } from "../views/setupViews.ts";
import type { CommandHandler } from "./types.ts";

/** `/steward status`: the doctor's findings for this server and the posts that wait, for moderators. */
export const status: CommandHandler = async (i, ctx) => {
  await i.deferReply({ flags: MessageFlags.Ephemeral });
  const guild = i.guild ?? (await i.client.guilds.fetch(ctx.actor.guildId));
  const problems = [
    ...(await checkSetup(ctx.t, i.client, guild, ctx.deps.settings)),
    ...(await checkQuorum(ctx.t, ctx.deps.services, ctx.actor.guildId)),
  ];
  const waiting = await pendingPosts(ctx.deps.services, ctx.actor.guildId);
  await i.editReply(edit({ content: setupStatusText(ctx.t, problems, waiting) }));
};
