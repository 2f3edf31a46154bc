import { parseUnits } from "ethers";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createSettlementChain } from "../../src/chain/createSettlementChain.ts";
import { type Deployed, deployContracts } from "../../src/chain/deployContracts.ts";
import { type LocalChain, startAnvil } from "../../src/chain/startAnvil.ts";
import type { Database } from "../../src/db/openDatabase.ts";
import type { ServiceDeps } from "../../src/services/deps.ts";
import type { BatchEntry } from "../../src/services/epochs/batchHash.ts";
import type { SettlementDeps } from "../../src/services/settlement/settlementDeps.ts";
import { settlePayouts } from "../../src/services/settlement/settlePayouts.ts";
import { approvedPayout, recipients } from "../helpers/approvedPayout.ts";
import { serviceDeps } from "../helpers/serviceDeps.ts";
import { createTestDatabase } from "../helpers/testDatabase.ts";

let chain: LocalChain;
let deployed: Deployed;
let database: Database;
let deps: ServiceDeps;
let settlement: SettlementDeps & { chain: ReturnType<typeof createSettlementChain> };

beforeAll(async () => {
  chain = await startAnvil();
  deployed = await deployContracts({
    rpcUrl: chain.rpcUrl,
    key: chain.deployerKey,
    tokenSymbol: "STEW",
    tokenDecimals: 18,
  });
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
  settlement = {
    chain: createSettlementChain({
      rpcUrl: chain.rpcUrl,
      chainId: 31337,
      token: deployed.token,
      distributor: deployed.distributor,
      treasuryKey: chain.deployerKey,
      pollingMs: 50,
    }),
    chunkSize: 2,
    confirmations: 1,
    receiptWaitMs: 10_000,
    durableAfterMs: 0,
    checkpoint: () => {},
    blocked: null,
  };
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
  }, 60_000);

  for (const [n, point] of [
    "before-save-signed",
    "after-save-signed",
    "after-broadcast",
    "after-save-broadcast",
    "before-save-mined",
    "after-save-mined",
    "before-save-confirmed",
    "after-save-confirmed",
    "before-save-settled",
    "after-save-settled",
  ].entries()) {
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
        if (p === point && ++crashes === nth) throw new Error(`crash at ${p}`);
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
