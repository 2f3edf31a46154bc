import type { APIEmbed } from "discord-api-types/v10";
import type { Token } from "../../base/token.ts";
import type { Contribution, Evaluation } from "../../generated/prisma/client.ts";
import type { Translator } from "../../i18n/translator.ts";
import { DISCORD_LIMITS } from "./clampPayload.ts";
import { tokenAmountIn } from "./tokenAmountIn.ts";
import { userLine } from "./userText.ts";

type Author = { discordId: string };
type DigestContribution = Pick<Contribution, "id" | "title" | "category" | "guildId" | "channelId" | "messageId"> & {
  author: Author;
};

/** What one digest message carries: its content and embed, and how many of the given items fit in it. */
export interface Digest {
  content: string;
  embed: APIEmbed;
  count: number;
}

const quoteTitle = (t: Translator, title: string) => t.t("steward.digest.quotedTitle", { title: userLine(title, 100) });

/** As many lines as fit an embed's description; the caller sends the rest in the next message. */
function fitLines(lines: string[]): string[] {
  const kept: string[] = [];
  let length = 0;
  for (const line of lines) {
    if (length + line.length + 1 > DISCORD_LIMITS.embedDescription) break;
    kept.push(line);
    length += line.length + 1;
  }
  return kept;
}

/**
 * Many new contributions waiting for the channel at once (a burst): one message listing them instead of one
 * each. Authors are named, nobody is pinged.
 */
export function contributionDigest(t: Translator, contributions: DigestContribution[]): Digest {
  const lines = fitLines(
    contributions.map((c) =>
      t.t("steward.digest.contributionLine", {
        id: String(c.id),
        title: quoteTitle(t, c.title),
        category: c.category,
        author: c.author.discordId,
      }),
    ),
  );
  return {
    content: t.t("steward.digest.contributions", { count: lines.length }),
    embed: {
      description: lines.join("\n"),
      color: 0x5865f2,
      footer: { text: t.t("steward.digest.contributions.footer") },
    },
    count: lines.length,
  };
}

/**
 * Many evaluations waiting for the channel at once: one message that pings each author (mentions ping only in the
 * content), and lists each contribution's total, suggested reward, whether a person must look first, and a link
 * to its post.
 */
export function evaluationDigest(
  t: Translator,
  evaluations: (Pick<Evaluation, "total" | "suggestedReward" | "flags"> & { contribution: DigestContribution })[],
  token: Token,
): Digest & { authors: string[] } {
  const lines = fitLines(
    evaluations.map(({ contribution: c, ...e }) => {
      const title =
        c.messageId && c.channelId
          ? `[${quoteTitle(t, c.title)}](https://discord.com/channels/${c.guildId}/${c.channelId}/${c.messageId})`
          : quoteTitle(t, c.title);
      return t.t("steward.digest.evaluationLine", {
        id: String(c.id),
        title,
        author: c.author.discordId,
        score: String(e.total),
        reward: tokenAmountIn(t, e.suggestedReward, token),
        held: e.flags.includes("needs_human"),
      });
    }),
  );
  const authors = [...new Set(evaluations.slice(0, lines.length).map((e) => e.contribution.author.discordId))];
  return {
    content: t
      .t("steward.digest.evaluations", { count: lines.length, mentions: authors.map((a) => `<@${a}>`).join(" ") })
      .slice(0, DISCORD_LIMITS.content),
    embed: {
      description: lines.join("\n"),
      color: 0x57f287,
      footer: { text: t.t("steward.digest.evaluations.footer") },
    },
    count: lines.length,
    authors,
  };
}
