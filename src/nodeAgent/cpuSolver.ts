import { Worker } from "node:worker_threads";
import type { ChallengeTask } from "../services/compute/challengeWork.ts";
import type { LaneJob } from "./solveLanesWorker.ts";

type Pending = LaneJob & { done: (error: Error | null, result?: string) => void };

// The worker runs the module next to this one, TypeScript under tsx (bin/steward.js, tests) or the compiled
// JavaScript (dist/): a worker does not inherit the loader the main thread registered, so it registers tsx itself.
const entry = new URL(`./solveLanesWorker${import.meta.url.endsWith(".ts") ? ".ts" : ".js"}`, import.meta.url);
const BOOTSTRAP = `
const { workerData } = require("node:worker_threads");
(async () => {
  if (workerData.tsx) (await import(workerData.tsx)).register();
  await import(workerData.entry);
})();`;

/**
 * The CPU solver on `threads` worker threads: the lanes are independent, so each idle thread takes the next one, and
 * the main thread stays free for the heartbeats. Results are the same as `solveLane`'s, in lane order. The threads
 * start now (loading the module takes them a moment) and serve every challenge; they do not keep the process alive.
 */
export function cpuSolver(threads: number): (task: ChallengeTask) => Promise<string[]> {
  const queue: Pending[] = [];
  const idle: Worker[] = [];
  const busy = new Map<Worker, Pending>();
  let alive = 0;
  let jobs = 0;
  let lastError = new Error("no worker thread");

  const next = () => {
    if (alive === 0) for (const job of queue.splice(0)) job.done(lastError);
    while (idle.length > 0 && queue.length > 0) {
      const worker = idle.pop() as Worker;
      const p = queue.shift() as Pending;
      busy.set(worker, p);
      worker.ref();
      worker.postMessage({ job: p.job, seed: p.seed, lane: p.lane, laneKib: p.laneKib } satisfies LaneJob);
    }
  };
  const tsx = entry.pathname.endsWith(".ts") ? import.meta.resolve("tsx/esm/api") : null;
  for (let i = 0; i < Math.max(1, threads); i++) {
    const worker = new Worker(BOOTSTRAP, { eval: true, workerData: { entry: entry.href, tsx } });
    alive++;
    worker.on("message", (m: { job: number; result?: string; error?: string }) => {
      const job = busy.get(worker);
      busy.delete(worker);
      worker.unref();
      idle.push(worker);
      job?.done(m.error === undefined ? null : new Error(m.error), m.result);
      next();
    });
    // A thread that died takes no more lanes: its lane fails, and so do the waiting ones once no thread is left.
    worker.on("error", (error) => {
      lastError = error;
      alive--;
      busy.get(worker)?.done(error);
      busy.delete(worker);
      if (idle.includes(worker)) idle.splice(idle.indexOf(worker), 1);
      next();
    });
    worker.unref();
    idle.push(worker);
  }

  return (task) =>
    Promise.all(
      Array.from(
        { length: task.lanes },
        (_, lane) =>
          new Promise<string>((resolve, reject) => {
            const done = (error: Error | null, result?: string) => (error ? reject(error) : resolve(result as string));
            queue.push({ job: jobs++, seed: task.seed, lane, laneKib: task.laneKib, done });
            next();
          }),
      ),
    );
}
