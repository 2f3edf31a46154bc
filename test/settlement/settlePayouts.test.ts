import { parseUnits } from "ethers";
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFinished } from "vitest";
import type { createSettlementChain } from "../../src/chain/createSettlementChain.ts";
import type { Deployed } from "../../src/chain/deployContracts.ts";
import type { LocalChain } from "../../src/chain/startAnvil.ts";
import type { Database } from "../../src/db/openDatabase.ts";
import type { ServiceDeps } from "../../src/services/deps.ts";
import type { BatchEntry } from "../../src/services/epochs/batchHash.ts";
import { CHUNK_STEPS, InjectedCrash, type SettlementDeps } from "../../src/services/settlement/settlementDeps.ts";
import { settlePayouts } from "../../src/services/settlement/settlePayouts.ts";
import { approvedPayout, recipients } from "../helpers/approvedPayout.ts";
import { anvilWithContracts, localSettlement } from "../helpers/localSettlement.ts";
import { queuedNotes, queuedSubjects } from "../helpers/outbox.ts";
import { serviceDeps, type TestServiceDeps } from "../helpers/serviceDeps.ts";
import { createTestDatabase } from "../helpers/testDatabase.ts";

let chain: LocalChain;
let deployed: Deployed;
let database: Database;
let deps: TestServiceDeps;
let settlement: SettlementDeps & { chain: ReturnType<typeof createSettlementChain> };

beforeAll(async () => {
  ({ chain, deployed } = await anvilWithContracts());
}, 60_000);
afterAll(async () => {
  settlement?.chain.destroy();
  await chain?.stop();
});
beforeEach(async () => {
  await database?.close();
  database = await createTestDatabase();
  deps = serviceDeps(database);
  settlement?.chain.destroy();
  settlement = localSettlement(chain, deployed, { chunkSize: 2 });
  deps.settlement = settlement;
}, 60_000);
afterAll(() => database?.close());

const tokens = (n: string) => parseUnits(n, 18).toString();
const batchOf = (addresses: string[], amount = (i: number) => tokens(String(i + 1))): BatchEntry[] =>
  addresses.map((recipient, i) => ({ recipient, amount: amount(i), refs: [`contribution:${i + 1}`] }));
const balances = (addresses: string[]) => Promise.all(addresses.map((a) => settlement.chain.tokenBalance(a)));

describe("settling an approved payout", () => {
  it("pays every line of the voted batch exactly once, in chunks, and a second run pays nothing", async () => {
    const to = recipients(5, 11);
    const batch = batchOf(to);
    const id = await approvedPayout(deps.db, batch);
    const report = await settlePayouts(deps);
    expect(report.planned).toEqual([id]);
    expect(report.settled).toEqual([id]);
    expect(report.failed).toEqual([]);
    const intents = await deps.db.payoutIntent.findMany({ where: { proposalId: id }, orderBy: { chunkIndex: "asc" } });
    expect(intents.map((i) => [i.chunkIndex, i.status, (i.entries as unknown[]).length])).toEqual([
      [0, "confirmed", 2],
      [1, "confirmed", 2],
      [2, "confirmed", 1],
    ]);
    const canonicalOrder = (await deps.db.proposal.findUniqueOrThrow({ where: { id } }))
      .batch as unknown as BatchEntry[];
    const paid = await balances(canonicalOrder.map((e) => e.recipient));
    expect(paid).toEqual(canonicalOrder.map((e) => BigInt(e.amount)));
    expect((await deps.db.proposal.findUniqueOrThrow({ where: { id } })).status).toBe("settled");

    const again = await settlePayouts(deps);
    expect(again).toMatchObject({ planned: [], settled: [], confirmed: [], failed: [] });
    expect(await balances(canonicalOrder.map((e) => e.recipient))).toEqual(paid);
    const audit = await deps.db.auditEvent.findMany({
      where: { action: { startsWith: "payout." } },
      select: { action: true },
    });
    expect(audit.filter((a) => a.action === "payout.confirmed")).toHaveLength(3);
    expect(audit.filter((a) => a.action === "payout.signed")).toHaveLength(3);
    const planned = await deps.db.auditEvent.findFirstOrThrow({ where: { action: "payout.planned" } });
    expect(planned).toMatchObject({ actorId: "system:settle", subjectType: "proposal", subjectId: String(id) });
    expect(planned.payload).toEqual({
      batchHash: (await deps.db.proposal.findUniqueOrThrow({ where: { id } })).batchHash,
      chainId: 31337,
      token: deployed.token,
      distributor: deployed.distributor,
      chunks: intents.map((i) => ({
        index: i.chunkIndex,
        batchId: i.batchId,
        lines: (i.entries as unknown[]).length,
        total: i.total.toFixed(),
      })),
    });
  }, 60_000);

  it("refuses a batch whose hash is not the voted one, and pays nothing", async () => {
    const to = recipients(2, 12);
    const id = await approvedPayout(deps.db, batchOf(to), { votedHash: `sha256:${"ab".repeat(32)}` });
    const report = await settlePayouts(deps);
    expect(report.refused[0]?.proposalId).toBe(id);
    expect(report.refused[0]?.reason).toContain("not to the voted sha256:abab");
    const p = await deps.db.proposal.findUniqueOrThrow({ where: { id } });
    expect(p.status).toBe("failed");
    expect(await deps.db.payoutIntent.count({ where: { proposalId: id } })).toBe(0);
    expect(await balances(to)).toEqual([0n, 0n]);
    const refusal = await deps.db.auditEvent.findFirstOrThrow({ where: { action: "payout.refused" } });
    expect(refusal).toMatchObject({ actorId: "system:settle", subjectType: "proposal", subjectId: String(id) });
    expect(refusal.payload).toEqual({
      reason: p.settlementError,
      votedBatchHash: `sha256:${"ab".repeat(32)}`,
      actualBatchHash: p.settlementError?.split(" ")[4]?.replace(/,$/, ""),
    });

    // A payout whose batch went missing is refused too, saying so.
    const empty = await approvedPayout(deps.db, batchOf(recipients(1, 13)));
    await deps.db.$executeRawUnsafe(`ALTER TABLE "Proposal" DISABLE TRIGGER "Proposal_lifecycle"`);
    await deps.db.$executeRawUnsafe('UPDATE "Proposal" SET "batch" = NULL WHERE "id" = $1', empty);
    const unvoted = await approvedPayout(deps.db, batchOf(recipients(1, 23)));
    await deps.db.$executeRawUnsafe('UPDATE "Proposal" SET "batchHash" = NULL WHERE "id" = $1', unvoted);
    await deps.db.$executeRawUnsafe(`ALTER TABLE "Proposal" ENABLE TRIGGER "Proposal_lifecycle"`);
    const second = await settlePayouts(deps);
    expect(second.refused).toEqual([
      expect.objectContaining({
        proposalId: empty,
        reason: expect.stringMatching(
          /^its batch hashes to nothing \(empty\), not to the voted sha256:[0-9a-f]{64}: nothing was paid$/,
        ),
      }),
      expect.objectContaining({
        proposalId: unvoted,
        reason: expect.stringMatching(
          /^its batch hashes to sha256:[0-9a-f]{64}, not to the voted \(none\): nothing was paid$/,
        ),
      }),
    ]);
  }, 60_000);

  it("fails a chunk the treasury cannot pay with the decoded reason, tells moderators, and pays it once on retry", async () => {
    const to = recipients(1, 13);
    // More than the treasury approved the distributor for: the preflight refuses with the token's own error.
    const approve = async (amount: bigint) => {
      const { Contract, Wallet } = await import("ethers");
      const provider = (await import("../../src/chain/createSettlementChain.ts")).settlementProvider(
        chain.rpcUrl,
        31337,
        50,
      );
      const token = new Contract(
        deployed.token,
        ["function approve(address,uint256) returns (bool)"],
        new Wallet(chain.deployerKey, provider),
      );
      await (await token.getFunction("approve")(deployed.distributor, amount)).wait();
      provider.destroy();
    };
    await approve(1n);
    // Whatever happens here, the next tests need the distributor approved again.
    onTestFinished(() => approve(2n ** 255n));
    const id = await approvedPayout(
      deps.db,
      batchOf(to, () => tokens("3")),
    );
    const report = await settlePayouts(deps);
    expect(report.failed).toEqual([
      {
        intentId: expect.any(Number),
        proposalId: id,
        failure: { kind: "allowance_short", allowance: "1", needed: tokens("3") },
      },
    ]);
    expect((await queuedNotes(deps.db))[0]).toEqual({
      channel: "payouts",
      fact: {
        kind: "chunk_failed",
        chunk: { proposalId: id, chunkIndex: 0, chunkCount: 1 },
        total: tokens("3"),
        failure: { kind: "allowance_short", allowance: "1", needed: tokens("3") },
      },
    });
    // Nothing is retried blindly: another run leaves it failed.
    expect((await settlePayouts(deps)).confirmed).toEqual([]);
    expect(await balances(to)).toEqual([0n]);

    await approve(2n ** 255n);
    const { retryPayout } = await import("../../src/services/settlement/retryPayout.ts");
    const moderator = { guildId: "100000000000000001", discordId: "900000000000000002", username: "mod" };
    expect(await retryPayout(deps, moderator, id)).toEqual({ chunks: 1 });
    const paid = await settlePayouts(deps);
    expect(paid.settled).toEqual([id]);
    expect(await balances(to)).toEqual([parseUnits("3", 18)]);
    await expect(retryPayout(deps, moderator, id)).rejects.toMatchObject({ code: "nothing_to_retry" });
  }, 60_000);

  it("exports a Safe batch that approves the distributor when the allowance is short, and completes once executed", async () => {
    const { Contract, Wallet } = await import("ethers");
    const provider = (await import("../../src/chain/createSettlementChain.ts")).settlementProvider(
      chain.rpcUrl,
      31337,
      50,
    );
    const owner = new Wallet(chain.deployerKey, provider);
    const token = new Contract(deployed.token, ["function approve(address,uint256) returns (bool)"], owner);
    await (await token.getFunction("approve")(deployed.distributor, 0n)).wait();
    onTestFinished(async () => {
      await (await token.getFunction("approve")(deployed.distributor, 2n ** 255n)).wait();
      provider.destroy();
    });
    settlement.mode = "safe-export";
    const to = recipients(3, 16);
    const id = await approvedPayout(
      deps.db,
      batchOf(to, () => tokens("2")),
    );
    const first = await settlePayouts(deps);
    expect(first.pending.map((p) => p.wait)).toEqual([
      { kind: "safe_execution", chunkIndex: 0 },
      { kind: "safe_execution", chunkIndex: 1 },
    ]);
    const intents = await deps.db.payoutIntent.findMany({ where: { proposalId: id }, orderBy: { chunkIndex: "asc" } });
    // Each chunk's file is queued for the payouts channel with the export itself, once.
    expect(await queuedSubjects(deps.db, "safe_batch")).toEqual(intents.map((i) => i.id));
    await settlePayouts(deps);
    expect(await queuedSubjects(deps.db, "safe_batch")).toEqual(intents.map((i) => i.id));
    for (const intent of intents) {
      const batch = intent.safeBatch as { transactions: { to: string; data: string }[] };
      expect(batch.transactions.map((t) => t.to)).toEqual([deployed.token, deployed.distributor]);
      for (const t of batch.transactions) await (await owner.sendTransaction({ to: t.to, data: t.data })).wait();
    }
    const done = await settlePayouts(deps);
    expect(done.settled).toEqual([id]);
    expect(await balances(to)).toEqual(to.map(() => parseUnits("2", 18)));
  }, 60_000);

  it("retries only a failed chunk of a proposal of the moderator's own guild, and audits it", async () => {
    const moderator = { guildId: "100000000000000001", discordId: "900000000000000002", username: "mod" };
    const { retryPayout } = await import("../../src/services/settlement/retryPayout.ts");
    await expect(retryPayout(deps, moderator, 4242)).rejects.toMatchObject({
      code: "proposal_not_found",
      context: { id: 4242 },
    });
    const id = await approvedPayout(deps.db, batchOf(recipients(1, 17)));
    await settlePayouts(deps);
    await expect(retryPayout(deps, moderator, id)).rejects.toMatchObject({
      code: "nothing_to_retry",
      context: { id, status: "settled" },
    });
    // A failed chunk (as a reverted transaction leaves it), in another guild's proposal: not this moderator's.
    const other = await approvedPayout(deps.db, batchOf(recipients(1, 18)), { guildId: "100000000000000002" });
    settlement.blocked = "paused for the test";
    await settlePayouts(deps);
    settlement.blocked = null;
    await deps.db.proposal.update({ where: { id: other }, data: { status: "settling" } });
    await deps.db.payoutIntent.create({
      data: {
        proposalId: other,
        chunkIndex: 0,
        chunkCount: 1,
        batchId: `0x${"77".repeat(32)}`,
        chainId: 31337,
        token: deployed.token,
        distributor: deployed.distributor,
        treasury: settlement.chain.treasury,
        entries: [],
        total: "1",
        status: "failed",
        txHash: `0x${"88".repeat(32)}`,
        failure: { kind: "reverted", txHash: `0x${"88".repeat(32)}`, blockNumber: 12 },
        createdAt: new Date(),
      },
    });
    await expect(retryPayout(deps, moderator, other)).rejects.toMatchObject({ code: "proposal_not_found" });
    const theirs = { ...moderator, guildId: "100000000000000002" };
    expect(await retryPayout(deps, theirs, other)).toEqual({ chunks: 1 });
    const intent = await deps.db.payoutIntent.findFirstOrThrow({ where: { proposalId: other } });
    expect(intent).toMatchObject({ status: "planned", txHash: null, failure: null, nonce: null, attempts: 1 });
    const audit = await deps.db.auditEvent.findFirstOrThrow({ where: { action: "payout.retried" } });
    expect(audit).toMatchObject({ subjectType: "proposal", subjectId: String(other), actorId: theirs.discordId });
    expect(audit.payload).toEqual({
      chunks: [
        {
          chunk: 0,
          previousTx: `0x${"88".repeat(32)}`,
          reason: { kind: "reverted", txHash: `0x${"88".repeat(32)}`, blockNumber: 12 },
        },
      ],
    });
  }, 60_000);

  it("pays nothing for an approved proposal that is not a payout", async () => {
    const id = await approvedPayout(deps.db, batchOf(recipients(1, 19)));
    await deps.db.$executeRawUnsafe(`ALTER TABLE "Proposal" DISABLE TRIGGER "Proposal_lifecycle"`);
    await deps.db.proposal.update({ where: { id }, data: { kind: "general" } });
    await deps.db.$executeRawUnsafe(`ALTER TABLE "Proposal" ENABLE TRIGGER "Proposal_lifecycle"`);
    const report = await settlePayouts(deps);
    expect(report.planned).toEqual([]);
    expect(await deps.db.payoutIntent.count({ where: { proposalId: id } })).toBe(0);
  }, 60_000);

  it("counts toward SETTLEMENT_DAILY_CAP only the last 24 hours' payouts that did not fail", async () => {
    settlement.dailyCap = parseUnits("10", 18);
    const intent = (total: string, status: "failed" | "confirmed", createdAt: Date, n: number) => ({
      proposalId: 0,
      chunkIndex: 0,
      chunkCount: 1,
      batchId: `0x${String(n).repeat(64).slice(0, 64)}`,
      chainId: 31337,
      token: deployed.token,
      distributor: deployed.distributor,
      treasury: settlement.chain.treasury,
      entries: [],
      total,
      status,
      createdAt,
    });
    // 9 tokens paid 25 hours ago and 9 that failed an hour ago: neither counts, so 8 fit under the cap of 10.
    const holder = await approvedPayout(
      deps.db,
      batchOf(recipients(1, 20), () => tokens("1")),
    );
    settlement.blocked = "paused for the test";
    await settlePayouts(deps);
    settlement.blocked = null;
    await deps.db.proposal.update({ where: { id: holder }, data: { status: "settling" } });
    const now = deps.now().getTime();
    await deps.db.payoutIntent.create({
      data: { ...intent(tokens("9"), "confirmed", new Date(now - 25 * 3_600_000), 1), proposalId: holder },
    });
    await deps.db.payoutIntent.create({
      data: { ...intent(tokens("9"), "failed", new Date(now - 3_600_000), 2), proposalId: holder, chunkIndex: 1 },
    });
    // 2 tokens paid two hours ago count: 2 + 8 reaches the cap of 10 exactly, which is allowed.
    await deps.db.payoutIntent.create({
      data: {
        ...intent(tokens("2"), "confirmed", new Date(now - 2 * 3_600_000), 3),
        proposalId: holder,
        chunkIndex: 2,
      },
    });
    const id = await approvedPayout(
      deps.db,
      batchOf(recipients(1, 21), () => tokens("8")),
    );
    const report = await settlePayouts(deps);
    expect(report.waitingForCap).toEqual([]);
    expect(report.planned).toEqual([id]);
    // Now one more token would go over: 2 (two hours ago) + 8 + 1.
    const over = await approvedPayout(
      deps.db,
      batchOf(recipients(1, 22), () => tokens("1")),
    );
    expect((await settlePayouts(deps)).waitingForCap).toEqual([over]);
  }, 60_000);

  it("waits for SETTLEMENT_DAILY_CAP and tells moderators once", async () => {
    settlement.dailyCap = parseUnits("10", 18);
    const first = await approvedPayout(
      deps.db,
      batchOf(recipients(1, 14), () => tokens("8")),
    );
    const second = await approvedPayout(
      deps.db,
      batchOf(recipients(1, 15), () => tokens("5")),
    );
    const report = await settlePayouts(deps);
    expect(report.settled).toEqual([first]);
    expect(report.waitingForCap).toEqual([second]);
    const noticed = (await deps.db.proposal.findUniqueOrThrow({ where: { id: second } })).capNoticeAt;
    expect(noticed).toEqual(deps.now());
    (deps as ServiceDeps & { clock: { now: Date } }).clock.now = new Date(deps.now().getTime() + 60_000);
    await settlePayouts(deps);
    expect((await deps.db.proposal.findUniqueOrThrow({ where: { id: second } })).capNoticeAt).toEqual(noticed);
    expect(await queuedNotes(deps.db)).toEqual([
      {
        channel: "payouts",
        fact: {
          kind: "proposal_waits",
          proposalId: second,
          reason: `the last 24 hours paid ${tokens("8")} and this batch is ${tokens("5")}: together above SETTLEMENT_DAILY_CAP (${tokens("10")}, smallest units)`,
        },
      },
    ]);
    expect((await deps.db.proposal.findUniqueOrThrow({ where: { id: second } })).status).toBe("approved");
  }, 60_000);

  for (const [n, point] of [...CHUNK_STEPS, "before-save-settled", "after-save-settled"].entries()) {
    it(`resumes after a crash at ${point} and still pays every line exactly once`, async () => {
      // Recipients of their own: every test's batch (so its on-chain batch ids) differs on this shared chain.
      const to = recipients(3, 100 + n);
      const batch = batchOf(to, () => tokens("7"));
      const before = await balances(to);
      const id = await approvedPayout(deps.db, batch);
      let crashes = 0;
      // A crash (thrown where the process would die) the second time a chunk's step is passed (mid-batch); the
      // proposal's own steps are passed once.
      const nth = point.endsWith("settled") ? 1 : 2;
      settlement.checkpoint = (p: string) => {
        if (p === point && ++crashes === nth) throw new InjectedCrash(`crash at ${p}`);
      };
      await expect(settlePayouts(deps)).rejects.toThrow(`crash at ${point}`);
      settlement.checkpoint = () => {};
      const report = await settlePayouts(deps);
      expect(report.failed).toEqual([]);
      await settlePayouts(deps);
      const after = await balances(to);
      expect(after.map((b, i) => b - (before[i] as bigint))).toEqual(to.map(() => parseUnits("7", 18)));
      expect((await deps.db.proposal.findUniqueOrThrow({ where: { id } })).status).toBe("settled");
    }, 60_000);
  }
});
