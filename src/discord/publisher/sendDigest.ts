import type { PendingPost } from "../../generated/prisma/client.ts";
import {
  contributionsForDigest,
  evaluationsForDigest,
  recordDigestMessage,
} from "../../services/publishing/postSubjects.ts";
import { noMentions, post } from "../reply.ts";
import { contributionDigest, evaluationDigest } from "../views/digestViews.ts";
import { type Attempt, once, type SendContext } from "./planPost.ts";
import { postChannel } from "./postChannel.ts";

/**
 * Several waiting announcements of one kind (new contributions, or evaluations) in one message. The rows that fit
 * are marked as this message's (`markSent` gives the attempt's nonce) before it is sent, so a repeat after a crash
 * sends the same message; the rest go back to the queue.
 */
export async function sendDigest(
  ctx: SendContext,
  rows: PendingPost[],
  markSent: (rows: PendingPost[]) => Promise<Attempt>,
): Promise<{ channelId: string; sent: PendingPost[]; left: PendingPost[] }> {
  const { client, services, settings } = ctx;
  const ids = rows.map((r) => r.subjectId ?? 0);
  if (rows[0]?.kind === "contribution") {
    const contributions = await contributionsForDigest(services, ids);
    const guildId = contributions[0]?.guildId ?? "";
    const channel = postChannel(client, guildId, settings.channels.contributions);
    const { content, embed, count } = contributionDigest(ctx.guildT(guildId), contributions);
    const included = new Set(contributions.slice(0, count).map((c) => c.id));
    const sent = rows.filter((r) => included.has(r.subjectId ?? 0));
    const attempt = await markSent(sent);
    const message = await channel.send({
      ...post({ content, embeds: [embed], allowedMentions: noMentions }),
      ...once(attempt),
    });
    await recordDigestMessage(services, [...included], channel.id, message.id);
    return { channelId: channel.id, sent, left: rows.filter((r) => !included.has(r.subjectId ?? 0)) };
  }
  const evaluations = await evaluationsForDigest(services, ids);
  const guildId = evaluations[0]?.contribution.guildId ?? "";
  const channel = postChannel(client, guildId, settings.channels.contributions);
  const { content, embed, count, authors } = evaluationDigest(ctx.guildT(guildId), evaluations, ctx.token);
  const included = new Set(evaluations.slice(0, count).map((e) => e.id));
  const sent = rows.filter((r) => included.has(r.subjectId ?? 0));
  const attempt = await markSent(sent);
  await channel.send({
    ...post({ content, embeds: [embed], allowedMentions: { parse: [], users: authors } }),
    ...once(attempt),
  });
  return { channelId: channel.id, sent, left: rows.filter((r) => !included.has(r.subjectId ?? 0)) };
}
