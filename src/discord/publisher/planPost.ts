import { type Client, DiscordAPIError, type MessageCreateOptions, type MessageEditOptions } from "discord.js";
import type { Token } from "../../base/token.ts";
import type { PendingPost } from "../../generated/prisma/client.ts";
import { supportedLocale } from "../../i18n/locales.ts";
import { type Translator, translator } from "../../i18n/translator.ts";
import { recordLeaseMessage } from "../../services/compute/leases.ts";
import { recordContributionMessage } from "../../services/contributions/recordContributionMessage.ts";
import type { ServiceDeps } from "../../services/deps.ts";
import { recordAppealMessage } from "../../services/evaluations/appeals.ts";
import { newcomerAdvice } from "../../services/evaluations/newcomerAdvice.ts";
import { githubDraftForPost } from "../../services/github/captureMergedPull.ts";
import { mentorNoteFor } from "../../services/mentorship/reviewContribution.ts";
import { proposalOverview } from "../../services/proposals/proposalOverview.ts";
import {
  forgetProposalMessage,
  forgetResultMessage,
  recordProposalMessage,
  recordResultMessage,
} from "../../services/proposals/recordMessages.ts";
import type { ComputeNotice, ModeratorNote } from "../../services/publishing/enqueuePosts.ts";
import { enqueuePosts } from "../../services/publishing/enqueuePosts.ts";
import type { ModeratorFact } from "../../services/publishing/moderatorFacts.ts";
import {
  appealForPost,
  contributionForPost,
  evaluationForPost,
  safeBatchForPost,
} from "../../services/publishing/postSubjects.ts";
import { epochReminderForPost } from "../../services/reminders/epochReminderForPost.ts";
import {
  recordDmsClosed,
  recordReminderDmDropped,
  recordReminderDmSent,
} from "../../services/reminders/notifySettings.ts";
import { reminderDmForPost, reminderForPost } from "../../services/reminders/reminderForPost.ts";
import { markSafeBatchPosted } from "../../services/settlement/markSafeBatchPosted.ts";
import { payoutReceipt, recordReceiptMessage } from "../../services/settlement/payoutReceipt.ts";
import { matchRole } from "../configuredRoles.ts";
import type { DiscordSettings } from "../discordSettings.ts";
import { noMentions, post } from "../reply.ts";
import { computeFactNotice } from "../views/computeNoticeViews.ts";
import { noticeButtons } from "../views/computeViews.ts";
import { contributionEmbed } from "../views/contributionViews.ts";
import { appealOutcome, appealView, evaluationEmbed } from "../views/evaluationViews.ts";
import { githubDraftMessage } from "../views/githubDraftViews.ts";
import {
  mentorAcceptedNoteText,
  mentorAcceptRow,
  mentorEndedNoteText,
  mentorRequestedText,
  mentorReviewDueText,
  withMentorNote,
} from "../views/mentorViews.ts";
import { moderatorNoteText } from "../views/moderatorNoteViews.ts";
import { isReceiptOf, receiptMessage, safeBatchText } from "../views/payoutViews.ts";
import { proposalMessage } from "../views/proposalMessageView.ts";
import { epochReminderText, reminderDmText, reminderPostText } from "../views/reminderViews.ts";
import { resultMessage } from "../views/resultViews.ts";
import { isUnknownMessage, type PostChannel } from "./postChannel.ts";

export interface SendContext {
  client: Client;
  services: ServiceDeps;
  settings: DiscordSettings;
  token: Token;
  /** The words of a guild's public posts (GUILD_LOCALE, else the guild's own language). */
  guildT: (guildId: string) => Translator;
}

/** Where a post goes (a channel setting or a recorded channel id), and how to make it there; returns the channel id. */
export interface PostPlan {
  guildId: string;
  where: string;
  send(channel: PostChannel): Promise<void>;
  /** A message sent elsewhere than a guild channel (a DM): sent by this instead of `send`. */
  direct?: () => Promise<void>;
}

/**
 * One attempt at an outbox row's message: its nonce (Discord returns the message already made with it, with
 * enforce_nonce, instead of making a second, so a send repeated after a crash posts once), and whether an earlier
 * attempt may have made it already (then a post kept up to date is edited to the subject's state now).
 */
export interface Attempt {
  nonce: string;
  retried: boolean;
}

export const once = (attempt: Attempt): Pick<MessageCreateOptions, "nonce" | "enforceNonce"> => ({
  nonce: attempt.nonce,
  enforceNonce: true,
});

/** A new message of a post kept up to date; one an earlier attempt made shows the subject's state now. */
async function sendFresh(channel: PostChannel, payload: MessageCreateOptions & MessageEditOptions, attempt: Attempt) {
  const message = await channel.send({ ...payload, ...once(attempt) });
  if (attempt.retried) await message.edit(payload);
  return message;
}

/** How one outbox row is posted: read its subject's current state, render it, send or edit, record the message. */
export async function planPost(ctx: SendContext, row: PendingPost, attempt: Attempt): Promise<PostPlan> {
  const { services, settings, token } = ctx;
  const id = row.subjectId ?? 0;
  switch (row.kind) {
    case "contribution": {
      const c = await contributionForPost(services, id);
      return {
        guildId: c.guildId,
        where: c.channelId ?? settings.channels.contributions,
        async send(channel) {
          // Announced in a digest: it has no post of its own to bring up to date.
          if (c.postIsDigest) return;
          const payload = post({ embeds: [contributionEmbed(ctx.guildT(c.guildId), c)], allowedMentions: noMentions });
          if (c.messageId) {
            await editUnlessDeleted(channel, c.messageId, payload);
            return;
          }
          const message = await sendFresh(channel, payload, attempt);
          await recordContributionMessage(services, c.id, channel.id, message.id);
        },
      };
    }
    case "evaluation": {
      const evaluation = await evaluationForPost(services, id);
      const c = evaluation.contribution;
      // The announcement of a newcomer's first evaluation says what would have scored higher.
      const advice = await newcomerAdvice(services, c, evaluation);
      const mentorNote = await mentorNoteFor(services, c.id);
      return {
        guildId: c.guildId,
        where: c.channelId ?? settings.channels.contributions,
        async send(channel) {
          const t = ctx.guildT(c.guildId);
          await channel.send({
            ...post({
              content: t.t("evaluation.posted", { author: c.author.discordId, id: String(c.id) }),
              embeds: [withMentorNote(t, evaluationEmbed(t, evaluation, c, token, advice), mentorNote)],
              allowedMentions: { users: [c.author.discordId] },
              ...(c.messageId ? { reply: { messageReference: c.messageId, failIfNotExists: false } } : {}),
            }),
            ...once(attempt),
          });
        },
      };
    }
    case "appeal": {
      const { appeal, contribution, original, second } = await appealForPost(services, id);
      return {
        guildId: contribution.guildId,
        where: appeal.channelId ?? contribution.channelId ?? settings.channels.contributions,
        async send(channel) {
          const t = ctx.guildT(contribution.guildId);
          if (appeal.status !== "open") {
            // Decided: the post (if it was ever made) shows the outcome and loses its buttons.
            if (!appeal.messageId) return;
            const outcome = appealOutcome(t, appeal.id, appeal.status, appeal.resolvedBy ?? "");
            await editUnlessDeleted(
              channel,
              appeal.messageId,
              post({ content: outcome, components: [], allowedMentions: noMentions }),
            );
            return;
          }
          if (appeal.messageId) return;
          const message = await sendFresh(
            channel,
            post({ ...appealView(t, appeal, contribution, original, second, token), allowedMentions: noMentions }),
            attempt,
          );
          await recordAppealMessage(services, appeal.id, channel.id, message.id);
        },
      };
    }
    case "proposal": {
      const overview = await proposalOverview(services, id);
      const p = overview.proposal;
      return {
        guildId: p.guildId,
        where: p.channelId ?? settings.channels.governance,
        async send(channel) {
          const payload = post({
            ...proposalMessage(ctx.guildT(p.guildId), overview, token),
            allowedMentions: noMentions,
          });
          if (p.messageId) {
            try {
              await channel.messages.edit(p.messageId, payload);
              return;
            } catch (error) {
              // Deleted by a moderator: posted again rather than never again.
              if (!isUnknownMessage(error)) throw error;
              await forgetProposalMessage(services, id);
            }
          }
          const message = await sendFresh(channel, payload, attempt);
          await recordProposalMessage(services, id, channel.id, message.id);
        },
      };
    }
    case "result": {
      const overview = await proposalOverview(services, id);
      const p = overview.proposal;
      return {
        guildId: p.guildId,
        where: p.channelId ?? settings.channels.governance,
        async send(channel) {
          const payload = post({
            ...resultMessage(ctx.guildT(p.guildId), overview, token),
            allowedMentions: noMentions,
          });
          if (p.resultMessageId) {
            try {
              await channel.messages.edit(p.resultMessageId, payload);
              return;
            } catch (error) {
              if (!isUnknownMessage(error)) throw error;
              await forgetResultMessage(services, id);
            }
          }
          // The result stands on its own: it replies to the proposal only while that message exists.
          const message = await sendFresh(
            channel,
            {
              ...payload,
              ...(p.messageId ? { reply: { messageReference: p.messageId, failIfNotExists: false } } : {}),
            },
            attempt,
          );
          await recordResultMessage(services, id, message.id);
        },
      };
    }
    case "receipt": {
      const receipt = await payoutReceipt(services, id);
      const p = receipt.proposal;
      return {
        guildId: p.guildId,
        where: settings.channels.payouts,
        async send(channel) {
          if (!p.receiptMessageId) {
            services.settlement?.checkpoint("before-receipt", id);
            // A repeat after a crash between sending and recording: the nonce returns the receipt already posted;
            // older than Discord's nonce window, the channel's recent messages still show it.
            const recent = await channel.messages.fetch({ limit: 50 });
            const earlier = recent.find((m) => m.author.id === ctx.client.user?.id && isReceiptOf(m.content, id));
            const message =
              earlier ??
              (await channel.send({
                ...post(receiptMessage(ctx.guildT(p.guildId), receipt, token)),
                ...once(attempt),
              }));
            services.settlement?.checkpoint("after-receipt-sent", id);
            await recordReceiptMessage(services, id, message.id);
            services.settlement?.checkpoint("after-receipt", id);
          }
          // The result in the governance channel says it was paid (it links the receipt).
          await enqueuePosts(services.db, services.now(), [
            { guildId: p.guildId, kind: "result", subjectId: id },
            { guildId: p.guildId, kind: "proposal", subjectId: id },
          ]);
        },
      };
    }
    case "safe_batch": {
      const intent = await safeBatchForPost(services, id);
      return {
        guildId: intent.proposal.guildId,
        where: settings.channels.payouts,
        async send(channel) {
          const role = moderatorRole(ctx, channel);
          await channel.send({
            ...post({
              content: safeBatchText(ctx.guildT(intent.proposal.guildId), intent, role?.id),
              allowedMentions: { parse: [], roles: role ? [role.id] : [] },
            }),
            files: [
              {
                attachment: Buffer.from(`${JSON.stringify(intent.safeBatch, null, 2)}\n`),
                name: `steward-payout-${intent.proposalId}-chunk-${intent.chunkIndex + 1}.json`,
              },
            ],
            ...once(attempt),
          });
          await markSafeBatchPosted(services, id);
        },
      };
    }
    case "note": {
      const note = row.payload as unknown as ModeratorNote;
      const mentorPost = "fact" in note ? mentorNotePost(ctx, row.guildId, note.fact) : null;
      if (mentorPost) {
        return {
          guildId: row.guildId,
          where: settings.channels.governance,
          async send(channel) {
            const { content, components, users, mentorRole } = mentorPost(channel);
            await channel.send({
              ...post({ content, components, allowedMentions: { parse: [], users, roles: mentorRole } }),
              ...once(attempt),
            });
          },
        };
      }
      return {
        guildId: row.guildId,
        where: note.channel === "payouts" ? settings.channels.payouts : settings.channels.governance,
        async send(channel) {
          const role = moderatorRole(ctx, channel);
          await channel.send({
            ...post({
              content: `${role ? `<@&${role.id}> ` : ""}${moderatorNoteText(ctx.guildT(row.guildId), note, ctx.token)}`,
              allowedMentions: { parse: [], roles: role ? [role.id] : [] },
            }),
            ...once(attempt),
          });
        },
      };
    }
    case "reminder": {
      const facts = await reminderForPost(services, id);
      return {
        guildId: facts.guildId,
        where: settings.channels.governance,
        async send(channel) {
          // The vote closed before the reminder could go out: its result says the rest.
          if (!facts.open) return;
          await channel.send({
            ...post({ content: reminderPostText(ctx.guildT(facts.guildId), facts), allowedMentions: noMentions }),
            ...once(attempt),
          });
        },
      };
    }
    case "epoch_reminder": {
      const facts = await epochReminderForPost(services, id);
      return {
        guildId: facts.guildId,
        where: settings.channels.governance,
        async send(channel) {
          // Closed (by hand, or at its time) before the reminder could go out: there is nothing left to remind of.
          if (!facts.open) return;
          await channel.send({
            ...post({ content: epochReminderText(ctx.guildT(facts.guildId), facts), allowedMentions: noMentions }),
            ...once(attempt),
          });
        },
      };
    }
    case "reminder_dm": {
      const { dm, facts, voted, optedIn, locale } = await reminderDmForPost(services, id);
      return {
        guildId: facts.guildId,
        where: "a direct message",
        async send() {},
        async direct() {
          if (!facts.open || voted || !optedIn) {
            await recordReminderDmDropped(services, dm.id);
            return;
          }
          try {
            const channel = await ctx.client.users.createDM(dm.discordId);
            await channel.send({
              ...post({
                content: reminderDmText(memberT(ctx, facts.guildId, locale), facts),
                allowedMentions: noMentions,
              }),
              ...once(attempt),
            });
          } catch (error) {
            // 50007: the member does not take DMs from the bot. Retrying cannot help: the option goes off instead.
            if (error instanceof DiscordAPIError && error.code === CANNOT_DM_USER) {
              await recordDmsClosed(services, dm.id);
              return;
            }
            throw error;
          }
          await recordReminderDmSent(services, dm.id);
        },
      };
    }
    case "github_draft": {
      const draft = await githubDraftForPost(services, id);
      return {
        guildId: draft.guildId,
        where: settings.channels.contributions,
        async send(channel) {
          // Decided before it could be posted (a second delivery's post is never queued): nothing to ask.
          if (draft.status !== "waiting") return;
          await channel.send({
            ...post({
              ...githubDraftMessage(ctx.guildT(draft.guildId), draft),
              allowedMentions: { parse: [], users: [draft.discordId] },
            }),
            ...once(attempt),
          });
        },
      };
    }
    case "compute": {
      const stored = row.payload as unknown as ComputeNotice;
      // A notice queued before its words were facts carries English words, shown as they are.
      const notice = "fact" in stored ? computeFactNotice(ctx.guildT(row.guildId), stored.fact, token) : stored;
      return {
        guildId: row.guildId,
        where: settings.channels.compute,
        async send(channel) {
          const message = await channel.send({
            ...post({
              content: notice.content,
              components: noticeButtons(notice.buttons ?? []),
              allowedMentions: { parse: [], users: notice.mention ?? [] },
            }),
            ...once(attempt),
          });
          if (notice.leaseId !== undefined) await recordLeaseMessage(services, notice.leaseId, message.id);
        },
      };
    }
  }
}

/** Discord's "Cannot send messages to this user": the user's DMs are closed to the bot (or no guild is shared). */
const CANNOT_DM_USER = 50007;

/** A post the bot keeps up to date: a moderator deleting it means it is not wanted, so it is not made again. */
async function editUnlessDeleted(
  channel: PostChannel,
  messageId: string,
  payload: Parameters<PostChannel["messages"]["edit"]>[1],
) {
  try {
    await channel.messages.edit(messageId, payload);
  } catch (error) {
    if (!isUnknownMessage(error)) throw error;
  }
}

/** A DM's words: its member's language as they last used Steward in, when Steward speaks it; else the guild's. */
function memberT(ctx: SendContext, guildId: string, locale: string | null): Translator {
  const known = supportedLocale(locale);
  return known ? translator(known) : ctx.guildT(guildId);
}

/**
 * A mentorship note is for mentors, not moderators: a request mentions the mentor role (when the server has it) and
 * carries the Accept button; a review due mentions the mentor alone, an accept the newcomer alone, an end those of the
 * pair who did not end it. Null: any other note.
 */
function mentorNotePost(ctx: SendContext, guildId: string, fact: ModeratorFact) {
  const t = ctx.guildT(guildId);
  if (fact.kind === "mentor_requested") {
    return (channel: PostChannel) => {
      const { id } = matchRole(channel.guild, ctx.settings.roles.find((r) => r.key === "MENTOR_ROLE")?.value ?? "");
      return {
        content: `${id ? `<@&${id}> ` : ""}${mentorRequestedText(t, fact)}`,
        components: [mentorAcceptRow(t, fact.newcomer)],
        users: [] as string[],
        mentorRole: id ? [id] : [],
      };
    };
  }
  if (fact.kind === "mentor_accepted") {
    return (_channel: PostChannel) => ({
      content: mentorAcceptedNoteText(t, fact),
      components: [],
      users: [fact.newcomer],
      mentorRole: [] as string[],
    });
  }
  if (fact.kind === "mentor_ended") {
    return (_channel: PostChannel) => ({
      content: mentorEndedNoteText(t, fact),
      components: [],
      users: fact.tell,
      mentorRole: [] as string[],
    });
  }
  if (fact.kind === "mentor_review_due") {
    return (_channel: PostChannel) => ({
      content: mentorReviewDueText(t, fact),
      components: [],
      users: [fact.mentor],
      mentorRole: [] as string[],
    });
  }
  return null;
}

/** The moderator role MODERATOR_ROLE resolves to (never a role that only shares its name), to mention in notes. */
function moderatorRole(ctx: SendContext, channel: PostChannel) {
  const { id } = matchRole(channel.guild, ctx.settings.moderatorRole);
  return id ? channel.guild.roles.cache.get(id) : undefined;
}
