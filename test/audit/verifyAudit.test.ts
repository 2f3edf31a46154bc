import { Contract, JsonRpcProvider, parseUnits, Wallet } from "ethers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AuditMismatch } from "../../src/base/auditFindings.ts";
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
    const head = await deps.db.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(report.checked).toEqual([
      { kind: "chain", events: await deps.db.auditEvent.count(), head: { id: String(head.id), hash: head.hash } },
      { kind: "anchors", recorded: 0 },
      {
        kind: "anchors_onchain",
        published: 0,
        publisher: settlement.chain.treasury,
        chainId: 31337,
        contract: deployed.anchor,
      },
      { kind: "settlements", proposals: 2, chunks: 3, transfers: 4 },
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
        const chunk = { proposalId, index: 0, count: 2, txHash: tx };
        expect(await mismatches()).toEqual([
          { kind: "batch_hash", proposalId, computed: batchHash(forged), recorded: batchHash(batch) },
          { kind: "chunk_lines_hash", chunk, linesHash: linesHashOf(stored.slice(0, 2)) },
          {
            kind: "line_transfer",
            chunk,
            line: 2,
            pays: { recipient: "0x000000000000000000000000000000000000dEaD", amount: stored[1]?.amount },
            transfer: { to: stored[1]?.recipient, amount: stored[1]?.amount },
          },
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
          {
            kind: "record_unreadable",
            proposalId,
            table: "PayoutIntent",
            column: "entries",
            id: second.id,
            problems: ["0.amount: Invalid input: expected string, received number"],
          },
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
        expect(found).toContainEqual({ kind: "vote_hash", proposalId, voted: other, recorded: batchHash(batch) });
        expect(found).toContainEqual({ kind: "chunk_lines", proposalId, line: 3 });
        expect(found).toContainEqual({
          kind: "line_transfer",
          chunk: { proposalId, index: 1, count: 2, txHash: (await intent(1)).txHash },
          line: 1,
          pays: { recipient: stored[2]?.recipient, amount: "1" },
          transfer: { to: stored[2]?.recipient, amount: stored[2]?.amount },
        });
        const opened = await deps.db.auditEvent.findFirstOrThrow({
          where: { action: "proposal.opened", subjectId: String(proposalId) },
        });
        expect(found[0]).toEqual({
          kind: "event_changed",
          eventId: String(opened.id),
          action: "proposal.opened",
          subjectType: "proposal",
          subjectId: String(proposalId),
          computed: expect.stringMatching(/^[0-9a-f]{64}$/),
          stored: opened.hash,
        });
        expect((await verifyAudit(deps)).checked[0]).toEqual({ kind: "chain_broken", upTo: String(opened.id) });
      },
    );
  });

  it("names a chunk whose first line differs from the batch's though it has as many lines", async () => {
    const first = await intent(0);
    await tampered(
      async () => {
        const lines = first.entries as { recipient: string; amount: string }[];
        const changed = lines.map((l, n) => (n === 0 ? { ...l, amount: "1" } : l));
        await deps.db.payoutIntent.update({ where: { id: first.id }, data: { entries: changed as never } });
      },
      async () => expect(await mismatches()).toContainEqual({ kind: "chunk_lines", proposalId, line: 1 }),
    );
    expect(await mismatches()).toEqual([]);
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
        const claimed = { proposalId, index: 0, count: 2, txHash: `0x${"12".repeat(32)}` };
        expect(found).toContainEqual({ kind: "chunk_tx_recorded", chunk: claimed, recordedTx: first.txHash });
        expect(found).toContainEqual({ kind: "chunk_tx_missing", chunk: claimed });
        expect(found).toContainEqual({
          kind: "chunk_settled_totals",
          chunk: { proposalId, index: 1, count: 2, txHash: second.txHash },
          settled: { count: "1", total: stored[2]?.amount },
          recorded: { count: 1, total: tokens("4") },
        });
      },
    );
    // A real transaction of the treasury that paid nothing (an audit anchor), claimed as chunk 1's payment.
    const head = await deps.db.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } });
    const unrelated = await settlement.audit.publish(head.id, head.hash);
    await tampered(
      () => deps.db.payoutIntent.update({ where: { id: first.id }, data: { txHash: unrelated.txHash } }),
      async () => {
        const found = await mismatches();
        const chunk = { proposalId, index: 0, count: 2, txHash: unrelated.txHash };
        expect(found).toContainEqual({ kind: "chunk_no_settled_event", chunk, batchId: first.batchId });
        for (const [n, line] of stored.slice(0, 2).entries()) {
          expect(found).toContainEqual({
            kind: "line_transfer",
            chunk,
            line: n + 1,
            pays: { recipient: line.recipient, amount: line.amount },
            transfer: null,
          });
        }
      },
    );
    // A chunk recorded under another batch id than its proposal, chain and distributor give it.
    const otherId = `0x${"34".repeat(32)}`;
    await tampered(
      () => deps.db.payoutIntent.update({ where: { id: second.id }, data: { batchId: otherId } }),
      async () => {
        const found = await mismatches();
        const chunk = { proposalId, index: 1, count: 2, txHash: second.txHash };
        expect(found).toContainEqual({ kind: "chunk_batch_id", chunk, batchId: otherId });
        expect(found).toContainEqual({ kind: "chunk_no_settled_event", chunk, batchId: otherId });
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
        expect(report.mismatches).toContainEqual({ kind: "vote_missing", proposalId });
        expect(report.mismatches).toContainEqual({ kind: "chunk_lines", proposalId, line: 1 });
        const both = String(BigInt(stored[0]?.amount ?? 0) + BigInt(stored[1]?.amount ?? 0));
        expect(report.mismatches).toContainEqual({
          kind: "chunk_settled_totals",
          chunk: { proposalId, index: 0, count: 2, txHash: first.txHash },
          settled: { count: "2", total: both },
          recorded: { count: 1, total: both },
        });
        const about = (m: AuditMismatch) => ("chunk" in m ? m.chunk.proposalId : "proposalId" in m ? m.proposalId : 0);
        expect(report.mismatches.filter((m) => about(m) === otherId)).toEqual([]);
        expect(report.mismatches.some((m) => m.kind === "chunk_tx_recorded")).toBe(false);
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
        expect(await mismatches()).toContainEqual({
          kind: "chunk_reverted",
          chunk: { proposalId, index: 0, count: 2, txHash: sent.hash },
        });
      },
    );
    wallet.provider?.destroy();
  });

  it("without a chain, checks the records alone and says receipts were not read", async () => {
    const report = await verifyAudit({ ...deps, settlement: undefined });
    expect(report.mismatches).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.checked.slice(2)).toEqual([
      { kind: "anchors_onchain_none" },
      { kind: "settlements", proposals: 2, chunks: 3, transfers: null },
    ]);
    expect(report.anchors).toEqual({ recorded: 0, onChain: 0, lastBlock: null });
  });
});
