import type { PendingPost } from "../../generated/prisma/client.ts";
import type { ServiceDeps } from "../../services/deps.ts";
import { awaitingFirstPost, evaluationsReady } from "../../services/publishing/postSubjects.ts";
import { DIGEST_AFTER, DIGEST_SIZE } from "./lanes.ts";

/**
 * The rows the lane's next message carries: the first due post that may go now, alone, or with the others of its
 * kind as a digest when more than DIGEST_AFTER wait. An evaluation may go once its contribution is announced (it
 * replies to it or links it). A post that failed once, or whose message may already exist, goes alone; nothing
 * ready: none.
 */
export async function nextGroup(services: Pick<ServiceDeps, "db">, due: PendingPost[]): Promise<PendingPost[]> {
  const head = due[0] as PendingPost;
  // A message started before a crash is finished as it was begun: same rows, same nonce.
  if (head.sentWith !== null) return due.filter((r) => r.sentWith === head.sentWith);
  const evaluations = due.filter((r) => r.kind === "evaluation").map((r) => r.subjectId ?? 0);
  const announced = evaluations.length > 0 ? await evaluationsReady(services, evaluations) : new Set<number>();
  const ready = due.filter((r) => r.kind !== "evaluation" || announced.has(r.subjectId ?? 0));
  const first = ready[0];
  if (!first) return [];
  if (first.sentWith !== null || first.attempts > 0) return [first];
  if (first.kind !== "evaluation" && first.kind !== "contribution") return [first];
  let candidates = ready.filter(
    (r) => r.kind === first.kind && r.guildId === first.guildId && r.sentWith === null && r.attempts === 0,
  );
  if (candidates.length <= DIGEST_AFTER) return [first];
  if (first.kind === "contribution") {
    // Only announcements go in a digest; an update of a post already made is an edit of that post.
    const fresh = await awaitingFirstPost(
      services,
      candidates.map((r) => r.subjectId ?? 0),
    );
    if (!fresh.has(first.subjectId ?? 0)) return [first];
    candidates = candidates.filter((r) => fresh.has(r.subjectId ?? 0));
    if (candidates.length <= DIGEST_AFTER) return [first];
  }
  return candidates.slice(0, DIGEST_SIZE);
}
