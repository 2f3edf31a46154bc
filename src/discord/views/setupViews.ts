import type { PendingPost } from "../../generated/prisma/client.ts";

const KIND: Record<PendingPost["kind"], string> = {
  contribution: "Contribution",
  evaluation: "Evaluation post",
  appeal: "Appeal",
  proposal: "Proposal",
  result: "Result of proposal",
  receipt: "Payout receipt of proposal",
  safe_batch: "Safe file of payout chunk",
  note: "Note to moderators",
  compute: "Compute message",
  reminder: "Vote reminder",
  reminder_dm: "Vote reminder DM",
  epoch_reminder: "Epoch reminder",
  github_draft: "Contribution draft from a merged PR",
};

/**
 * The doctor's lines, then the outbox: how many posts are queued for Discord's rate limit, and each one Discord
 * refused with why (capped to fit a message; the counts are always shown).
 */
export function setupStatusText(problems: string[], waiting: PendingPost[]): string {
  const head =
    problems.length === 0
      ? "**Setup:** all clear: channels, permissions, roles, the Server Members intent and the commands are as Steward needs them."
      : `**Setup:** ${problems.length} problem(s) to fix:\n${problems.map((p) => `- ${p}`).join("\n")}`;
  const refused = waiting.filter((p) => p.attempts > 0);
  const queued = waiting.length - refused.length;
  const shown = refused
    .slice(0, 10)
    .map(
      (p) =>
        `- ${KIND[p.kind]}${p.subjectId === null ? "" : ` #${p.subjectId}`} in ${p.channel}: ${p.reason} (${p.attempts} ${p.attempts === 1 ? "try" : "tries"}, next <t:${Math.floor(p.nextAttemptAt.getTime() / 1000)}:R>)`,
    );
  const queue =
    queued === 0 ? "" : `${queued} queued, going out at Discord's pace (several at once become one digest message).`;
  const posts =
    waiting.length === 0
      ? "**Posts:** nothing waits to be posted."
      : `**Posts:** ${queue}${refused.length === 0 ? "" : `${queue ? "\n" : ""}${refused.length} refused by Discord, retried on their own:\n${shown.join("\n")}${refused.length > shown.length ? `\n…and ${refused.length - shown.length} more.` : ""}`}`;
  const text = `${head}\n\n${posts}`;
  return text.length <= 2000 ? text : `${text.slice(0, 1990)}\n…`;
}
