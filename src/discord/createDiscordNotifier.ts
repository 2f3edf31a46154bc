import type { Client } from "discord.js";
import type { Config } from "../config.ts";
import type { Logger } from "../logger.ts";
import type { ServiceDeps } from "../services/deps.ts";
import type { Notifier } from "../services/notifier.ts";
import { proposalOverview } from "../services/proposals/proposalOverview.ts";
import { recordProposalMessage, recordResultMessage } from "../services/proposals/recordMessages.ts";
import { claimUnpostedProposals } from "../services/proposals/unpostedProposals.ts";
import { claimResultPost } from "../services/votes/closeExpiredVotes.ts";
import { noMentions, post } from "./reply.ts";
import { contributionEmbed } from "./views/contributionViews.ts";
import { evaluationEmbed } from "./views/evaluationViews.ts";
import { proposalMessage } from "./views/proposalMessageView.ts";
import { resultMessage } from "./views/resultViews.ts";

export const GOVERNANCE_CHANNEL = "governance";

function textChannel(client: Client<true>, guildId: string, nameOrId: string) {
  const channel = client.guilds.cache
    .get(guildId)
    ?.channels.cache.find((c) => c.id === nameOrId || c.name === nameOrId);
  return channel?.isTextBased() && "send" in channel ? channel : undefined;
}

/**
 * Posts what services report into Discord: evaluations in #contributions (pinging only the author), proposals
 * and their results in #governance. Live tallies are edited at most once per VOTE_TALLY_DEBOUNCE per proposal,
 * so a burst of votes costs one edit (Discord rate-limits message edits per channel).
 */
export function createDiscordNotifier(
  client: Client<true>,
  services: ServiceDeps,
  config: Config,
  logger: Logger,
): Notifier {
  const token = { symbol: config.TOKEN_SYMBOL, decimals: config.TOKEN_DECIMALS };
  const pendingTallies = new Map<number, NodeJS.Timeout>();

  async function renderProposal(proposalId: number): Promise<void> {
    const overview = await proposalOverview(services, proposalId);
    const p = overview.proposal;
    const payload = { ...proposalMessage(overview, token), allowedMentions: noMentions };
    const channel = textChannel(client, p.guildId, p.channelId ?? GOVERNANCE_CHANNEL);
    if (!channel) {
      logger.warn({ proposalId }, "no #governance channel to post the proposal in");
      return;
    }
    if (p.messageId) {
      await channel.messages.edit(p.messageId, post(payload));
      return;
    }
    const message = await channel.send(post(payload));
    await recordProposalMessage(services, proposalId, channel.id, message.id);
  }

  async function renderResult(proposalId: number): Promise<void> {
    const overview = await proposalOverview(services, proposalId);
    const p = overview.proposal;
    const channel = textChannel(client, p.guildId, p.channelId ?? GOVERNANCE_CHANNEL);
    if (!channel) return;
    const payload = { ...resultMessage(overview, token), allowedMentions: noMentions };
    if (p.resultMessageId) {
      await channel.messages.edit(p.resultMessageId, post(payload));
      return;
    }
    if (!(await claimResultPost(services, proposalId))) return;
    const message = await channel.send(
      post({
        ...payload,
        ...(p.messageId ? { reply: { messageReference: p.messageId, failIfNotExists: false } } : {}),
      }),
    );
    await recordResultMessage(services, proposalId, message.id);
  }

  return {
    proposalPosted: renderProposal,
    votesChanged(proposalId) {
      if (pendingTallies.has(proposalId)) return;
      const timer = setTimeout(() => {
        pendingTallies.delete(proposalId);
        // The bot may have been stopped since the vote (shutdown): the next start renders the proposal anyway.
        if (!client.isReady()) return;
        renderProposal(proposalId).catch((err) => logger.warn({ proposalId, err }, "could not update the live tally"));
      }, config.VOTE_TALLY_DEBOUNCE);
      timer.unref();
      pendingTallies.set(proposalId, timer);
    },
    async votingClosed(proposalId) {
      clearTimeout(pendingTallies.get(proposalId));
      pendingTallies.delete(proposalId);
      await renderProposal(proposalId);
      await renderResult(proposalId);
    },
    async unpostedProposals() {
      for (const id of await claimUnpostedProposals(services, GOVERNANCE_CHANNEL)) await renderProposal(id);
    },
    async approvalsChanged(proposalId) {
      await renderResult(proposalId);
      await renderProposal(proposalId);
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
      await channel.send(
        post({
          content: `<@${c.author.discordId}>, your contribution **#${c.id}** has been evaluated.`,
          embeds: [evaluationEmbed(evaluation, c, token)],
          allowedMentions: { users: [c.author.discordId] },
          ...(c.messageId ? { reply: { messageReference: c.messageId, failIfNotExists: false } } : {}),
        }),
      );
      if (c.messageId) {
        await channel.messages
          .edit(c.messageId, post({ embeds: [contributionEmbed(c)], allowedMentions: { parse: [] } }))
          .catch((err) => logger.warn({ contributionId: c.id, err }, "could not update the contribution post"));
      }
    },
  };
}
