import type { ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Contract, JsonRpcProvider } from "ethers";
import { afterAll, describe, expect, it } from "vitest";
import { stopLocalChain } from "../../src/chain/openLocalChain.ts";
import { destroyManagedData } from "../../src/db/managedPostgres.ts";
import { type Database, openDatabase } from "../../src/db/openDatabase.ts";
import type { BatchEntry } from "../../src/services/epochs/batchHash.ts";
import { CHUNK_STEPS, PROPOSAL_STEPS } from "../../src/services/settlement/settlementDeps.ts";
import { componentId, proposalPost } from "../helpers/governance.ts";
import { linkWallet } from "../helpers/linkWallet.ts";
import { finalResponse } from "../helpers/sandboxClient.ts";
import { exited, startStewardProcess } from "../helpers/stewardProcess.ts";
import { testDatabaseKind } from "../helpers/testDatabase.ts";
import { until as untilIn } from "../helpers/until.ts";

const until = <T>(what: string, probe: () => Promise<T | undefined | false>, ms = 60_000) =>
  untilIn(what, probe, ms, 150);

/**
 * From the vote to the kill: the 2 s vote, its close (the deadline watcher polls every second), two chunks settled
 * (each waits for the chain's once-a-second save) and the receipt post. Measured alone on 2 cores: 2.2–4.8 s (the
 * timings this test prints); over ten times that is no slowness but a payout nobody started (the explanation shows
 * the job runs: a vote the close-votes schedule closed once waited for the next settle tick, 5 minutes).
 */
const KILL_WAIT_MS = 60_000;

/** `promise`, or an error naming `what` after `ms`. */
function within(ms: number, what: string, promise: Promise<unknown>): Promise<unknown> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(what)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

const dataDir = mkdtempSync(join(tmpdir(), "steward-settle-kill-"));
const MEMBERS = ["ana", "bo", "cy"];
const env = {
  PATH: process.env.PATH,
  HOME: process.env.HOME,
  SANDBOX_PORT: "0",
  HTTP_PORT: "0",
  STEWARD_DATA_DIR: dataDir,
  LOG_LEVEL: "warn",
  VOTING_PERIOD: "2s",
  QUORUM: "1",
  // Passing distributions go straight to approved: this test is about what happens after.
  AUTO_APPROVE_BELOW: "1000000000000000000000000000",
  SETTLEMENT_CHUNK_SIZE: "2",
  DUPLICATE_SUBMISSION_WINDOW: "1s",
};

// Every step of settlement, in the first and in the second chunk of a three-line batch (two chunks); the chain is
// killed too where it may lose the newest transaction (it saves its state every second).
const KILLS: { step: string; chain?: boolean }[] = [
  ...CHUNK_STEPS.flatMap((s) => [{ step: `${s}:1` }, { step: `${s}:2` }]),
  ...PROPOSAL_STEPS.map((s) => ({ step: s as string })),
].map((k) => ({ ...k, chain: ["after-broadcast:2", "after-save-broadcast:1", "after-save-mined:2"].includes(k.step) }));

const start = (killAt?: string) => startStewardProcess({ ...env, ...(killAt ? { STEWARD_KILL_AT: killAt } : {}) });

function chainFile(): { pid: number; rpcUrl: string } {
  return JSON.parse(readFileSync(join(dataDir, "chain", "chain.json"), "utf8"));
}

/**
 * SIGKILL at every step of settlement (after planning, signing, broadcast, mining, before each database update,
 * between the chunks of a two-chunk batch, around the receipt post), the local chain killed too at three of them,
 * on the managed PostgreSQL: after each restart the interrupted payout completes, and at the end every recipient
 * holds exactly what the voted batches gave them, every intent is confirmed and every receipt posted once.
 */
describe.runIf(testDatabaseKind === "embedded")("settlement under SIGKILL", () => {
  let current: ChildProcess | undefined;
  let db: Database | undefined;
  afterAll(async () => {
    current?.kill("SIGKILL");
    await db?.close();
    await stopLocalChain(dataDir);
    await destroyManagedData(dataDir);
  });

  /** How long each cycle's steps took (printed at the end, and in a failure's explanation). */
  const timings: string[] = [];

  /**
   * A wait that, when it times out, says where the proposal's payout stands, what the jobs (settle, close-votes) and
   * the outbox last did, how long the cycles took, and what Steward logged.
   */
  async function explained(proposalId: number, stdout: () => string, wait: () => Promise<unknown>) {
    try {
      await wait();
    } catch (error) {
      const p = await db?.prisma.proposal.findUnique({
        where: { id: proposalId },
        include: { payouts: { orderBy: { chunkIndex: "asc" } } },
      });
      const chunks = p?.payouts.map(
        (i) =>
          `chunk ${i.chunkIndex}: ${i.status} nonce ${i.nonce} tx ${i.txHash} ${JSON.stringify(i.stuck ?? i.stuckReason ?? "")} ${JSON.stringify(i.failure ?? i.failureReason ?? "")}`,
      );
      const jobs = (await db?.prisma.jobRun.findMany({ orderBy: { id: "desc" }, take: 12 }))
        ?.reverse()
        .map(
          (r) =>
            `${r.startedAt.toISOString()} ${r.job} (${r.trigger}) ${r.finishedAt ? `${r.finishedAt.getTime() - r.startedAt.getTime()} ms` : "unfinished"} ${r.outcome ?? ""}: ${(r.detail as { summary?: string } | null)?.summary ?? ""}`,
        );
      const outbox = (await db?.prisma.pendingPost.findMany({ orderBy: { id: "asc" } }))?.map(
        (r) =>
          `#${r.id} ${r.kind} ${r.subjectId} attempts ${r.attempts} next ${r.nextAttemptAt.toISOString()} claimed ${r.claimedBy ?? "-"} sentWith ${r.sentWith ?? "-"} ${r.reason ?? ""}`,
      );
      throw new Error(
        [
          (error as Error).message,
          `proposal ${p?.status} (ends ${p?.endsAt?.toISOString()}, closed ${p?.closedAt?.toISOString()}, approved ${p?.approvedAt?.toISOString()}, settled ${p?.settledAt?.toISOString()}), receipt ${p?.receiptMessageId}`,
          ...(chunks ?? []),
          `now ${new Date().toISOString()}; the last job runs:`,
          ...(jobs ?? []),
          "the outbox:",
          ...(outbox ?? []),
          "the cycles so far:",
          ...timings,
          "Steward's log:",
          stdout().slice(-4000),
        ].join("\n"),
      );
    }
  }

  it(`pays every voted line exactly once through ${KILLS.length} kills`, async () => {
    let { proc, client, stdout } = await start();
    current = proc;
    await client.createUser("mona", ["Member", "Moderator"]);
    const wallets = new Map<string, { address: string }>();
    for (const m of MEMBERS) {
      await client.createUser(m, ["Member"]);
      wallets.set(m, await linkWallet(client, m));
    }
    // As an operator's CLI command would: a user of the managed server, which therefore outlives each killed start.
    db = await openDatabase({ kind: "embedded", dataDir, options: { role: "test settlementKills" } });
    const prisma = db.prisma;
    // Not killed at start: the next distribution's id names the proposal the kill is for.
    proc.kill("SIGKILL");
    await exited(proc);

    const proposals: number[] = [];
    for (const [cycle, kill] of KILLS.entries()) {
      const expected = (proposals.at(-1) ?? 0) + 1;
      const t0 = performance.now();
      const took: string[] = [];
      ({ proc, client, stdout } = await start(`${kill.step}@${expected}`));
      took.push(`started ${seconds(t0)}`);
      current = proc;
      // Read now: when Steward dies, its watchdog stops the chain and removes chain.json, racing the kill below.
      const chainPid = chainFile().pid;
      // The previous cycle's payout completes on its own after the restart.
      if (proposals.length > 0) {
        const previous = proposals.at(-1) as number;
        await explained(previous, stdout, () =>
          until(`proposal #${previous} settled after the kill at ${KILLS[cycle - 1]?.step}`, async () => {
            const p = await prisma.proposal.findUniqueOrThrow({ where: { id: previous } });
            return p.status === "settled" && p.receiptMessageId !== null;
          }),
        );
        took.push(`#${previous} settled ${seconds(t0)}`);
      }
      for (const m of MEMBERS) {
        finalResponse(
          await client.run(m, "contribute submit", {
            title: `Cycle ${cycle} work by ${m}`,
            description: `Cycle ${cycle}: reviewed two pull requests and wrote the release notes for ${m}'s module.`,
            category: "code",
          }),
        );
      }
      await until("the cycle's contributions evaluated", async () => {
        const n = await prisma.contribution.count({ where: { status: "evaluated", epochId: null } });
        return n === MEMBERS.length;
      });
      took.push(`evaluated ${seconds(t0)}`);
      const closed = finalResponse(await client.run("mona", "epoch close"));
      const id = Number(/Distribution proposal #(\d+)/.exec(closed.content)?.[1]);
      expect(id, closed.content).toBe(expected);
      proposals.push(id);
      const post = await proposalPost(client, id, "For");
      finalResponse(await client.click("mona", post.id, componentId(post, "For")));
      const voted = performance.now();
      took.push(`voted ${seconds(t0)}`);
      // The vote closes, the payout is approved and settled, and the process dies at its step.
      const dying = proc;
      await explained(id, stdout, () =>
        within(KILL_WAIT_MS, `cycle ${cycle}: not killed at ${kill.step} in ${KILL_WAIT_MS / 1000} s`, exited(dying)),
      );
      const closer = (
        await prisma.jobRun.findMany({ where: { job: "close-votes" }, orderBy: { id: "desc" }, take: 20 })
      ).find((r) => (r.detail as { summary?: string } | null)?.summary?.includes(`#${id} `));
      took.push(`killed ${seconds(t0)} (vote to kill ${seconds(voted)}; vote closed by ${closer?.trigger ?? "?"})`);
      timings.push(`cycle ${cycle} #${id} at ${kill.step}: ${took.join(", ")}`);
      expect(proc.signalCode, `cycle ${cycle} died by its kill switch`).toBe("SIGKILL");
      if (kill.chain) {
        try {
          process.kill(chainPid, "SIGKILL");
        } catch {
          // Its watchdog stopped it first (it saved its state on the way out).
        }
      }
    }

    // The last restart, no kill: everything is paid, once.
    ({ proc, client, stdout } = await start());
    current = proc;
    const last = proposals.at(-1) as number;
    await explained(last, stdout, () =>
      until("the last proposal settled", async () => {
        const p = await prisma.proposal.findUniqueOrThrow({ where: { id: last } });
        return p.status === "settled" && p.receiptMessageId !== null;
      }),
    );
    const settled = await prisma.proposal.findMany({ where: { id: { in: proposals } }, include: { payouts: true } });
    expect(settled.map((p) => p.status)).toEqual(proposals.map(() => "settled"));
    expect(settled.flatMap((p) => p.payouts.map((i) => i.status)).every((s) => s === "confirmed")).toBe(true);
    expect(settled.every((p) => p.payouts.length === 2)).toBe(true);

    const owed = new Map<string, bigint>();
    for (const p of settled) {
      for (const e of p.batch as unknown as BatchEntry[]) {
        owed.set(e.recipient.toLowerCase(), (owed.get(e.recipient.toLowerCase()) ?? 0n) + BigInt(e.amount));
      }
    }
    const deployment = await prisma.chainDeployment.findFirstOrThrow();
    const provider = new JsonRpcProvider(chainFile().rpcUrl, undefined, { staticNetwork: true, cacheTimeout: -1 });
    const token = new Contract(deployment.token, ["function balanceOf(address) view returns (uint256)"], provider);
    for (const [m, w] of wallets) {
      const balance = (await token.getFunction("balanceOf")(w.address)) as bigint;
      expect(balance, `${m} holds exactly what the voted batches gave`).toBe(owed.get(w.address.toLowerCase()));
    }
    provider.destroy();
    const receipts = (await client.messages("payouts")).filter((m) => m.content.startsWith("Paid: proposal #"));
    expect(receipts.map((m) => Number(/#(\d+)/.exec(m.content)?.[1])).sort((a, b) => a - b)).toEqual(proposals);
    expect(existsSync(join(dataDir, "chain", "state.json"))).toBe(true);
    proc.kill("SIGTERM");
    await exited(proc);
    process.stdout.write(`settlementKills, time since each cycle's start:\n${timings.join("\n")}\n`);
  }, 900_000);
});
