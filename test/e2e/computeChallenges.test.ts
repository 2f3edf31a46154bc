import { type ChildProcess, execFile, spawn } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { linkWallet } from "../helpers/linkWallet.ts";
import { finalResponse, textOf } from "../helpers/sandboxClient.ts";
import { startTestStack, type TestStack } from "../helpers/startTestStack.ts";

const bin = join(process.cwd(), "bin", "steward.js");
const fixture = new URL("../../../shared/fixtures/nvidia-smi/h200-1gpu/nvidia-smi-query-noheader.csv", import.meta.url)
  .pathname;
const dir = mkdtempSync(join(tmpdir(), "steward-challenge-"));
const run = promisify(execFile);

/** A stand-in `nvidia-smi` printing the real H200 line `count` times: what any provider can make the agent read. */
function fakeSmi(name: string, count: number) {
  const line = readFileSync(fixture, "utf8").trim();
  const csv = Array.from({ length: count }, (_, i) => line.replace(/^0,/, `${i},`)).join("\n");
  writeFileSync(join(dir, `${name}.csv`), `${csv}\n`);
  const file = join(dir, name);
  writeFileSync(file, `#!/bin/sh\ncat '${join(dir, `${name}.csv`)}'\n`);
  chmodSync(file, 0o755);
  return file;
}

let stack: TestStack;
const agents: ChildProcess[] = [];
const outputs: Record<string, string> = {};
beforeAll(async () => {
  // Lanes sized so that one GPU's challenge (16 lanes, ~1.3 s here) takes a fraction of the deadline on this CPU,
  // and sixteen GPUs' (256 lanes, ~21 s) several times it: with 128 KiB lanes 256 of them took 4.7 s, and on a
  // faster machine they were answered within the deadline.
  stack = await startTestStack({
    HEARTBEAT_INTERVAL: "1s",
    COMPUTE_BUDGET: "1700000",
    COMPUTE_CHALLENGE_INTERVAL: "10s",
    COMPUTE_CHALLENGE_DEADLINE: "8s",
    COMPUTE_CHALLENGE_LANE_KIB: "512",
    COMPUTE_CHALLENGE_LANES_PER_GPU: "16",
  });
  await stack.client.createUser("paula", ["Member", "Provider"]);
  await stack.client.createUser("lars", ["Member", "Provider"]);
  await stack.client.createUser("mod", ["Member", "Moderator"]);
}, 60_000);
afterAll(async () => {
  for (const a of agents) a.kill("SIGKILL");
  await stack?.stop();
});
afterEach(() => stack.expectNoSpecViolations());

async function until<T>(what: string, check: () => Promise<T | undefined | false>, ms = 40_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}; the agents said:\n${JSON.stringify(outputs, null, 1)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Registers an H200 node declaring `gpus` GPUs and starts a real agent whose `nvidia-smi` reports that many. */
async function startNode(who: string, gpus: number) {
  const key = join(dir, `${who}.key`);
  const first = await run(process.execPath, [bin, "node-agent", "--key", key]);
  const address = /its address: (0x[0-9a-fA-F]{40})/.exec(first.stdout)?.[1] as string;
  const registered = finalResponse(
    await stack.client.run(who, "node register", {
      name: `${who}-box`,
      gpu_model: "H200",
      gpu_count: gpus,
      vram_gb: 141,
      cpu_cores: 1,
      ram_gb: 1,
      region: "eu-west",
      price: "2",
      public_key: address,
    }),
  );
  const nodeId = Number(/Node \*\*#(\d+)\*\*/.exec(registered.content)?.[1]);
  expect(nodeId).toBeGreaterThan(0);
  outputs[who] = "";
  const agent = spawn(
    process.execPath,
    [bin, "node-agent", "--api", stack.steward.http.url, "--node", String(nodeId), "--key", key],
    {
      // One CPU thread: the lanes' sizes above are measured for one core, and the liar's machine is "one CPU" on
      // any test machine (with every core of a 4-core machine, 256 lanes would come in time).
      env: {
        PATH: process.env.PATH ?? "",
        NVIDIA_SMI: fakeSmi(who, gpus),
        CHALLENGE_SOLVER: "cpu",
        CHALLENGE_THREADS: "1",
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  const collect = (c: Buffer) => {
    outputs[who] += c.toString();
  };
  agent.stdout?.on("data", collect);
  agent.stderr?.on("data", collect);
  agents.push(agent);
  return nodeId;
}

describe("capacity challenges through the heartbeat answer", () => {
  it("a node whose agent cannot answer its challenges in time earns only the CPU rate; an honest one its capacity", async () => {
    await linkWallet(stack.client, "paula");
    await linkWallet(stack.client, "lars");
    const db = stack.steward.container.services.db;
    // paula's machine is what she declared: 1 × H200. lars declares 16 × H200 and his agent's nvidia-smi says so,
    // but the machine has one CPU's throughput: the reported specs "verify" 16 GPUs, the challenge does not.
    const honest = await startNode("paula", 1);
    const liar = await startNode("lars", 16);
    const decided = async (nodeId: number) =>
      (await db.nodeChallenge.findFirst({ where: { nodeId, status: { in: ["passed", "failed", "expired"] } } })) ??
      undefined;
    const passed = await until("the honest node's challenge", () => decided(honest));
    const failed = await until("the 16-GPU node's challenge", () => decided(liar));
    expect(passed, outputs.paula).toMatchObject({ status: "passed", lanes: 16, units: 16 });
    expect(passed.elapsedMs).toBeLessThan(8000);
    expect(failed).toMatchObject({ lanes: 256, units: 256 });
    expect(["failed", "expired"]).toContain(failed.status);
    expect(outputs.paula).toMatch(/challenge #\d+: passed, solved in \d+ ms/);
    expect(outputs.paula).toContain("challenge solver: cpu (CHALLENGE_SOLVER=cpu) on 1 thread(s)");
    // Both report what they declared: the specs alone would pay lars 16 GPUs.
    const liarNode = await db.computeNode.findUniqueOrThrow({ where: { id: liar } });
    expect(liarNode.shortfall).toBeNull();

    // `/node show` says what Steward checked itself, apart from what the agent reports.
    const show = async (who: string, id: number) =>
      textOf(finalResponse(await stack.client.run(who, "node show", { id })));
    expect(await show("paula", honest)).toMatch(/Proven\n✅ challenge #\d+ <t:\d+:R> passed: 16 lane\(s\) in/);
    expect(await show("lars", liar)).toMatch(
      /Proven\n❌ challenge #\d+ <t:\d+:R> failed \((answered after the deadline|not answered)\): its capacity earns the CPU rate/,
    );

    await stack.client.run("mod", "epoch close");
    const proposal = await db.proposal.findFirstOrThrow({ where: { kind: "distribution" }, orderBy: { id: "desc" } });
    const rewards = await db.computeReward.findMany({ where: { epochId: proposal.epochId ?? -1, kind: "uptime" } });
    const byNode = new Map(rewards.map((r) => [r.nodeId, r]));
    // The honest node is paid for its GPU (16); the node that could not prove its 16 GPUs at the CPU rate (1).
    expect(byNode.get(honest)?.weight).toBe(16);
    expect(byNode.get(liar)?.weight).toBe(1);
    const perMs = (r: (typeof rewards)[number] | undefined) =>
      Number(r?.amount.toString() ?? "0") / Number(r?.coveredMs ?? 1n);
    expect(perMs(byNode.get(honest))).toBeGreaterThan(10 * perMs(byNode.get(liar)));
    // The audit trail holds every challenge with its seed, and the sample seed once answered.
    const issued = await db.auditEvent.count({ where: { action: "node.challenge_issued" } });
    expect(issued).toBeGreaterThanOrEqual(2);
  }, 150_000);
});
