import { execFile } from "node:child_process";
import type { ChallengeTask } from "../services/compute/challengeWork.ts";

/** gpu/challengeSolver.cu's exit code when no CUDA device is usable (its reason on stderr). */
export const EXIT_NO_DEVICE = 3;

export interface SolverRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a solver program (gpu/challengeSolver.cu's interface) and returns what it said; never throws. */
export function runSolver(binary: string, args: string[], timeoutMs = 0): Promise<SolverRun> {
  return new Promise((resolve) => {
    execFile(binary, args, { timeout: timeoutMs, maxBuffer: 1 << 30 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === "number" ? error.code : -1) : 0;
      resolve({ code, stdout, stderr: stderr.trim() || (error && code === -1 ? error.message : "") });
    });
  });
}

/** The first line of what a program said on stderr, for a log line. */
export const firstLine = (text: string) => text.split("\n")[0]?.trim() || "no reason given";

/**
 * The GPU solver: every lane of the challenge from the program, in order; throws with the program's reason when it
 * fails or prints anything but one 0x-hex result per lane.
 */
export const binarySolver = (binary: string) => async (task: ChallengeTask) => {
  const count = task.lanes;
  // Past twice the deadline an answer no longer counts: a hung device must not hold the solver for good.
  const timeoutMs = Math.max(60_000, 2 * task.deadlineMs);
  const run = await runSolver(binary, [task.seed, "0", String(count), String(task.laneKib)], timeoutMs);
  if (run.code !== 0) throw new Error(`the GPU solver exited with ${run.code}: ${firstLine(run.stderr)}`);
  const lanes = run.stdout.split("\n").filter((l) => l !== "");
  if (lanes.length !== count || !lanes.every((l) => /^0x[0-9a-f]{64}$/.test(l)))
    throw new Error(`the GPU solver printed ${lanes.length} line(s) for ${count} lane(s), not one result per lane`);
  return lanes;
};
