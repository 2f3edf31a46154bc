import type { Client } from "discord.js";
import type { Config } from "../config.ts";
import type { Logger } from "../logger.ts";
import type { ServiceDeps } from "../services/deps.ts";
import type { Notifier } from "../services/notifier.ts";
import { contributionEmbed } from "./views/contributionViews.ts";
import { evaluationEmbed } from "./views/evaluationViews.ts";

function textChannel(client: Client<true>, guildId: string, nameOrId: string) {
  const channel = client.guilds.cache
    .get(guildId)
    ?.channels.cache.find((c) => c.id === nameOrId || c.name === nameOrId);
  return channel?.isTextBased() && "send" in channel ? channel : undefined;
}

/** Posts what services report into Discord: the evaluation embed in #contributions, pinging only the author. */
export function createDiscordNotifier(
  client: Client<true>,
  services: ServiceDeps,
  config: Config,
  logger: Logger,
): Notifier {
  const token = { symbol: config.TOKEN_SYMBOL, decimals: config.TOKEN_DECIMALS };
  return {
    async evaluationCompleted(evaluationId) {
      const evaluation = await services.db.evaluation.findUniqueOrThrow({
        where: { id: evaluationId },
        include: { contribution: { include: { author: true } } },
      });
      const c = evaluation.contribution;
      const channel = textChannel(client, c.guildId, c.channelId ?? config.CONTRIBUTIONS_CHANNEL);
      if (!channel) {
        logger.warn({ contributionId: c.id }, "no channel to post the evaluation in");
        return;
      }
      await channel.send({
        content: `<@${c.author.discordId}>, your contribution **#${c.id}** has been evaluated.`,
        embeds: [evaluationEmbed(evaluation, c, token)],
        allowedMentions: { users: [c.author.discordId] },
        ...(c.messageId ? { reply: { messageReference: c.messageId, failIfNotExists: false } } : {}),
      });
      if (c.messageId) {
        await channel.messages
          .edit(c.messageId, { embeds: [contributionEmbed(c)], allowedMentions: { parse: [] } })
          .catch((err) => logger.warn({ contributionId: c.id, err }, "could not update the contribution post"));
      }
    },
  };
}
