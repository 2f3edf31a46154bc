import { type Client, DiscordAPIError } from "discord.js";
import type { Config } from "../config.ts";
import type { PostKind } from "../generated/prisma/client.ts";
import type { Logger } from "../logger.ts";
import { recordContributionMessage } from "../services/contributions/recordContributionMessage.ts";
import type { ServiceDeps } from "../services/deps.ts";
import { recordAppealMessage } from "../services/evaluations/appeals.ts";
import type { Notifier } from "../services/notifier.ts";
import { proposalOverview } from "../services/proposals/proposalOverview.ts";
import {
  forgetProposalMessage,
  forgetResultMessage,
  recordProposalMessage,
  recordResultMessage,
} from "../services/proposals/recordMessages.ts";
import { claimUnpostedProposals } from "../services/proposals/unpostedProposals.ts";
import { clearPendingPost, type PostOutcome, recordPostFailure } from "../services/publishing/pendingPosts.ts";
import { appealForPost, contributionForPost, evaluationForPost } from "../services/publishing/postSubjects.ts";
import { payoutReceipt, recordReceiptMessage } from "../services/settlement/payoutReceipt.ts";
import { claimResultPost } from "../services/votes/closeExpiredVotes.ts";
import { describePostFailure, PostRefused } from "./describePostFailure.ts";
import { missingPostPermissions } from "./postPermissions.ts";
import { noMentions, post } from "./reply.ts";
import { noticeButtons } from "./views/computeViews.ts";
import { contributionEmbed } from "./views/contributionViews.ts";
import { appealView, evaluationEmbed } from "./views/evaluationViews.ts";
import { receiptMessage, safeBatchText } from "./views/payoutViews.ts";
import { proposalMessage } from "./views/proposalMessageView.ts";
import { resultMessage } from "./views/resultViews.ts";

const listWords = (words: string[]) =>
  words.length <= 1 ? (words[0] ?? "") : `${words.slice(0, -1).join(", ")} and ${words.at(-1)}`;

/**
 * The text channel to post in, checked before anything is sent: a missing channel or permission is refused here
 * with what to fix (a 403 from Discord would say less, and many of them get a bot temporarily banned).
 */
function textChannel(client: Client, guildId: string, nameOrId: string) {
  if (!client.isReady()) throw new PostRefused("the bot is not connected to Discord");
  const channel = client.guilds.cache
    .get(guildId)
    ?.channels.cache.find((c) => c.id === nameOrId || c.name === nameOrId);
  if (!channel?.isTextBased() || !("send" in channel)) {
    throw new PostRefused(`there is no text channel named #${nameOrId} (create it, or set the channel setting)`);
  }
  const missing = missingPostPermissions(channel, client.user).map((p) => p.name);
  if (missing.length > 0) throw new PostRefused(`I lack ${listWords(missing)} there`);
  return channel;
}

const isUnknownMessage = (error: unknown) => error instanceof DiscordAPIError && error.code === 10008;

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
  // Live tallies: proposals whose votes changed, edited one at a time at most once per VOTE_TALLY_DEBOUNCE. All
  // proposals share the governance channel's edit rate limit, so edits are merged and sent in turn, not at once.
  const dirtyTallies = new Set<number>();
  let tallyTimer: NodeJS.Timeout | undefined;
  let flushingTallies = false;
  const scheduleTallies = () => {
    if (tallyTimer || flushingTallies || dirtyTallies.size === 0) return;
    tallyTimer = setTimeout(() => void flushTallies(), config.VOTE_TALLY_DEBOUNCE);
    tallyTimer.unref();
  };
  async function flushTallies() {
    tallyTimer = undefined;
    flushingTallies = true;
    const ids = [...dirtyTallies];
    dirtyTallies.clear();
    for (const id of ids) {
      // The bot may have been stopped since the vote (shutdown): the next start renders the proposal anyway.
      if (!client.isReady()) break;
      await renderProposal(id).catch((err) => logger.warn({ proposalId: id, err }, "could not update the live tally"));
    }
    flushingTallies = false;
    scheduleTallies();
  }
  const channelLabel = (nameOrId: string) => {
    const found = client.isReady() ? client.channels.cache.get(nameOrId) : undefined;
    return `#${found && "name" in found && found.name ? found.name : nameOrId}`;
  };

  /**
   * Runs one post; when Discord refuses it (or it cannot be made), records it for the repost job and says why,
   * instead of failing the command that saved what it announces. Anything else (the database) still throws.
   */
  async function attempt(
    kind: PostKind,
    subjectId: number,
    guildId: string,
    where: string,
    send: () => Promise<string>,
  ): Promise<PostOutcome> {
    try {
      const channelId = await send();
      await clearPendingPost(services, kind, subjectId);
      return { posted: true, channelId };
    } catch (error) {
      const reason = describePostFailure(error);
      if (reason === null) throw error;
      const channel = channelLabel(where);
      logger.warn(
        { kind, subjectId, channel, reason, err: error instanceof PostRefused ? undefined : error },
        "post failed",
      );
      await recordPostFailure(services, { guildId, kind, subjectId, channel, reason });
      return { posted: false, channel, reason };
    }
  }

  /**
   * An edit or message nothing waits on (a post's update, a note to moderators): Discord refusing it is logged with
   * why, not retried; anything else (the database) still throws. Whether it was made.
   */
  /** The moderator role as MODERATOR_ROLE names it (by id or name), to mention in notes to moderators. */
  const moderatorRole = (channel: ReturnType<typeof textChannel>) =>
    channel.guild.roles.cache.find((r) => r.id === config.MODERATOR_ROLE || r.name === config.MODERATOR_ROLE);

  async function bestEffort(
    failure: string,
    context: Record<string, unknown>,
    run: () => Promise<unknown>,
    level: "warn" | "error" = "warn",
  ): Promise<boolean> {
    try {
      await run();
      return true;
    } catch (error) {
      const reason = describePostFailure(error);
      if (reason === null) throw error;
      logger[level]({ ...context, reason }, failure);
      return false;
    }
  }

  // One render of a proposal at a time: a close and a tally edit racing on a deleted message would both re-post it.
  const rendering = new Map<number, Promise<PostOutcome>>();
  function renderProposal(proposalId: number): Promise<PostOutcome> {
    const previous = rendering.get(proposalId) ?? Promise.resolve(undefined);
    const next = previous.catch(() => undefined).then(() => renderProposalNow(proposalId));
    rendering.set(proposalId, next);
    void next
      .finally(() => {
        if (rendering.get(proposalId) === next) rendering.delete(proposalId);
      })
      .catch(() => {});
    return next;
  }

  async function renderProposalNow(proposalId: number): Promise<PostOutcome> {
    const overview = await proposalOverview(services, proposalId);
    const p = overview.proposal;
    const where = p.channelId ?? config.GOVERNANCE_CHANNEL;
    return attempt("proposal", proposalId, p.guildId, where, async () => {
      const payload = { ...proposalMessage(overview, token), allowedMentions: noMentions };
      const channel = textChannel(client, p.guildId, where);
      if (p.messageId) {
        try {
          await channel.messages.edit(p.messageId, post(payload));
          return channel.id;
        } catch (error) {
          // Deleted by a moderator: post it again rather than never again.
          if (!isUnknownMessage(error)) throw error;
          await forgetProposalMessage(services, proposalId);
        }
      }
      const message = await channel.send(post(payload));
      await recordProposalMessage(services, proposalId, channel.id, message.id);
      return channel.id;
    });
  }

  async function renderResult(proposalId: number): Promise<PostOutcome> {
    const overview = await proposalOverview(services, proposalId);
    const p = overview.proposal;
    const where = p.channelId ?? config.GOVERNANCE_CHANNEL;
    return attempt("result", proposalId, p.guildId, where, async () => {
      const channel = textChannel(client, p.guildId, where);
      const payload = { ...resultMessage(overview, token), allowedMentions: noMentions };
      if (p.resultMessageId) {
        try {
          await channel.messages.edit(p.resultMessageId, post(payload));
          return channel.id;
        } catch (error) {
          if (!isUnknownMessage(error)) throw error;
          await forgetResultMessage(services, proposalId);
        }
      }
      if (!(await claimResultPost(services, proposalId))) return channel.id;
      try {
        // The result stands on its own: it replies to the proposal only while that message exists.
        const message = await channel.send(
          post({
            ...payload,
            ...(p.messageId ? { reply: { messageReference: p.messageId, failIfNotExists: false } } : {}),
          }),
        );
        await recordResultMessage(services, proposalId, message.id);
      } catch (error) {
        await forgetResultMessage(services, proposalId);
        throw error;
      }
      return channel.id;
    });
  }

  async function editContributionPost(c: {
    id: number;
    guildId: string;
    channelId: string | null;
    messageId: string | null;
  }) {
    if (!c.channelId || !c.messageId) return;
    const { channelId, messageId } = c;
    const full = await contributionForPost(services, c.id);
    await bestEffort("could not update the contribution post", { contributionId: c.id }, () =>
      textChannel(client, c.guildId, channelId).messages.edit(
        messageId,
        post({ embeds: [contributionEmbed(full)], allowedMentions: noMentions }),
      ),
    );
  }

  return {
    async contributionSubmitted(contributionId) {
      const c = await contributionForPost(services, contributionId);
      return attempt("contribution", c.id, c.guildId, config.CONTRIBUTIONS_CHANNEL, async () => {
        const channel = textChannel(client, c.guildId, config.CONTRIBUTIONS_CHANNEL);
        const message = await channel.send(post({ embeds: [contributionEmbed(c)], allowedMentions: noMentions }));
        await recordContributionMessage(services, c.id, channel.id, message.id);
        return channel.id;
      });
    },
    async contributionChanged(contributionId) {
      await editContributionPost(await contributionForPost(services, contributionId));
    },
    async appealFiled(appealId) {
      const { appeal, contribution, original, second } = await appealForPost(services, appealId);
      const where = contribution.channelId ?? config.CONTRIBUTIONS_CHANNEL;
      return attempt("appeal", appeal.id, contribution.guildId, where, async () => {
        const channel = textChannel(client, contribution.guildId, where);
        const message = await channel.send(
          post({ ...appealView(appeal, contribution, original, second, token), allowedMentions: noMentions }),
        );
        await recordAppealMessage(services, appeal.id, channel.id, message.id);
        return channel.id;
      });
    },
    async appealResolved(appealId, outcome) {
      const { appeal, contribution } = await appealForPost(services, appealId);
      // A post that was never made would offer buttons for a decided appeal: it is not made any more.
      await clearPendingPost(services, "appeal", appealId);
      const { messageId, channelId } = appeal;
      if (!messageId || !channelId) return;
      await bestEffort("could not update the appeal post", { appealId }, () =>
        textChannel(client, contribution.guildId, channelId).messages.edit(
          messageId,
          post({ content: outcome, components: [], allowedMentions: noMentions }),
        ),
      );
    },
    proposalPosted: renderProposal,
    votesChanged(proposalId) {
      dirtyTallies.add(proposalId);
      scheduleTallies();
    },
    async votingClosed(proposalId) {
      // The close renders the final tally itself.
      dirtyTallies.delete(proposalId);
      await renderProposal(proposalId);
      return renderResult(proposalId);
    },
    async unpostedProposals() {
      for (const id of await claimUnpostedProposals(services, config.GOVERNANCE_CHANNEL)) await renderProposal(id);
    },
    async approvalsChanged(proposalId) {
      const result = await renderResult(proposalId);
      await renderProposal(proposalId);
      return result;
    },
    connected: () => client.isReady(),
    tellModerators(guildId, text, where = "governance") {
      return bestEffort(
        "could not tell the moderators",
        { guildId, message: text },
        async () => {
          const channel = textChannel(
            client,
            guildId,
            where === "payouts" ? config.PAYOUTS_CHANNEL : config.GOVERNANCE_CHANNEL,
          );
          const role = moderatorRole(channel);
          await channel.send(
            post({
              content: `${role ? `<@&${role.id}> ` : ""}${text}`,
              allowedMentions: { parse: [], roles: role ? [role.id] : [] },
            }),
          );
        },
        "error",
      );
    },
    async safeBatchExported(intentId) {
      const intent = await services.db.payoutIntent.findUniqueOrThrow({
        where: { id: intentId },
        include: { proposal: { select: { guildId: true } } },
      });
      return bestEffort("could not post the Safe batch", { intentId }, async () => {
        const channel = textChannel(client, intent.proposal.guildId, config.PAYOUTS_CHANNEL);
        const role = moderatorRole(channel);
        await channel.send({
          ...post({
            content: safeBatchText(intent, role?.id),
            allowedMentions: { parse: [], roles: role ? [role.id] : [] },
          }),
          files: [
            {
              attachment: Buffer.from(`${JSON.stringify(intent.safeBatch, null, 2)}\n`),
              name: `steward-payout-${intent.proposalId}-chunk-${intent.chunkIndex + 1}.json`,
            },
          ],
        });
      });
    },
    async computeNotice(guildId, notice) {
      let id: string | null = null;
      await bestEffort("could not post in the compute channel", { guildId, message: notice.content }, async () => {
        const channel = textChannel(client, guildId, config.COMPUTE_CHANNEL);
        const message = await channel.send(
          post({
            content: notice.content,
            components: noticeButtons(notice.buttons ?? []),
            allowedMentions: { parse: [], users: notice.mention ?? [] },
          }),
        );
        id = message.id;
      });
      return id;
    },
    async computeNoticeEdited(guildId, messageId, content) {
      await bestEffort("could not update a compute message", { guildId, messageId }, async () => {
        const channel = textChannel(client, guildId, config.COMPUTE_CHANNEL);
        await channel.messages.edit(messageId, post({ content, components: [], allowedMentions: noMentions }));
      });
    },
    async payoutSettled(proposalId) {
      const receipt = await payoutReceipt(services, proposalId);
      const p = receipt.proposal;
      const outcome = await attempt("receipt", proposalId, p.guildId, config.PAYOUTS_CHANNEL, async () => {
        const channel = textChannel(client, p.guildId, config.PAYOUTS_CHANNEL);
        if (!p.receiptMessageId) {
          // A crash between sending and recording leaves the receipt posted but unrecorded: find it, don't repeat it.
          const recent = await channel.messages.fetch({ limit: 50 });
          const marker = `Paid: proposal #${proposalId} `;
          const earlier = recent.find((m) => m.author.id === client.user?.id && m.content.startsWith(marker));
          const message = earlier ?? (await channel.send(post(receiptMessage(receipt, token))));
          services.settlement?.checkpoint("after-receipt-sent", proposalId);
          await recordReceiptMessage(services, proposalId, message.id);
        }
        return channel.id;
      });
      // The result message in the governance channel says it was paid.
      await renderResult(proposalId);
      await renderProposal(proposalId);
      return outcome;
    },
    async evaluationCompleted(evaluationId) {
      const evaluation = await evaluationForPost(services, evaluationId);
      const c = evaluation.contribution;
      const where = c.channelId ?? config.CONTRIBUTIONS_CHANNEL;
      const outcome = await attempt("evaluation", evaluationId, c.guildId, where, async () => {
        const channel = textChannel(client, c.guildId, where);
        await channel.send(
          post({
            content: `<@${c.author.discordId}>, your contribution **#${c.id}** has been evaluated.`,
            embeds: [evaluationEmbed(evaluation, c, token)],
            allowedMentions: { users: [c.author.discordId] },
            ...(c.messageId ? { reply: { messageReference: c.messageId, failIfNotExists: false } } : {}),
          }),
        );
        return channel.id;
      });
      await editContributionPost(c);
      return outcome;
    },
  };
}
