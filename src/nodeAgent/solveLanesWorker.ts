import { parentPort } from "node:worker_threads";
import { solveLane } from "../services/compute/challengeWork.ts";

/** One lane asked of a worker thread of the CPU solver (see cpuSolver.ts). */
export interface LaneJob {
  job: number;
  seed: string;
  lane: number;
  laneKib: number;
}

parentPort?.on("message", (m: LaneJob) => {
  try {
    parentPort?.postMessage({ job: m.job, result: solveLane(m.seed, m.lane, m.laneKib) });
  } catch (error) {
    parentPort?.postMessage({ job: m.job, error: (error as Error).message });
  }
});
