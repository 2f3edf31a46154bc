import type { PendingPost } from "../../generated/prisma/client.ts";

const KIND: Record<PendingPost["kind"], string> = {
  contribution: "Contribution",
  evaluation: "Evaluation post",
  appeal: "Appeal",
  proposal: "Proposal",
  result: "Result of proposal",
  receipt: "Payout receipt of proposal",
};

/** The doctor's lines, then what waits to be posted (capped to fit a message; the count is always shown). */
export function setupStatusText(problems: string[], waiting: PendingPost[]): string {
  const head =
    problems.length === 0
      ? "**Setup:** all clear: channels, permissions, roles, the Server Members intent and the commands are as Steward needs them."
      : `**Setup:** ${problems.length} problem(s) to fix:\n${problems.map((p) => `- ${p}`).join("\n")}`;
  const shown = waiting
    .slice(0, 10)
    .map((p) => `- ${KIND[p.kind]} #${p.subjectId} in ${p.channel}: ${p.reason} (${p.attempts} tries)`);
  const posts =
    waiting.length === 0
      ? "**Posts:** nothing waits to be posted."
      : `**Posts:** ${waiting.length} waiting to be posted (retried every minute):\n${shown.join("\n")}${waiting.length > shown.length ? `\n…and ${waiting.length - shown.length} more.` : ""}`;
  const text = `${head}\n\n${posts}`;
  return text.length <= 2000 ? text : `${text.slice(0, 1990)}\n…`;
}
