import { Contract, JsonRpcProvider, parseUnits, Wallet } from "ethers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Deployed } from "../../src/chain/deployContracts.ts";
import { loadArtifact } from "../../src/chain/loadArtifact.ts";
import type { LocalChain } from "../../src/chain/startAnvil.ts";
import type { Database } from "../../src/db/openDatabase.ts";
import { appendAuditEvent } from "../../src/services/audit/appendAuditEvent.ts";
import { runAudited } from "../../src/services/audit/runAudited.ts";
import { verifyAudit } from "../../src/services/audit/verifyAudit.ts";
import { type BatchEntry, batchHash } from "../../src/services/epochs/batchHash.ts";
import { linesHashOf } from "../../src/services/settlement/linesHash.ts";
import { settlePayouts } from "../../src/services/settlement/settlePayouts.ts";
import { approvedPayout, recipients } from "../helpers/approvedPayout.ts";
import { anvilWithContracts, localSettlement } from "../helpers/localSettlement.ts";
import { serviceDeps, type TestServiceDeps } from "../helpers/serviceDeps.ts";
import { createTestDatabase } from "../helpers/testDatabase.ts";

let chain: LocalChain;
let deployed: Deployed;
let database: Database;
let deps: TestServiceDeps;
let settlement: ReturnType<typeof localSettlement>;
let proposalId = 0;
let otherId = 0;
const tokens = (n: string) => parseUnits(n, 18).toString();
const batch: BatchEntry[] = recipients(3, 77).map((recipient, i) => ({
  recipient,
  amount: tokens(String(i + 1)),
  refs: [`contribution:${i + 1}`],
}));
/** The batch as stored: in its canonical order, which the chunks follow. */
let stored: BatchEntry[] = [];
const amountOf = (line: BatchEntry | undefined) => `${BigInt(line?.amount ?? 0) / 10n ** 18n} STEW`;

/** Changes rows the database's own triggers protect, as its administrator could, then puts them back. */
async function tampered(change: () => Promise<unknown>, check: () => Promise<void>) {
  const toggle = (on: boolean) =>
    Promise.all(
      ["Proposal", "PayoutIntent", "AuditEvent"].map((t) =>
        deps.db.$executeRawUnsafe(`ALTER TABLE "${t}" ${on ? "ENABLE" : "DISABLE"} TRIGGER USER`),
      ),
    );
  const proposal = await deps.db.proposal.findUniqueOrThrow({ where: { id: proposalId } });
  const intents = await deps.db.payoutIntent.findMany({ where: { proposalId } });
  const events = await deps.db.auditEvent.findMany();
  await toggle(false);
  try {
    await change();
    await check();
  } finally {
    await deps.db.proposal.update({
      where: { id: proposalId },
      data: { batch: proposal.batch as never, batchHash: proposal.batchHash },
    });
    for (const i of intents) {
      await deps.db.payoutIntent.update({
        where: { id: i.id },
        data: { entries: i.entries as never, txHash: i.txHash, total: i.total, batchId: i.batchId, status: i.status },
      });
    }
    for (const e of events) {
      await deps.db.auditEvent.update({ where: { id: e.id }, data: { payload: e.payload as never, action: e.action } });
    }
    await toggle(true);
  }
}

beforeAll(async () => {
  ({ chain, deployed } = await anvilWithContracts());
  database = await createTestDatabase();
  deps = serviceDeps(database);
  settlement = localSettlement(chain, deployed, { chunkSize: 2 });
  deps.settlement = settlement;
  proposalId = await approvedPayout(deps.db, batch);
  stored = (await deps.db.proposal.findUniqueOrThrow({ where: { id: proposalId } })).batch as unknown as BatchEntry[];
  // A second paid proposal: each one's checks must read its own records.
  const other: BatchEntry[] = [
    { recipient: recipients(1, 78)[0] as string, amount: tokens("7"), refs: ["contribution:9"] },
  ];
  otherId = await approvedPayout(deps.db, other);
  for (const [id, b] of [
    [proposalId, batch],
    [otherId, other],
  ] as const) {
    await runAudited(deps.db, (tx) =>
      appendAuditEvent(tx, {
        guildId: "100000000000000001",
        actorId: "900000000000000001",
        action: "proposal.opened",
        subjectType: "proposal",
        subjectId: String(id),
        payload: { batchHash: batchHash(b) },
        createdAt: new Date(),
      }),
    );
  }
  const report = await settlePayouts(deps);
  expect(report.settled).toEqual([proposalId, otherId]);
}, 60_000);
afterAll(async () => {
  settlement?.chain.destroy();
  settlement?.audit.destroy();
  await database?.close();
  await chain?.stop();
});

const mismatches = async () => (await verifyAudit(deps)).mismatches;
const intent = (chunkIndex: number) => deps.db.payoutIntent.findFirstOrThrow({ where: { proposalId, chunkIndex } });

describe("verifying paid batches against the vote, the audit log and the chain", () => {
  it("passes an untouched payout and says what it checked", async () => {
    const report = await verifyAudit(deps);
    expect(report).toMatchObject({
      ok: true,
      mismatches: [],
      settled: { proposals: 2, chunks: 3, transfers: 4 },
      anchors: { recorded: 0, onChain: 0, lastBlock: null },
      head: { id: expect.any(String), hash: expect.stringMatching(/^[0-9a-f]{64}$/) },
    });
    expect(report.checked).toEqual([
      expect.stringMatching(/^audit log: \d+ events, every hash and link recomputed; head #\d+ [0-9a-f]{16}…$/),
      "anchors recorded by Steward: 0, each compared with the audit log",
      `on-chain anchors: 0 from ${settlement.chain.treasury} on chain 31337 (contract ${deployed.anchor}), each compared with the audit log`,
      "paid proposals: 2 (3 chunks, 4 token transfers read from the chain's receipts), each batch against the voted hash and the audit log",
    ]);
  });

  it("names a line the chain paid to someone else", async () => {
    const first = await intent(0);
    const tx = first.txHash;
    const forged = stored.map((l, i) =>
      i === 1 ? { ...l, recipient: "0x000000000000000000000000000000000000dEaD" } : l,
    );
    await tampered(
      async () => {
        await deps.db.proposal.update({ where: { id: proposalId }, data: { batch: forged as never } });
        await deps.db.payoutIntent.update({
          where: { id: first.id },
          data: { entries: forged.slice(0, 2).map(({ recipient, amount }) => ({ recipient, amount })) },
        });
      },
      async () => {
        expect(await mismatches()).toEqual([
          `proposal #${proposalId}: its batch hashes to ${batchHash(forged)}, but its recorded batch hash is ${batchHash(batch)}`,
          `proposal #${proposalId} chunk 1 of 2 (tx ${tx}): the Settled event committed to other lines (hash ${linesHashOf(stored.slice(0, 2))}) than the chunk lists`,
          `proposal #${proposalId} chunk 1 of 2 (tx ${tx}), line 2: the batch pays 0x000000000000000000000000000000000000dEaD ${amountOf(stored[1])}, but the chain's Transfer went to ${stored[1]?.recipient}, ${amountOf(stored[1])}`,
        ]);
      },
    );
    expect(await mismatches()).toEqual([]);
  });

  it("names a stored chunk whose lines are not what Steward writes, and still checks the other payouts", async () => {
    const second = await intent(1);
    await tampered(
      () =>
        deps.db.payoutIntent.update({
          where: { id: second.id },
          data: { entries: [{ recipient: stored[2]?.recipient as string, amount: 1 }] },
        }),
      async () => {
        const report = await verifyAudit(deps);
        expect(report.mismatches).toEqual([
          `proposal #${proposalId}: PayoutIntent ${second.id}, column entries: not what Steward writes (0.amount: Invalid input: expected string, received number)`,
        ]);
        expect(report.settled).toMatchObject({ proposals: 2, chunks: 1 });
      },
    );
    expect(await mismatches()).toEqual([]);
  });

  it("names a chunk whose lines are not the voted batch's, and a vote that bound another hash", async () => {
    const other = `sha256:${"ab".repeat(32)}`;
    await tampered(
      async () => {
        const second = await intent(1);
        await deps.db.payoutIntent.update({
          where: { id: second.id },
          data: { entries: [{ recipient: stored[2]?.recipient as string, amount: "1" }] },
        });
        const opened = await deps.db.auditEvent.findFirstOrThrow({
          where: { action: "proposal.opened", subjectId: String(proposalId) },
        });
        await deps.db.auditEvent.update({ where: { id: opened.id }, data: { payload: { batchHash: other } } });
      },
      async () => {
        const found = await mismatches();
        expect(found).toContain(
          `proposal #${proposalId}: the vote bound batch hash ${other}, but the proposal's batch hash is ${batchHash(batch)}`,
        );
        expect(found).toContain(
          `proposal #${proposalId}: its payout chunks do not list the voted batch's lines (first difference at line 3)`,
        );
        expect(found).toContain(
          `proposal #${proposalId} chunk 2 of 2 (tx ${(await intent(1)).txHash}), line 1: the batch pays ${stored[2]?.recipient} 0.000000000000000001 STEW, but the chain's Transfer went to ${stored[2]?.recipient}, ${amountOf(stored[2])}`,
        );
        expect(found[0]).toMatch(
          /^audit event #\d+ \(proposal\.opened of proposal \d+\) was changed after it was written/,
        );
        const opened = await deps.db.auditEvent.findFirstOrThrow({
          where: { action: "proposal.opened", subjectId: String(proposalId) },
        });
        expect((await verifyAudit(deps)).checked[0]).toBe(`audit log: recomputed up to event #${opened.id}`);
      },
    );
  });

  it("names a transaction that paid something else, one the chain never saw, and totals that differ", async () => {
    const [first, second] = [await intent(0), await intent(1)];
    await tampered(
      async () => {
        // Chunk 1 claims chunk 2's transaction; chunk 2 a transaction that does not exist.
        await deps.db.payoutIntent.update({ where: { id: first.id }, data: { txHash: `0x${"12".repeat(32)}` } });
        await deps.db.payoutIntent.update({ where: { id: second.id }, data: { total: tokens("4") } });
      },
      async () => {
        const found = await mismatches();
        expect(found).toContain(
          `proposal #${proposalId} chunk 1 of 2 (tx 0x${"12".repeat(32)}): the audit log recorded this chunk as paid by ${first.txHash}`,
        );
        expect(found).toContain(
          `proposal #${proposalId} chunk 1 of 2 (tx 0x${"12".repeat(32)}): the chain has no such transaction`,
        );
        expect(found).toContain(
          `proposal #${proposalId} chunk 2 of 2 (tx ${second.txHash}): the Settled event says 1 payouts, ${amountOf(stored[2])}, but the chunk has 1 payouts, 4 STEW`,
        );
      },
    );
    // A real transaction of the treasury that paid nothing (an audit anchor), claimed as chunk 1's payment.
    const head = await deps.db.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } });
    const unrelated = await settlement.audit.publish(head.id, head.hash);
    await tampered(
      () => deps.db.payoutIntent.update({ where: { id: first.id }, data: { txHash: unrelated.txHash } }),
      async () => {
        const found = await mismatches();
        expect(found).toContain(
          `proposal #${proposalId} chunk 1 of 2 (tx ${unrelated.txHash}): the distributor emitted no Settled event for batch id ${first.batchId}`,
        );
        for (const [n, line] of stored.slice(0, 2).entries()) {
          expect(found).toContain(
            `proposal #${proposalId} chunk 1 of 2 (tx ${unrelated.txHash}), line ${n + 1}: the batch pays ${line.recipient} ${amountOf(line)}, but the chain's Transfer is missing`,
          );
        }
      },
    );
    expect(await mismatches()).toEqual([]);
  });

  it("names records the audit log lacks, chunks that list other lines, and leaves unpaid chunks aside", async () => {
    const [first, second] = [await intent(0), await intent(1)];
    await tampered(
      async () => {
        // The audit log's records of the vote and of the payment, gone (renamed: rows cannot be deleted).
        await deps.db.auditEvent.updateMany({
          where: { subjectType: "proposal", subjectId: String(proposalId) },
          data: { action: "renamed" },
        });
        // Chunk 1 lists one line fewer, and another first line.
        await deps.db.payoutIntent.update({
          where: { id: first.id },
          data: { entries: [{ recipient: stored[1]?.recipient as string, amount: stored[0]?.amount as string }] },
        });
        await deps.db.payoutIntent.update({ where: { id: second.id }, data: { status: "failed" } });
      },
      async () => {
        const report = await verifyAudit(deps);
        expect(report.settled.chunks).toBe(2);
        expect(report.mismatches).toContain(`proposal #${proposalId}: the audit log has no record of its vote opening`);
        expect(report.mismatches).toContain(
          `proposal #${proposalId}: its payout chunks do not list the voted batch's lines (first difference at line 1)`,
        );
        expect(report.mismatches).toContain(
          `proposal #${proposalId} chunk 1 of 2 (tx ${first.txHash}): the Settled event says 2 payouts, ${amountOf({ amount: String(BigInt(stored[0]?.amount ?? 0) + BigInt(stored[1]?.amount ?? 0)) } as BatchEntry)}, but the chunk has 1 payouts, ${amountOf({ amount: String(BigInt(stored[0]?.amount ?? 0) + BigInt(stored[1]?.amount ?? 0)) } as BatchEntry)}`,
        );
        expect(report.mismatches.filter((m) => m.includes(`#${otherId}`))).toEqual([]);
        expect(report.mismatches.some((m) => m.includes("recorded this chunk as paid"))).toBe(false);
      },
    );
  });

  it("names a payment transaction that reverted", async () => {
    const first = await intent(0);
    // The same settle call again: the distributor refuses it (AlreadySettled), mined as a failed transaction.
    const wallet = new Wallet(chain.deployerKey, new JsonRpcProvider(chain.rpcUrl, 31337, { staticNetwork: true }));
    const distributor = new Contract(deployed.distributor, loadArtifact("StewardDistributor").abi as never, wallet);
    const data = distributor.interface.encodeFunctionData("settle", [first.batchId, deployed.token, [1n], 1n]);
    const sent = await wallet.sendTransaction({ to: deployed.distributor, data, gasLimit: 100_000 });
    const reverted = await sent.wait().catch(() => null);
    expect(reverted).toBeNull();
    await tampered(
      () => deps.db.payoutIntent.update({ where: { id: first.id }, data: { txHash: sent.hash } }),
      async () => {
        expect(await mismatches()).toContain(
          `proposal #${proposalId} chunk 1 of 2 (tx ${sent.hash}): the transaction reverted on chain`,
        );
      },
    );
    wallet.provider?.destroy();
  });

  it("without a chain, checks the records alone and says receipts were not read", async () => {
    const report = await verifyAudit({ ...deps, settlement: undefined });
    expect(report.mismatches).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.checked.slice(2)).toEqual([
      "on-chain anchors: none to read (no chain or no AuditAnchor contract): compare the heads in #governance's distribution posts by hand",
      "paid proposals: 2 (3 chunks; no chain configured, so receipts were not read), each batch against the voted hash and the audit log",
    ]);
    expect(report.anchors).toEqual({ recorded: 0, onChain: 0, lastBlock: null });
  });
});
