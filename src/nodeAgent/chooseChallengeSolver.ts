import { accessSync, constants, existsSync } from "node:fs";
import { type ChallengeTask, solveLane } from "../services/compute/challengeWork.ts";
import { binarySolver, EXIT_NO_DEVICE, firstLine, runSolver } from "./binarySolver.ts";
import { buildCudaSolver } from "./buildCudaSolver.ts";
import { cpuSolver } from "./cpuSolver.ts";

export type SolverMode = "auto" | "cpu" | "cuda";

export interface ChallengeSolver {
  solve: (task: ChallengeTask) => Promise<string[]>;
  /** For the agent's start line: `cuda (<device name>)` or `cpu (<reason>)`. */
  description: string;
}

/** CHALLENGE_SOLVER=cuda, and no usable GPU solver: the agent does not start. */
export class SolverUnavailable extends Error {}

// The self-test: lanes of an odd size, from lane 1, so that a solver getting the size or the first lane wrong fails.
const SELF_TEST = { seed: `0x${"5e1f7e57".repeat(8)}`, first: 1, count: 4, laneKib: 3 };

/**
 * A GPU solver program that is usable: a CUDA device answers, and the program's lanes for a small challenge are
 * exactly the TypeScript `solveLane`'s. The device's name, or why not.
 */
export async function verifyGpuSolver(binary: string): Promise<{ device: string } | { reason: string }> {
  const device = await runSolver(binary, ["--device"], 60_000);
  if (device.code === EXIT_NO_DEVICE) return { reason: `no CUDA device: ${firstLine(device.stderr)}` };
  if (device.code !== 0) return { reason: `the GPU solver failed (exit ${device.code}): ${firstLine(device.stderr)}` };
  const { seed, first, count, laneKib } = SELF_TEST;
  const run = await runSolver(binary, [seed, String(first), String(count), String(laneKib)], 60_000);
  if (run.code !== 0) return { reason: `the GPU solver failed (exit ${run.code}): ${firstLine(run.stderr)}` };
  const expected = Array.from({ length: count }, (_, i) => `${solveLane(seed, first + i, laneKib)}\n`);
  if (run.stdout !== expected.join("")) return { reason: "GPU result differed from the CPU reference: not used" };
  return { device: firstLine(device.stdout) };
}

/**
 * The solver the agent uses for every challenge, chosen once at its start. `auto`: the GPU solver (the operator's
 * prebuilt `solverPath`, else gpu/challengeSolver.cu compiled with nvcc into `cacheDir`) if it passes its self-test,
 * else the CPU solver on `threads` threads, saying why. `cuda`: the GPU solver or SolverUnavailable with the reason.
 */
export async function chooseChallengeSolver(o: {
  mode: SolverMode;
  solverPath?: string | undefined;
  cacheDir: string;
  threads: number;
}): Promise<ChallengeSolver> {
  const cpu = (reason: string) => ({
    solve: cpuSolver(o.threads),
    description: `cpu (${reason}) on ${o.threads} thread(s)`,
  });
  if (o.mode === "cpu") return cpu("CHALLENGE_SOLVER=cpu");
  const unusable = (reason: string) => {
    if (o.mode === "cuda") throw new SolverUnavailable(reason);
    return cpu(reason);
  };
  // No driver, no device: not worth the compiler's seconds (and the heartbeats' wait for them) at every start.
  const driver = o.solverPath ? undefined : noNvidiaDriver();
  if (driver) return unusable(driver);
  const built = o.solverPath ? prebuilt(o.solverPath) : await buildCudaSolver(o.cacheDir);
  if ("reason" in built) return unusable(built.reason);
  const verified = await verifyGpuSolver(built.binary);
  if ("reason" in verified) return unusable(verified.reason);
  return { solve: binarySolver(built.binary), description: `cuda (${verified.device})` };
}

/** Why no CUDA device can be there (Linux: the NVIDIA kernel driver is not loaded), or undefined when one may be. */
export function noNvidiaDriver(): string | undefined {
  if (process.platform !== "linux") return undefined;
  if (existsSync("/proc/driver/nvidia/version") || existsSync("/dev/nvidiactl")) return undefined;
  return "no NVIDIA driver loaded: /proc/driver/nvidia/version is missing";
}

function prebuilt(path: string): { binary: string } | { reason: string } {
  try {
    accessSync(path, constants.X_OK);
    return { binary: path };
  } catch {
    return { reason: `CHALLENGE_SOLVER_PATH ${path} is not an executable file` };
  }
}
