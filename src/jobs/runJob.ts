import { UserError } from "../services/errors.ts";
import { jobs } from "./index.ts";
import type { Job, JobDeps } from "./types.ts";

export function findJob(name: string): Job {
  const job = jobs.find((j) => j.name === name);
  if (!job) throw new UserError("unknown_job", { job: name, known: jobs.map((j) => j.name) });
  return job;
}

/** Runs a job once and records the run (start, finish, outcome) in the database; never throws for job failures. */
export async function runJob(job: Job, deps: JobDeps, trigger: "schedule" | "manual" | "kick") {
  const run = await deps.services.db.jobRun.create({
    data: { job: job.name, trigger, startedAt: deps.services.now() },
  });
  const log = deps.logger.child({ job: job.name, runId: run.id.toString(), trigger });
  let outcome: string;
  let summary: string;
  let detail: Record<string, unknown> | undefined;
  const started = performance.now();
  try {
    ({ outcome, summary, detail } = await job.run(deps));
    log.info({ outcome }, summary);
  } catch (error) {
    outcome = "error";
    summary = "the job failed; see the log for the error";
    log.error({ err: error }, "job failed");
  }
  deps.services.metrics.jobRun(job.name, outcome, (performance.now() - started) / 1000);
  await deps.services.db.jobRun.update({
    where: { id: run.id },
    data: { finishedAt: deps.services.now(), outcome, detail: { summary, ...(detail ?? {}) } as never },
  });
  return { runId: run.id, outcome, summary, detail };
}
