import type { Contribution, Evaluation } from "../../generated/prisma/client.ts";
import { DISCORD_LIMITS } from "./clampPayload.ts";
import { formatTokens, type TokenFormat } from "./evaluationViews.ts";

type Author = { discordId: string };
type DigestContribution = Pick<Contribution, "id" | "title" | "category" | "guildId" | "channelId" | "messageId"> & {
  author: Author;
};

const quoteTitle = (title: string) => `“${title.length > 70 ? `${title.slice(0, 69)}…` : title}”`;

/** Lines that fit one message; the caller sends what did not fit in the next one. */
function fitLines(header: string, lines: string[]): { content: string; count: number } {
  let content = header;
  let count = 0;
  for (const line of lines) {
    if (content.length + 1 + line.length > DISCORD_LIMITS.content) break;
    content += `\n${line}`;
    count++;
  }
  return { content, count };
}

/**
 * Many new contributions waiting for the channel at once (a burst): one message listing them instead of one
 * each. Names are shown, nobody is pinged. Returns how many of the given ones it holds.
 */
export function contributionDigest(contributions: DigestContribution[]) {
  const lines = contributions.map(
    (c) => `**#${c.id}** ${quoteTitle(c.title)} · ${c.category} · by <@${c.author.discordId}>`,
  );
  const header = (n: number) =>
    `**${n} new contributions** (listed together: many arrived at once). \`/contribute show id\` shows one in full.`;
  const { count } = fitLines(header(contributions.length), lines);
  return { content: fitLines(header(count), lines.slice(0, count)).content, count };
}

/**
 * Many evaluations waiting for the channel at once: one message that pings each author, with the total, the
 * suggested reward and whether a person must look first, and a link to each contribution's post.
 */
export function evaluationDigest(
  evaluations: (Pick<Evaluation, "total" | "suggestedReward" | "flags"> & { contribution: DigestContribution })[],
  token: TokenFormat,
) {
  const lines = evaluations.map(({ contribution: c, ...e }) => {
    const link =
      c.messageId && c.channelId ? ` · https://discord.com/channels/${c.guildId}/${c.channelId}/${c.messageId}` : "";
    const held = e.flags.includes("needs_human") ? " · held for a person to review" : "";
    return `<@${c.author.discordId}> **#${c.id}** ${quoteTitle(c.title)}: ${e.total}/100, suggested ${formatTokens(e.suggestedReward, token)}${held}${link}`;
  });
  const header = (n: number) =>
    `**${n} contributions evaluated** (listed together: many were evaluated at once). \`/evaluation show contribution\` shows the scores, evidence and flags.`;
  const { count } = fitLines(header(evaluations.length), lines);
  const { content } = fitLines(header(count), lines.slice(0, count));
  return {
    content,
    count,
    authors: [...new Set(evaluations.slice(0, count).map((e) => e.contribution.author.discordId))],
  };
}
