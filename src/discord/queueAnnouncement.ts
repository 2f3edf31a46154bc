import type { ServiceDeps } from "../services/deps.ts";
import { type ComputeNotice, enqueuePosts, type ModeratorNote } from "../services/publishing/enqueuePosts.ts";

/**
 * A message a handler composes itself (a compute notice, a note to moderators), queued in the outbox for the
 * publisher: the reply never waits for Discord's rate limit.
 */
export function queueAnnouncement(
  services: Pick<ServiceDeps, "db" | "now">,
  guildId: string,
  message: { notice: ComputeNotice } | { note: ModeratorNote },
): Promise<void> {
  return enqueuePosts(services.db, services.now(), [
    "notice" in message
      ? { guildId, kind: "compute", notice: message.notice }
      : { guildId, kind: "note", note: message.note },
  ]);
}
