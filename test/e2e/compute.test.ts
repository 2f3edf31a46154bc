import { type ChildProcess, execFile, spawn } from "node:child_process";
import { chmodSync, mkdtempSync, writeFileSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { componentId, waitForMessage } from "../helpers/governance.ts";
import { linkWallet } from "../helpers/linkWallet.ts";
import { finalResponse, textOf } from "../helpers/sandboxClient.ts";
import { startTestStack, type TestStack } from "../helpers/startTestStack.ts";

const bin = join(process.cwd(), "bin", "steward.js");
const fixtures = new URL("../../../shared/fixtures/nvidia-smi/h200-1gpu/", import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), "steward-agent-"));
const keyFile = join(dir, "node.key");
// The machine has no GPU: a stand-in `nvidia-smi` prints the real H200 output the agent's query gets.
const fakeSmi = join(dir, "nvidia-smi");
writeFileSync(fakeSmi, `#!/bin/sh\ncat '${join(fixtures, "nvidia-smi-query-noheader.csv")}'\n`);
chmodSync(fakeSmi, 0o755);

/** Runs a command to its end without blocking this process's event loop; rejects on a non-zero exit. */
const run = promisify(execFile);

let stack: TestStack;
let agent: ChildProcess | undefined;
let agentOut = "";
beforeAll(async () => {
  stack = await startTestStack({ HEARTBEAT_INTERVAL: "1s", COMPUTE_BUDGET: "1000000000000000000000" });
  await stack.client.createUser("paula", ["Member", "Provider"]);
  await stack.client.createUser("mia", ["Member"]);
  await stack.client.createUser("mod", ["Member", "Moderator"]);
}, 60_000);
afterAll(async () => {
  agent?.kill("SIGKILL");
  await stack?.stop();
});
afterEach(() => stack.expectNoSpecViolations());

async function until<T>(what: string, check: () => Promise<T | undefined | false>, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; the agent said:\n${agentOut}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const show = async (id: number) => textOf(finalResponse(await stack.client.run("paula", "node show", { id })));

describe("compute network in the sandbox", () => {
  it("register → agent heartbeats → online → request matched → lease → agent killed → offline → epoch pays compute", async () => {
    // The agent's first run creates the key and prints the address to register.
    // Not spawnSync: this process runs Steward and the sandbox, and a blocked event loop (a slow start of the
    // agent on a loaded machine) outlasts the sandbox's keep-alive, so the next request meets a closed socket.
    const first = await run(process.execPath, [bin, "node-agent", "--key", keyFile]);
    const address = /its address: (0x[0-9a-fA-F]{40})/.exec(first.stdout)?.[1] as string;
    expect(address).toBeTruthy();

    const specs = {
      name: "h200-box",
      gpu_model: "H200",
      gpu_count: 1,
      vram_gb: 141,
      cpu_cores: 1,
      ram_gb: 1,
      region: "eu-west",
      price: "2.5",
      public_key: address,
    };
    const noWallet = finalResponse(await stack.client.run("paula", "node register", specs));
    expect(noWallet.content).toBe(
      "Node rewards are paid to your verified wallet, and you have none yet. Run `/wallet link` first, then register the node.",
    );
    const notProvider = finalResponse(await stack.client.run("mia", "node register", specs));
    expect(notProvider.ephemeral).toBe(true);
    expect(notProvider.content).toContain("Provider");
    const wallet = await linkWallet(stack.client, "paula");
    await linkWallet(stack.client, "mia");

    const registered = finalResponse(await stack.client.run("paula", "node register", specs));
    const nodeId = Number(/Node \*\*#(\d+)\*\*/.exec(registered.content)?.[1]);
    // The command as it runs in a clone (`steward` is not on PATH there), with the key where node-agent made it.
    expect(registered.content).toContain(
      `\`npm run steward -- node-agent --api ${stack.steward.http.url} --node ${nodeId}\``,
    );
    await waitForMessage(
      stack.client,
      (m) => m.content.includes(`registered node **#${nodeId} h200-box**`),
      20_000,
      "compute",
    );
    expect(await show(nodeId)).toContain("pending");

    agent = spawn(
      process.execPath,
      [bin, "node-agent", "--api", stack.steward.http.url, "--node", String(nodeId), "--key", keyFile],
      { env: { PATH: process.env.PATH ?? "", NVIDIA_SMI: fakeSmi }, stdio: ["ignore", "pipe", "pipe"] },
    );
    agent.stdout?.on("data", (c: Buffer) => {
      agentOut += c.toString();
    });
    agent.stderr?.on("data", (c: Buffer) => {
      agentOut += c.toString();
    });
    await until("the node online", async () => (await show(nodeId)).includes("Status\nonline"));
    await waitForMessage(
      stack.client,
      (m) => m.content.includes(`Node #${nodeId} **h200-box** is online`),
      20_000,
      "compute",
    );
    const online = await show(nodeId);
    expect(online).toContain("NVIDIA H200 (140 GB)");
    expect(online).toContain("Flags\nnone");
    expect(online).toContain("141 GB), 1 core, 1 GB RAM");

    // A member asks; the agent's ranking offers the node with a Choose button.
    const asked = finalResponse(
      await stack.client.run("mia", "compute request", {
        gpu_count: 1,
        hours: 1,
        max_price: "4",
        purpose: "fine-tune a model",
        gpu_model: "H200",
      }),
    );
    expect(asked.content).toContain(`**node #${nodeId} h200-box**`);
    const chosen = finalResponse(
      await stack.client.click("mia", asked.messageId as string, componentId(asked, `Choose node #${nodeId}`)),
    );
    const leaseId = Number(/Lease \*\*#(\d+)\*\*/.exec(chosen.content)?.[1]);
    expect(chosen.content).toContain("was asked in #compute");
    const offer = await waitForMessage(
      stack.client,
      (m) => m.content.includes(`start lease **#${leaseId}**`),
      20_000,
      "compute",
    );
    expect(offer.mentions.users).toHaveLength(1);
    const notProviderClick = finalResponse(await stack.client.click("mia", offer.id, componentId(offer, "Accept")));
    expect(notProviderClick.content).toBe(`Only the provider of lease #${leaseId}'s node can accept or decline it.`);
    const accepted = finalResponse(await stack.client.click("paula", offer.id, componentId(offer, "Accept")));
    expect(accepted.content).toContain(`Lease **#${leaseId}** accepted`);
    const leases = textOf(finalResponse(await stack.client.run("mia", "compute leases")));
    expect(leases).toContain(`**#${leaseId}** active`);

    // The agent dies: after two heartbeat intervals the watcher turns the node offline.
    await new Promise((r) => setTimeout(r, 1500));
    agent.kill("SIGKILL");
    const killedAt = Date.now();
    await waitForMessage(
      stack.client,
      (m) => m.content.includes(`Node #${nodeId} **h200-box** is offline`),
      20_000,
      "compute",
    );
    expect(Date.now() - killedAt).toBeLessThan(6000);
    const offline = await show(nodeId);
    expect(offline).toContain("Status\noffline");
    // Seconds old: the line says the window is the time since registration, not "24 h".
    expect(offline).not.toContain("24 h:");
    const uptime = Number(/since registration <t:\d+:R>: ([\d.]+) %/.exec(offline)?.[1]);
    // Uptime is the time the heartbeats covered (first to last, no gap over two intervals) over the node's life.
    const db = stack.steward.container.services.db;
    const spans = await db.nodeUptimeSpan.findMany({ where: { nodeId } });
    const node = await db.computeNode.findUniqueOrThrow({ where: { id: nodeId } });
    expect(spans).toHaveLength(1);
    const covered = spans.reduce((n, sp) => n + (sp.endsAt.getTime() - sp.startsAt.getTime()), 0);
    expect(covered).toBeGreaterThan(1000);
    const expected = (100 * covered) / (Date.now() - node.registeredAt.getTime());
    expect(uptime).toBeGreaterThan(0);
    expect(Math.abs(uptime - expected)).toBeLessThan(3);

    // The lease ends early; the epoch's distribution pays the uptime reward and the delivered lease hours.
    const ended = finalResponse(await stack.client.run("mia", "compute end", { lease: leaseId }));
    expect(ended.content).toContain(`Lease **#${leaseId}** ended`);
    const status = textOf(finalResponse(await stack.client.run("mia", "epoch status")));
    expect(status).toContain(
      "to 1 provider(s): 1 node(s) sharing the compute budget of 1000 STEW by verified capacity × uptime, 1 ended lease(s) paid for delivered GPU-hours. 0 node(s) online now.",
    );
    await stack.client.run("mod", "epoch close");
    const proposal = await stack.steward.container.services.db.proposal.findFirstOrThrow({
      where: { kind: "distribution" },
      orderBy: { id: "desc" },
    });
    const batch = proposal.batch as { recipient: string; amount: string; refs: string[] }[];
    const line = batch.find((l) => l.recipient === wallet.address);
    expect(line?.refs).toEqual([`lease:${leaseId}`, `node:${nodeId}`]);
    expect(BigInt(line?.amount ?? "0")).toBeGreaterThan(10n ** 21n - 1n);
    expect(proposal.summary).toContain(
      "go to 1 compute provider: 1 node sharing the compute budget of 1000 STEW by verified capacity × uptime, and 1 lease paid for the GPU-hours delivered.",
    );
    expect(proposal.specification).toContain(`lease #${leaseId} `);
    // The node's earnings trace to the distribution that pays them: uptime and lease, on the provider's line.
    const trace = finalResponse(await stack.client.run("mia", "audit trace", { id: `node ${nodeId}` }));
    expect(textOf(trace)).toContain(`Audit trace: node #${nodeId}`);
    expect(textOf(trace)).toMatch(
      new RegExp(`\\*\\*Node #${nodeId} \\S+\\*\\* — 1 × \\S+ \\(\\d+ GB\\), \\S+, \\w+; provider member-[0-9a-f]{8}`),
    );
    const reasons = finalResponse(
      await stack.client.click("mia", trace.messageId as string, componentId(trace, "Next")),
    );
    expect(textOf(reasons)).toMatch(new RegExp(`• lease #${leaseId} on node #${nodeId} .+ → [\\d.]+ STEW`));
    expect(textOf(reasons)).toMatch(new RegExp(`• uptime of node #${nodeId} .+: \\d+\\.\\d{2} h → [\\d.]+ STEW`));
  }, 120_000);
});

describe("the node agent process", () => {
  it("keeps retrying while Steward is unreachable, comes back online, and exits with the reason once retired", async () => {
    // A proxy between the agent and Steward that can be taken down and brought back on the same port.
    const target = new URL(stack.steward.http.url);
    const sockets = new Set<net.Socket>();
    const proxy = () =>
      net.createServer((client) => {
        const upstream = net.connect(Number(target.port), target.hostname);
        sockets.add(client).add(upstream);
        client.pipe(upstream).pipe(client);
        const drop = () => {
          client.destroy();
          upstream.destroy();
        };
        client.on("error", drop);
        upstream.on("error", drop);
      });
    let server = proxy();
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const port = (server.address() as net.AddressInfo).port;
    const down = async () => {
      for (const s of sockets) s.destroy();
      sockets.clear();
      await new Promise((r) => server.close(r));
    };

    const key = join(dir, "second.key");
    const first = await run(process.execPath, [bin, "node-agent", "--key", key]);
    const address = /its address: (0x[0-9a-fA-F]{40})/.exec(first.stdout)?.[1] as string;
    const registered = finalResponse(
      await stack.client.run("paula", "node register", {
        name: "cpu-box",
        gpu_model: "none",
        gpu_count: 0,
        vram_gb: 0,
        cpu_cores: 1,
        ram_gb: 1,
        region: "us-east-1",
        price: "0.5",
        public_key: address,
      }),
    );
    const nodeId = Number(/Node \*\*#(\d+)\*\*/.exec(registered.content)?.[1]);
    let out = "";
    const proc = spawn(
      process.execPath,
      [bin, "node-agent", "--api", `http://127.0.0.1:${port}`, "--node", String(nodeId), "--key", key],
      { env: { PATH: process.env.PATH ?? "", NVIDIA_SMI: "/nonexistent" }, stdio: ["ignore", "pipe", "pipe"] },
    );
    const exited = new Promise<number | null>((r) => proc.once("exit", r));
    proc.stdout?.on("data", (c: Buffer) => {
      out += c.toString();
    });
    proc.stderr?.on("data", (c: Buffer) => {
      out += c.toString();
    });
    try {
      await until("the CPU node online", async () => (await show(nodeId)).includes("Status\nonline"));
      expect(await show(nodeId)).toContain("no GPU, ");

      await down();
      await until("a retry", async () => /heartbeat failed, retrying in \d+ s/.test(out));
      await waitForMessage(
        stack.client,
        (m) => m.content.includes(`Node #${nodeId} **cpu-box** is offline`),
        20_000,
        "compute",
      );
      expect(proc.exitCode).toBeNull();

      server = proxy();
      await new Promise<void>((r) => server.listen(port, "127.0.0.1", r));
      await until("the node back online", async () => (await show(nodeId)).includes("Status\nonline"), 20_000);
      expect(out).toMatch(
        /heartbeat accepted \(sequence \d+\): node #\d+ is online[\s\S]*heartbeat failed[\s\S]*heartbeat accepted/,
      );

      await stack.client.run("paula", "node retire", { id: nodeId });
      expect(await exited).toBe(1);
      expect(out).toContain(
        `node-agent: Steward refused node #${nodeId} for good: 410 node_retired: Node #${nodeId} is retired: it no longer sends heartbeats.`,
      );
    } finally {
      proc.kill("SIGKILL");
      await down().catch(() => {});
    }
  }, 120_000);
});
