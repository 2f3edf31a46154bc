import type { PendingPost } from "../../generated/prisma/client.ts";
import type { MessageKey } from "../../i18n/catalogs/index.ts";
import type { Translator } from "../../i18n/translator.ts";

const KIND: Record<PendingPost["kind"], MessageKey> = {
  contribution: "setup.kind.contribution",
  evaluation: "setup.kind.evaluation",
  appeal: "setup.kind.appeal",
  proposal: "setup.kind.proposal",
  result: "setup.kind.result",
  receipt: "setup.kind.receipt",
  safe_batch: "setup.kind.safeBatch",
  note: "setup.kind.note",
  compute: "setup.kind.compute",
  reminder: "setup.kind.reminder",
  reminder_dm: "setup.kind.reminderDm",
  epoch_reminder: "setup.kind.epochReminder",
  github_draft: "setup.kind.githubDraft",
};

/**
 * The doctor's lines, then the outbox: how many posts are queued for Discord's rate limit, and each one Discord
 * refused with why (capped to fit a message; the counts are always shown).
 */
export function setupStatusText(t: Translator, problems: string[], waiting: PendingPost[]): string {
  const head =
    problems.length === 0
      ? t.t("setup.status.allClear")
      : t.t("setup.status.problems", {
          problemCount: problems.length,
          problems: problems.map((p) => `- ${p}`).join("\n"),
        });
  const refused = waiting.filter((p) => p.attempts > 0);
  const queued = waiting.length - refused.length;
  const shown = refused.slice(0, 10).map((p) =>
    t.t(p.subjectId === null ? "setup.status.refusedPost" : "setup.status.refusedPostOf", {
      what: t.t(KIND[p.kind]),
      id: String(p.subjectId),
      channel: p.channel ?? "",
      reason: p.reason ?? "",
      attempts: p.attempts,
      next: `<t:${Math.floor(p.nextAttemptAt.getTime() / 1000)}:R>`,
    }),
  );
  const more = refused.length - shown.length;
  const parts = [
    ...(queued === 0 ? [] : [t.t("setup.status.queued", { queuedCount: queued })]),
    ...(refused.length === 0
      ? []
      : [
          t.t("setup.status.refused", { refusedCount: refused.length, posts: shown.join("\n") }) +
            (more > 0 ? `\n${t.t("setup.status.more", { moreCount: more })}` : ""),
        ]),
  ];
  const posts =
    waiting.length === 0 ? t.t("setup.status.nothingWaits") : t.t("setup.status.posts", { posts: parts.join("\n") });
  const text = `${head}\n\n${posts}`;
  return text.length <= 2000 ? text : `${text.slice(0, 1990)}\n…`;
}
