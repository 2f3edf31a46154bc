import cron from "node-cron";
import { jobs } from "./index.ts";
import { runJob } from "./runJob.ts";
import type { JobDeps } from "./types.ts";

/** Schedules every job with node-cron; returns a stop function. Overlapping runs of one job are skipped. */
export function startScheduler(deps: JobDeps, schedules: Partial<Record<string, string>> = {}): () => void {
  const tasks = jobs.map((job) =>
    cron.schedule(
      schedules[job.name] ?? job.schedule,
      async () => {
        await runJob(job, deps, "schedule");
      },
      { name: job.name, noOverlap: true },
    ),
  );
  return () => {
    for (const t of tasks) t.stop();
  };
}
