import { evaluationsReady } from "../../services/publishing/postSubjects.ts";
import type { PublisherRun } from "./publisherRun.ts";

/**
 * Resolves once every queued post is made, except refused ones waiting for their retry (tests, benches): what a
 * person sees once the publisher has caught up.
 */
export async function waitForIdle(run: PublisherRun, timeoutMs = 60_000): Promise<void> {
  const { services } = run.deps;
  const giveUp = Date.now() + timeoutMs;
  for (;;) {
    // Fresh posts (a live tally's edit may wait a moment) and refused ones whose retry is due.
    const queued = await services.db.pendingPost.findMany({
      where: { OR: [{ attempts: 0 }, { nextAttemptAt: { lte: services.now() } }] },
      select: { kind: true, subjectId: true },
    });
    // An evaluation waiting for its refused contribution post waits with it, not for the publisher.
    const evaluations = queued.filter((q) => q.kind === "evaluation").map((q) => q.subjectId ?? 0);
    const ready = evaluations.length > 0 ? await evaluationsReady(services, evaluations) : new Set<number>();
    const waiting = queued.filter((q) => q.kind !== "evaluation" || ready.has(q.subjectId ?? 0));
    if (waiting.length === 0 && run.sending.size === 0) return;
    if (Date.now() > giveUp) {
      throw new Error(
        `posts still queued after ${timeoutMs} ms: ${waiting.map((w) => `${w.kind} ${w.subjectId ?? ""}`).join(", ")}`,
      );
    }
    run.wakeups.wake();
    await new Promise((r) => setTimeout(r, 50));
  }
}
