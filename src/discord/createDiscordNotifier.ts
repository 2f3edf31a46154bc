import type { Client } from "discord.js";
import type { Config } from "../config.ts";
import type { Logger } from "../logger.ts";
import type { ServiceDeps } from "../services/deps.ts";
import type { Notifier } from "../services/notifier.ts";
import { contributionEmbed } from "./views/contributionViews.ts";
import { evaluationEmbed, formatTokens } from "./views/evaluationViews.ts";
import { distributionEmbed } from "./views/proposalViews.ts";

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
    async distributionProposed(proposalId) {
      const proposal = await services.db.proposal.findUniqueOrThrow({ where: { id: proposalId } });
      const channel = textChannel(client, proposal.guildId, "governance");
      if (!channel) {
        logger.warn({ proposalId }, "no #governance channel to post the distribution in");
        return;
      }
      const carries = await services.db.rewardCarry.findMany({ where: { fromEpochId: proposal.epochId ?? -1 } });
      const members = await services.db.member.findMany({ where: { id: { in: carries.map((c) => c.memberId) } } });
      const discordOf = new Map(members.map((m) => [m.id, m.discordId]));
      const message = await channel.send({
        embeds: [
          distributionEmbed(
            proposal,
            (proposal.batch as { recipient: string; amount: string; refs: string[] }[] | null) ?? [],
            carries.map((c) => ({ discordId: discordOf.get(c.memberId) ?? "?", amount: c.amount.toString() })),
            (amount) => formatTokens(amount, token),
          ),
        ],
        allowedMentions: { parse: [] },
      });
      await services.db.proposal.update({
        where: { id: proposalId },
        data: { channelId: channel.id, messageId: message.id },
      });
    },
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
