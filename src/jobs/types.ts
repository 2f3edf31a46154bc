import type { Logger } from "../logger.ts";
import type { ServiceDeps } from "../services/deps.ts";

export interface JobDeps {
  services: ServiceDeps;
  logger: Logger;
  /** Aborts when the process is stopping: a job stops at its next safe point (the database says where it was). */
  signal?: AbortSignal;
  /** The publisher of this process (absent where no bot runs, e.g. a CLI command): one pass over the outbox. */
  posts?: { drainOnce(): Promise<{ sent: number; refused: number }> };
}

/** A scheduled job: node-cron only triggers it; what it did is recorded as a JobRun row. */
export interface Job {
  name: string;
  /** Cron expression (node-cron, with seconds optional). */
  schedule: string;
  description: string;
  run(deps: JobDeps): Promise<{ outcome: "ok" | "problem"; summary: string; detail?: Record<string, unknown> }>;
}
