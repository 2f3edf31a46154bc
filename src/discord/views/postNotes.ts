import type { PostOutcome } from "../../services/publishing/pendingPosts.ts";

/**
 * The sentence a reply adds about the public post of what was just saved: where it is, or that it is saved but
 * not posted yet, why, and that it will be posted on its own once fixed.
 */
export function postNote(outcome: PostOutcome): string {
  if (outcome.posted) return ` It is posted in <#${outcome.channelId}>.`;
  return ` It is saved, but I could not post it in ${outcome.channel}: ${outcome.reason}. I will post it on my own once that is fixed; moderators see what waits with \`/steward status\`.`;
}

/** For replies that do not otherwise mention the post: only a failure is worth a sentence. */
export const failedPostNote = (outcome: PostOutcome) => (outcome.posted ? "" : postNote(outcome));
