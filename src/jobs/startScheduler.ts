import cron from "node-cron";
import type { Logger } from "../logger.ts";
import type { KickTrigger } from "./createJobKicker.ts";
import { jobs } from "./index.ts";
import { runJob } from "./runJob.ts";
import type { JobDeps } from "./types.ts";

/**
 * node-cron's own messages in Steward's log. A run skipped because the previous one still runs is expected (the
 * job log shows every run and how long it took), so it is a debug line; a missed tick is a warning.
 */
function cronLogger(logger: Logger, job: string) {
  const log = logger.child({ component: "cron", job });
  return {
    info: (message: string) => log.debug(message),
    warn: (message: string) =>
      /overlap/.test(message) ? log.debug("scheduled run skipped: the previous run is still going") : log.warn(message),
    error: (message: string | Error, err?: Error) =>
      message instanceof Error ? log.error({ err: message }, "scheduled run failed") : log.error({ err }, message),
    debug: (message: string | Error) => log.debug(message instanceof Error ? message.message : message),
  };
}

/**
 * Schedules every job with node-cron. Overlapping runs of one job are skipped. A job with a kicker (`kickers`) is
 * started through it: its scheduled runs and its kicks never overlap, and what follows its kicked runs (settle after
 * close-votes) follows its scheduled ones too, else a vote the schedule closed would wait for the next settle tick.
 */
export function startScheduler(
  deps: JobDeps,
  schedules: Partial<Record<string, string>> = {},
  kickers: Partial<Record<string, { kick(trigger: KickTrigger): void }>> = {},
) {
  const running = new Set<Promise<unknown>>();
  const tasks = jobs.map((job) =>
    cron.schedule(
      schedules[job.name] ?? job.schedule,
      async () => {
        const kicker = kickers[job.name];
        if (kicker) {
          kicker.kick("schedule");
          return;
        }
        const run = runJob(job, deps, "schedule");
        running.add(run);
        try {
          await run;
        } finally {
          running.delete(run);
        }
      },
      { name: job.name, noOverlap: true, logger: cronLogger(deps.logger, job.name) },
    ),
  );
  return {
    /** No new runs from now on. */
    stop(): void {
      for (const t of tasks) t.stop();
    },
    /** Resolves when the runs started by the schedule have finished. */
    async idle(): Promise<void> {
      while (running.size > 0) await Promise.allSettled([...running]);
    },
  };
}
