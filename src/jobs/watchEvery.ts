import type { Logger } from "../logger.ts";

/**
 * Runs `tick` every `everyMs`, never two at once, until stopped. A failure is logged (the cron schedule still runs
 * the same work), except while stopping, when the database closes under it.
 */
export function watchEvery(everyMs: number, tick: () => Promise<void>, logger: Logger, failure: string): () => void {
  let busy = false;
  let stopped = false;
  const timer = setInterval(async () => {
    if (busy) return;
    busy = true;
    try {
      await tick();
    } catch (err) {
      if (!stopped) logger.warn({ err }, failure);
    } finally {
      busy = false;
    }
  }, everyMs);
  timer.unref();
  return () => {
    stopped = true;
    clearInterval(timer);
  };
}
