import type { PendingPost, PostKind } from "../../generated/prisma/client.ts";
import type { MessageKey } from "../../i18n/catalogs/index.ts";
import type { Translator } from "../../i18n/translator.ts";

/**
 * What came of the public post of something just saved, as far as the command waited for it: made (`channel` is
 * a mention of where), refused (and why), or queued behind `ahead` others for Discord's rate limit.
 */
export type PostWait =
  | { state: "posted"; channel: string }
  | { state: "refused"; channel: string; reason: string }
  | { state: "queued"; channel: string; ahead: number };

/**
 * The sentence a reply adds about the public post of what was just saved: where it is, that it follows in a
 * moment, or that it is saved but not posted yet, why, and that it will be posted on its own once fixed. It starts
 * as a following sentence does in the reader's language (a space before it in English and Spanish).
 */
export function postNote(t: Translator, wait: PostWait): string {
  const channel = wait.channel;
  if (wait.state === "posted") return t.t("notes.post.posted", { channel });
  if (wait.state === "queued") {
    return wait.ahead === 0
      ? t.t("notes.post.inAMoment", { channel })
      : t.t("notes.post.queued", { channel, aheadCount: wait.ahead });
  }
  return t.t("notes.post.refused", { channel, reason: wait.reason });
}

/** For replies that do not otherwise mention the post: only a refusal is worth a sentence. */
export const failedPostNote = (t: Translator, wait: PostWait) => (wait.state === "refused" ? postNote(t, wait) : "");

const what: Record<PostKind, MessageKey> = {
  contribution: "notes.kind.contribution",
  evaluation: "notes.kind.evaluation",
  appeal: "notes.kind.appeal",
  proposal: "notes.kind.proposal",
  result: "notes.kind.result",
  receipt: "notes.kind.receipt",
  safe_batch: "notes.kind.safeBatch",
  note: "notes.kind.note",
  compute: "notes.kind.compute",
  reminder: "notes.kind.reminder",
  reminder_dm: "notes.kind.reminderDm",
  epoch_reminder: "notes.kind.epochReminder",
  github_draft: "notes.kind.githubDraft",
};

/** The note to moderators about posts that keep failing, in the guild's language. */
export function failingPostsNote(
  t: Translator,
  rows: Pick<PendingPost, "kind" | "subjectId" | "channel" | "reason">[],
): string {
  const lines = rows.map((p) =>
    t.t(p.subjectId === null ? "notes.failing.line" : "notes.failing.lineOf", {
      what: t.t(what[p.kind]),
      id: String(p.subjectId),
      channel: p.channel ?? "",
      reason: p.reason ?? "",
    }),
  );
  return t.t("notes.failing", { count: rows.length, lines: lines.join("\n") });
}
