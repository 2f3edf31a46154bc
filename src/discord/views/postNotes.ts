import type { PendingPost, PostKind } from "../../generated/prisma/client.ts";

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
 * moment, or that it is saved but not posted yet, why, and that it will be posted on its own once fixed.
 */
export function postNote(wait: PostWait): string {
  if (wait.state === "posted") return ` It is posted in ${wait.channel}.`;
  if (wait.state === "queued") {
    return wait.ahead === 0
      ? ` It will be posted in ${wait.channel} in a moment.`
      : ` It will be posted in ${wait.channel} shortly: ${wait.ahead} ${wait.ahead === 1 ? "post waits" : "posts wait"} ahead of it for Discord's rate limit.`;
  }
  return ` It is saved, but I could not post it in ${wait.channel}: ${wait.reason}. I will post it on my own once that is fixed; moderators see what waits with \`/steward status\`.`;
}

/** For replies that do not otherwise mention the post: only a refusal is worth a sentence. */
export const failedPostNote = (wait: PostWait) => (wait.state === "refused" ? postNote(wait) : "");

const what: Record<PostKind, string> = {
  contribution: "contribution",
  evaluation: "evaluation of contribution post",
  appeal: "appeal",
  proposal: "proposal",
  result: "result of proposal",
  receipt: "payout receipt of proposal",
  safe_batch: "Safe file of payout chunk",
  note: "note to moderators",
  compute: "compute message",
  reminder: "vote reminder",
  reminder_dm: "vote reminder DM",
  epoch_reminder: "epoch reminder",
  github_draft: "contribution draft from a merged PR",
};

/** The note to moderators about posts that keep failing. */
export function failingPostsNote(rows: Pick<PendingPost, "kind" | "subjectId" | "channel" | "reason">[]): string {
  const lines = rows.map(
    (p) => `- ${what[p.kind]}${p.subjectId === null ? "" : ` #${p.subjectId}`} in ${p.channel}: ${p.reason}`,
  );
  const n = rows.length;
  return `I could not post ${n === 1 ? "this" : `these ${n}`} after several tries:\n${lines.join("\n")}\nFix it and I post ${n === 1 ? "it" : "them"} on my own; \`/steward status\` lists everything that waits.`;
}
