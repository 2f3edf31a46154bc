import { createHash } from "node:crypto";
import { keccak256 } from "ethers";
import { describe, expect, it } from "vitest";
import { drawSample } from "../../src/services/calibration/drawSample.ts";
import { resultHash, sampledLanes, solveChallenge, solveLane } from "../../src/services/compute/challengeWork.ts";

// The challenge as docs/compute-providers.md describes it, written again from that text alone: what every solver
// (the agent's, the CUDA program's --cpu and its GPU kernel) and Steward's check must compute alike.
function referenceLane(seedHex: string, lane: number, laneKib: number): string {
  const blocks = Math.max(1, Math.floor((laneKib * 1024) / 32));
  const sha = (data: Buffer) => createHash("sha256").update(data).digest();
  const laneIndex = Buffer.alloc(4);
  laneIndex.writeUInt32BE(lane);
  let x = sha(Buffer.concat([Buffer.from(seedHex.slice(2), "hex"), laneIndex]));
  const memory: Buffer[] = [];
  for (let i = 0; i < blocks; i++) {
    memory.push(x);
    x = sha(x);
  }
  for (let i = 0; i < blocks; i++) {
    const v = memory[x.readUInt32BE(0) % blocks] as Buffer;
    x = sha(Buffer.from(x.map((b, k) => b ^ (v[k] as number))));
  }
  return `0x${x.toString("hex")}`;
}

const SEED = "0x5eed00000000000000000000000000000000000000000000000000000000c0de";

describe("the challenge's work, as documented", () => {
  it("each lane is the documented memory-hard sequence, for any size, lane and seed", () => {
    for (const [seed, lane, kib] of [
      [SEED, 0, 1],
      [SEED, 1, 1],
      [SEED, 7, 3],
      [SEED, 4_294_967_295, 2],
      ["0x01", 2, 5],
      [`0x${"ab".repeat(32)}`, 300, 16],
    ] as const) {
      expect(solveLane(seed, lane, kib), `${seed} lane ${lane} ${kib} KiB`).toBe(referenceLane(seed, lane, kib));
    }
  });

  it("a lane smaller than one block still does one block's work; the seed may come with or without 0x", () => {
    expect(solveLane(SEED, 3, 0)).toBe(referenceLane(SEED, 3, 1 / 32));
    expect(solveLane(SEED.slice(2), 3, 2)).toBe(solveLane(SEED, 3, 2));
    expect(solveLane(SEED, 3, 2)).toMatch(/^0x[0-9a-f]{64}$/);
    // Different lanes, sizes and seeds give different results.
    const all = new Set([solveLane(SEED, 0, 2), solveLane(SEED, 1, 2), solveLane(SEED, 0, 3), solveLane("0x02", 0, 2)]);
    expect(all.size).toBe(4);
  });

  it("pins the first lane of a known challenge, so that agents of any version answer what Steward checks", () => {
    // A known answer, computed once (2026-12-07) by the solver and the reference alike: a change here breaks every
    // agent in the field, whatever both implementations then say.
    expect(solveLane(SEED, 0, 1)).toBe("0x018b35c2ff1c152d77f3b0e5f3d85182c81250b0a7d82fafd34babc937539014");
    expect(resultHash([solveLane(SEED, 0, 1), solveLane(SEED, 1, 1)])).toBe(
      "0xe2ef53946a39697b86a462ee136bdeef8ae660c7116fe927a12850f21786549f",
    );
    expect(solveChallenge({ seed: SEED, lanes: 3, laneKib: 2 })).toEqual(
      [0, 1, 2].map((l) => referenceLane(SEED, l, 2)),
    );
  });

  it("the signed result is keccak-256 of the lanes' bytes, in order", () => {
    const lanes = [0, 1, 2].map((l) => solveLane(SEED, l, 1));
    const bytes = Buffer.concat(lanes.map((l) => Buffer.from(l.slice(2), "hex")));
    expect(resultHash(lanes)).toBe(keccak256(bytes));
    expect(resultHash([...lanes].reverse())).not.toBe(resultHash(lanes));
    expect(resultHash(lanes)).toMatch(/^0x[0-9a-f]{64}$/);
  });
});

describe("the lanes Steward recomputes", () => {
  it("draws `count` distinct lanes from the sample seed by repeated keccak-256, in ascending order", () => {
    const sampleSeed = "0x9a3b000000000000000000000000000000000000000000000000000000000001";
    const expected = new Set<number>();
    let h = sampleSeed;
    while (expected.size < 3) {
      h = keccak256(h);
      expected.add(Number(BigInt(h) % 1000n));
    }
    const drawn = sampledLanes(sampleSeed, 1000, 3);
    expect(drawn).toEqual([...expected].sort((a, b) => a - b));
    expect(drawn).toHaveLength(3);
    expect([...drawn].sort((a, b) => a - b)).toEqual(drawn);
  });

  it("never more lanes than the challenge has, and every one of them when it has fewer than asked", () => {
    expect(sampledLanes(SEED, 2, 3)).toEqual([0, 1]);
    expect(sampledLanes(SEED, 1, 3)).toEqual([0]);
    expect(sampledLanes(SEED, 50, 3)).toHaveLength(3);
    // Ascending by number, not by text or insertion: lanes past 9 sort after 2.
    const many = sampledLanes(SEED, 1000, 20);
    expect(many).toEqual([...many].sort((a, b) => a - b));
    expect(many).toHaveLength(20);
  });
});

describe("the jury's draw", () => {
  it("takes the contributions of lowest sha256(seed:id), so anyone can recompute it", () => {
    const population = Array.from({ length: 40 }, (_, i) => i + 1);
    const seed = "audit-head-3f2a";
    const rank = (id: number) => createHash("sha256").update(`${seed}:${id}`).digest("hex");
    const expected = [...population]
      .sort((a, b) => rank(a).localeCompare(rank(b)))
      .slice(0, 4)
      .sort((a, b) => a - b);
    expect(drawSample(seed, population, 10)).toEqual(expected);
    expect(drawSample("another-head", population, 10)).not.toEqual(expected);
  });
});
