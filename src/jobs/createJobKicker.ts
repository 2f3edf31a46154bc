import { runJob } from "./runJob.ts";
import type { Job, JobDeps } from "./types.ts";

export type KickTrigger = "kick" | "schedule";

/**
 * Starts a job now, in the background, without piling up: a kick while it runs makes it run once more after. Work
 * itself is claimed in the database, so a kick that finds nothing to do is cheap and two processes stay safe.
 * `after` runs after (e.g. closing votes may approve payouts: settle them). The scheduler starts a job that has a
 * kicker through it too (`trigger` "schedule"), so its runs never overlap in one process and every run is followed.
 */
export function createJobKicker(job: Job, deps: JobDeps, options: { after?: () => void } = {}) {
  let running: Promise<void> | undefined;
  let again: KickTrigger | undefined;
  let stopped = false;
  const loop = async (first: KickTrigger) => {
    let trigger: KickTrigger | undefined = first;
    do {
      again = undefined;
      await runJob(job, deps, trigger);
      trigger = again;
    } while (trigger && !stopped);
    running = undefined;
    if (!stopped) options.after?.();
  };
  return {
    kick(trigger: KickTrigger = "kick"): void {
      if (stopped) return;
      if (running) {
        again ??= trigger;
        return;
      }
      running = loop(trigger).catch((err) => deps.logger.error({ job: job.name, err }, "kicked job crashed"));
    },
    /** Resolves when no kicked run is in progress (tests, shutdown). */
    async idle(): Promise<void> {
      while (running) await running;
    },
    /** No more runs: a kick from now on does nothing (the process is stopping). */
    stop(): void {
      stopped = true;
    },
  };
}
