import { createHash } from "node:crypto";
import { keccak256 } from "ethers";

/** What a node is sent: a seed, and how many lanes of how much memory to fill from it. */
export interface ChallengeTask {
  id: number;
  seed: string;
  lanes: number;
  laneKib: number;
  /** Milliseconds the node has from the moment it was sent. */
  deadlineMs: number;
}

const BLOCK = 32;

const sha256 = (...parts: Uint8Array[]) => {
  const h = createHash("sha256");
  for (const p of parts) h.update(p);
  return new Uint8Array(h.digest());
};

/**
 * One lane of the challenge, a memory-hard sequence (scrypt's ROMix with SHA-256): fill `laneKib` of memory with a
 * hash chain from the seed and the lane's number, then walk it in an order that depends on every previous step.
 * The lane cannot be computed in less memory without recomputing the chain (time), nor in parallel within itself:
 * its cost is fixed, and a node's throughput shows in how many lanes it finishes before the deadline.
 */
export function solveLane(seed: string, lane: number, laneKib: number): string {
  const n = Math.max(1, Math.floor((laneKib * 1024) / BLOCK));
  const memory = new Uint8Array(n * BLOCK);
  const index = new Uint8Array(4);
  new DataView(index.buffer).setUint32(0, lane);
  let x = sha256(Buffer.from(seed.replace(/^0x/, ""), "hex"), index);
  for (let i = 0; i < n; i++) {
    memory.set(x, i * BLOCK);
    x = sha256(x);
  }
  const mixed = new Uint8Array(BLOCK);
  for (let i = 0; i < n; i++) {
    const j = (new DataView(x.buffer, x.byteOffset, 4).getUint32(0) % n) * BLOCK;
    for (let k = 0; k < BLOCK; k++) mixed[k] = (x[k] as number) ^ (memory[j + k] as number);
    x = sha256(mixed);
  }
  return `0x${Buffer.from(x).toString("hex")}`;
}

/** Every lane, in order, one after the other: the reference the node agent's solvers (CPU threads, CUDA) equal. */
export function solveChallenge(task: Pick<ChallengeTask, "seed" | "lanes" | "laneKib">): string[] {
  const out: string[] = [];
  for (let lane = 0; lane < task.lanes; lane++) out.push(solveLane(task.seed, lane, task.laneKib));
  return out;
}

/** The hash of the lane results that the node signs. */
export const resultHash = (lanes: string[]) => keccak256(Buffer.from(lanes.map((l) => l.slice(2)).join(""), "hex"));

/** The lanes Steward recomputes, drawn from its secret sample seed (revealed once the answer is in). */
export function sampledLanes(sampleSeed: string, lanes: number, count: number): number[] {
  const picked = new Set<number>();
  let h = sampleSeed;
  while (picked.size < Math.min(count, lanes)) {
    h = keccak256(h);
    picked.add(Number(BigInt(h) % BigInt(lanes)));
  }
  return [...picked].sort((a, b) => a - b);
}

/** The EIP-712 type of a node's answer, signed with the heartbeat domain. */
export const CHALLENGE_ANSWER_TYPES = {
  ChallengeAnswer: [
    { name: "node", type: "uint256" },
    { name: "challenge", type: "uint256" },
    { name: "result", type: "bytes32" },
  ],
};
