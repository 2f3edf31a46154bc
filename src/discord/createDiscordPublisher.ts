import type { Client } from "discord.js";
import type { Config } from "../config.ts";
import type { Logger } from "../logger.ts";
import { recordContributionMessage } from "../services/contributions/recordContributionMessage.ts";
import type { ServiceDeps } from "../services/deps.ts";
import { recordAppealMessage } from "../services/evaluations/appeals.ts";
import type { Notifier } from "../services/notifier.ts";
import { proposalOverview } from "../services/proposals/proposalOverview.ts";
import { recordProposalMessage, recordResultMessage } from "../services/proposals/recordMessages.ts";
import { claimUnpostedProposals } from "../services/proposals/unpostedProposals.ts";
import { appealForPost, contributionForPost, evaluationForPost } from "../services/publishing/postSubjects.ts";
import { claimResultPost } from "../services/votes/closeExpiredVotes.ts";
import { noMentions, post } from "./reply.ts";
import { contributionEmbed } from "./views/contributionViews.ts";
import { appealView, evaluationEmbed } from "./views/evaluationViews.ts";
import { proposalMessage } from "./views/proposalMessageView.ts";
import { resultMessage } from "./views/resultViews.ts";

export const GOVERNANCE_CHANNEL = "governance";

function textChannel(client: Client, guildId: string, nameOrId: string) {
  // Before login (or after shutdown) there is no guild cache: nothing can be posted, and callers are told so.
  if (!client.isReady()) return undefined;
  const channel = client.guilds.cache
    .get(guildId)
    ?.channels.cache.find((c) => c.id === nameOrId || c.name === nameOrId);
  return channel?.isTextBased() && "send" in channel ? channel : undefined;
}

/**
 * The one publisher: every public post and edit Steward makes goes through here, built once in the composition
 * root around the (not yet logged-in) client. Contributions, evaluations (pinging only the author) and appeals in
 * #contributions; proposals and their results in #governance. Live tallies are edited at most once per
 * VOTE_TALLY_DEBOUNCE per proposal, so a burst of votes costs one edit (Discord rate-limits edits per channel).
 */
export function createDiscordPublisher(
  client: Client,
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

  async function editContributionPost(c: {
    id: number;
    guildId: string;
    channelId: string | null;
    messageId: string | null;
  }) {
    if (!c.channelId || !c.messageId) return;
    const channel = textChannel(client, c.guildId, c.channelId);
    const full = await contributionForPost(services, c.id);
    await channel?.messages
      .edit(c.messageId, post({ embeds: [contributionEmbed(full)], allowedMentions: noMentions }))
      .catch((err) => logger.warn({ contributionId: c.id, err }, "could not update the contribution post"));
  }

  return {
    async contributionSubmitted(contributionId) {
      const c = await contributionForPost(services, contributionId);
      const channel = textChannel(client, c.guildId, config.CONTRIBUTIONS_CHANNEL);
      if (!channel) {
        logger.warn({ channel: config.CONTRIBUTIONS_CHANNEL, contributionId }, "contributions channel not found");
        return null;
      }
      const message = await channel.send(post({ embeds: [contributionEmbed(c)], allowedMentions: noMentions }));
      await recordContributionMessage(services, c.id, channel.id, message.id);
      return { channelId: channel.id };
    },
    async contributionChanged(contributionId) {
      await editContributionPost(await contributionForPost(services, contributionId));
    },
    async appealFiled(appealId) {
      const { appeal, contribution, original, second } = await appealForPost(services, appealId);
      const channel = textChannel(client, contribution.guildId, contribution.channelId ?? config.CONTRIBUTIONS_CHANNEL);
      if (!channel) {
        logger.warn({ appealId }, "no channel to post the appeal in");
        return;
      }
      const message = await channel.send(
        post({ ...appealView(appeal, contribution, original, second, token), allowedMentions: noMentions }),
      );
      await recordAppealMessage(services, appeal.id, channel.id, message.id);
    },
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
      const evaluation = await evaluationForPost(services, evaluationId);
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
      await editContributionPost(c);
    },
  };
}
