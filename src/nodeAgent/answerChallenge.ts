import { setImmediate as yieldToLoop } from "node:timers/promises";
import type { Wallet } from "ethers";
import {
  CHALLENGE_ANSWER_TYPES,
  type ChallengeTask,
  resultHash,
  solveLane,
} from "../services/compute/challengeWork.ts";
import type { HeartbeatDomain } from "../services/compute/heartbeatTypedData.ts";

/**
 * The CPU solver on the main thread, one lane at a time, letting the heartbeats through between lanes: the reference
 * the agent's solvers (chooseChallengeSolver.ts: worker threads, or the CUDA program) must equal.
 */
export async function solveOnCpu(task: ChallengeTask): Promise<string[]> {
  const lanes: string[] = [];
  for (let lane = 0; lane < task.lanes; lane++) {
    lanes.push(solveLane(task.seed, lane, task.laneKib));
    await yieldToLoop();
  }
  return lanes;
}

/**
 * Solves a challenge and posts the signed answer; logs the verdict. A failure to answer is logged, not thrown:
 * the heartbeats go on (the node then earns only the CPU rate until it passes one).
 */
export async function answerChallengeTask(o: {
  base: string;
  nodeId: number;
  wallet: Wallet;
  domain: HeartbeatDomain;
  task: ChallengeTask;
  log: (line: string) => void;
  now: () => number;
  solve?: ((task: ChallengeTask) => Promise<string[]>) | undefined;
}) {
  const { task } = o;
  const started = o.now();
  o.log(
    `challenge #${task.id}: ${task.lanes} lane(s) of ${task.laneKib} KiB, ${Math.round(task.deadlineMs / 1000)} s to answer`,
  );
  try {
    const lanes = await (o.solve ?? solveOnCpu)(task);
    const signature = await o.wallet.signTypedData(o.domain, CHALLENGE_ANSWER_TYPES, {
      node: o.nodeId,
      challenge: task.id,
      result: resultHash(lanes),
    });
    const response = await fetch(`${o.base}/api/nodes/${o.nodeId}/challenges/${task.id}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ lanes, signature }),
      signal: AbortSignal.timeout(60_000),
    });
    const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
    const took = o.now() - started;
    if (response.status !== 200) {
      o.log(
        `challenge #${task.id}: refused after ${took} ms: ${response.status} ${String(body.error ?? "")} ${String(body.message ?? "")}`,
      );
    } else {
      o.log(
        `challenge #${task.id}: ${String(body.status)}${body.failure ? ` (${String(body.failure)})` : ""}, solved in ${took} ms`,
      );
    }
  } catch (error) {
    o.log(`challenge #${task.id}: could not answer: ${(error as Error).message}`);
  }
}
