import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAuditChain } from "../../src/chain/createAuditChain.ts";
import type { Deployed } from "../../src/chain/deployContracts.ts";
import type { LocalChain } from "../../src/chain/startAnvil.ts";
import type { Database } from "../../src/db/openDatabase.ts";
import { appendAuditEvent } from "../../src/services/audit/appendAuditEvent.ts";
import { anchorNow, publishAnchors, publishWhenTreasuryIdle } from "../../src/services/audit/publishAnchors.ts";
import { runAudited } from "../../src/services/audit/runAudited.ts";
import { takeAnchor } from "../../src/services/audit/takeAnchor.ts";
import { verifyAudit } from "../../src/services/audit/verifyAudit.ts";
import { withTreasury } from "../../src/services/settlement/withTreasury.ts";
import { approvedPayout, recipients } from "../helpers/approvedPayout.ts";
import { anvilWithContracts, localSettlement } from "../helpers/localSettlement.ts";
import { queuedSubjects } from "../helpers/outbox.ts";
import { serviceDeps, type TestServiceDeps } from "../helpers/serviceDeps.ts";
import { createTestDatabase } from "../helpers/testDatabase.ts";

let chain: LocalChain;
let deployed: Deployed;
let database: Database;
let deps: TestServiceDeps;
let settlement: ReturnType<typeof localSettlement>;

const event = (n: number) => ({
  guildId: "100000000000000001",
  actorId: "tester",
  action: "test.event",
  subjectType: "test",
  subjectId: String(n),
  payload: { n },
  createdAt: new Date(),
});

beforeAll(async () => {
  ({ chain, deployed } = await anvilWithContracts());
  database = await createTestDatabase();
  deps = serviceDeps(database);
  settlement = localSettlement(chain, deployed);
  deps.settlement = settlement;
  for (let n = 1; n <= 3; n++) await runAudited(deps.db, (tx) => appendAuditEvent(tx, event(n)));
}, 60_000);
afterAll(async () => {
  settlement?.chain.destroy();
  settlement?.audit.destroy();
  await database?.close();
  await chain?.stop();
});

const take = (reason: string) =>
  deps.db.$transaction((tx) => takeAnchor(tx, { guildId: null, reason, now: new Date() }));

describe("anchoring the audit chain's head", () => {
  it("takes the head once per event, publishes it from the treasury, and a second run sends nothing", async () => {
    const first = await take("manual");
    expect(await take("again")).toMatchObject({ id: first?.id, reason: "manual" });
    const report = await publishAnchors(deps, settlement);
    expect(report.skipped).toBeNull();
    expect(report.published).toEqual([
      { eventId: first?.eventId.toString(), txHash: expect.any(String), blockNumber: expect.any(Number) },
    ]);
    const onChain = await settlement.audit.anchors(settlement.chain.treasury);
    expect(onChain).toEqual([
      {
        by: settlement.chain.treasury,
        sequence: first?.eventId,
        head: first?.hash,
        txHash: report.published[0]?.txHash,
        blockNumber: report.published[0]?.blockNumber,
      },
    ]);
    expect((await publishAnchors(deps, settlement)).published).toEqual([]);
    expect(await settlement.audit.anchors(settlement.chain.treasury)).toHaveLength(1);
  });

  it("after a crash between sending and recording, finds the anchor on chain instead of sending it again", async () => {
    await runAudited(deps.db, (tx) => appendAuditEvent(tx, event(4)));
    const anchor = await take("crash");
    // The process sent the transaction, then died before writing its hash down.
    const sent = await settlement.audit.publish(anchor?.eventId ?? 0n, anchor?.hash ?? "");
    const report = await publishAnchors(deps, settlement);
    expect(report.published).toEqual([{ eventId: anchor?.eventId.toString(), ...sent }]);
    expect(await settlement.audit.anchors(settlement.chain.treasury)).toHaveLength(2);
  });

  it("waits while a signed payout holds the treasury's next nonce, and says why when there is no chain", async () => {
    const proposalId = await approvedPayout(deps.db, [
      { recipient: recipients(1)[0] as string, amount: "5", refs: ["contribution:1"] },
    ]);
    await deps.db.payoutIntent.create({
      data: {
        proposalId,
        chunkIndex: 0,
        chunkCount: 1,
        batchId: `0x${"ab".repeat(32)}`,
        chainId: 31337,
        token: deployed.token,
        distributor: deployed.distributor,
        treasury: settlement.chain.treasury,
        entries: [],
        total: "5",
        status: "signed",
        nonce: 99,
        createdAt: new Date(),
      },
    });
    await runAudited(deps.db, (tx) => appendAuditEvent(tx, event(5)));
    await take("waiting");
    expect(await anchorNow(deps)).toEqual({
      published: [],
      skipped: { kind: "payout_waiting" },
    });
    expect(await deps.db.auditAnchor.count({ where: { txHash: null } })).toBe(1);
    expect(await anchorNow({ ...deps, settlement: undefined })).toEqual({
      published: [],
      skipped: { kind: "no_chain" },
    });
    await deps.db.payoutIntent.updateMany({ where: { proposalId }, data: { status: "failed", failureReason: "test" } });
    const published = await anchorNow(deps);
    expect("published" in published && published.published).toHaveLength(1);
  });

  it("verification reads every anchor and names one the chain does not hold", async () => {
    expect((await verifyAudit(deps)).mismatches).toEqual([]);
    const recorded = await deps.db.auditAnchor.findFirstOrThrow({ where: { reason: "manual" } });
    await deps.db.auditAnchor.update({ where: { id: recorded.id }, data: { txHash: `0x${"cd".repeat(32)}` } });
    const report = await verifyAudit(deps);
    expect(report.mismatches).toEqual([
      {
        kind: "anchor_not_on_chain",
        eventId: String(recorded.eventId),
        txHash: `0x${"cd".repeat(32)}`,
        publisher: settlement.chain.treasury,
      },
    ]);
    expect(report.anchors).toEqual({ recorded: 3, onChain: 3, lastBlock: expect.any(Number) });
  });

  it("names recorded and published anchors the audit log does not hold", async () => {
    const head = await deps.db.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } });
    const recorded = await deps.db.auditAnchor.findFirstOrThrow({ where: { reason: "crash" } });
    await deps.db.auditAnchor.update({ where: { id: recorded.id }, data: { hash: "ee".repeat(32) } });
    await deps.db.auditAnchor.create({
      data: { eventId: head.id + 1000n, hash: "ff".repeat(32), reason: "ghost", createdAt: new Date() },
    });
    const wrong = await settlement.audit.publish(head.id, "dd".repeat(32));
    const missing = await settlement.audit.publish(head.id + 1000n, "cc".repeat(32));
    const found = (await verifyAudit(deps)).mismatches;
    expect(found).toContainEqual({
      kind: "anchor_hash",
      eventId: String(recorded.eventId),
      reason: "crash",
      recorded: "ee".repeat(32),
      found: recorded.hash,
    });
    expect(found).toContainEqual({ kind: "anchor_event_missing", eventId: String(head.id + 1000n), reason: "ghost" });
    expect(found).toContainEqual({
      kind: "onchain_anchor_rewritten",
      blockNumber: wrong.blockNumber,
      txHash: wrong.txHash,
      eventId: String(head.id),
      anchored: "dd".repeat(32),
      found: head.hash,
    });
    expect(found).toContainEqual({
      kind: "onchain_anchor_rewritten",
      blockNumber: missing.blockNumber,
      txHash: missing.txHash,
      eventId: String(head.id + 1000n),
      anchored: "cc".repeat(32),
      found: null,
    });
  });
});

describe("when anchors cannot go on chain", () => {
  const fresh = async () => {
    const db = await createTestDatabase();
    const d = serviceDeps(db);
    for (let n = 1; n <= 2; n++) await runAudited(d.db, (tx) => appendAuditEvent(tx, event(n)));
    return { db, deps: d };
  };

  it("records nothing for an empty audit log, and the epoch a close's anchor belongs to", async () => {
    const empty = await createTestDatabase();
    try {
      expect(
        await empty.prisma.$transaction((tx) => takeAnchor(tx, { guildId: null, reason: "x", now: new Date() })),
      ).toBeNull();
    } finally {
      await empty.close();
    }
    const { db, deps: d } = await fresh();
    try {
      const epoch = await d.db.epoch.create({
        data: { guildId: "g", number: 1, startsAt: new Date(), budget: "1" },
      });
      const a = await d.db.$transaction((tx) =>
        takeAnchor(tx, { guildId: "g", reason: "epoch 1 closed", epochId: epoch.id, now: new Date() }),
      );
      expect(a).toMatchObject({ guildId: "g", epochId: epoch.id, reason: "epoch 1 closed", txHash: null });
    } finally {
      await db.close();
    }
  });

  it("says why: no contract, no key, safe-export, blocked, a held treasury, a failing node", async () => {
    const { db, deps: d } = await fresh();
    try {
      await d.db.$transaction((tx) => takeAnchor(tx, { guildId: null, reason: "a", now: new Date() }));
      const noContract = {
        ...settlement,
        audit: createAuditChain({ rpcUrl: chain.rpcUrl, chainId: 31337, anchorContract: null, key: chain.deployerKey }),
      };
      expect(await publishAnchors(d, noContract)).toEqual({
        published: [],
        skipped: { kind: "no_anchor_contract" },
      });
      const noKey = {
        ...settlement,
        audit: createAuditChain({ rpcUrl: chain.rpcUrl, chainId: 31337, anchorContract: deployed.anchor }),
      };
      expect(await publishAnchors(d, noKey)).toEqual({
        published: [],
        skipped: { kind: "safe_treasury" },
      });
      expect(await publishWhenTreasuryIdle(d, { ...settlement, mode: "safe-export" })).toBeUndefined();
      expect(await publishWhenTreasuryIdle(d, { ...settlement, blocked: "the chain lost its state" })).toBeUndefined();
      expect(await anchorNow({ ...d, settlement: { ...settlement, blocked: "the chain lost its state" } })).toEqual({
        published: [],
        skipped: { kind: "blocked", reason: "the chain lost its state" },
      });
      const failing = {
        ...settlement,
        audit: {
          ...settlement.audit,
          anchors: async () => [],
          publish: async () => {
            throw new Error("insufficient funds for gas\n    at provider");
          },
        },
      };
      expect(await publishWhenTreasuryIdle(d, failing)).toEqual({ error: "insufficient funds for gas" });
      d.settlement = settlement;
      const held = await withTreasury(d, settlement, () => anchorNow(d));
      expect(held).toEqual({ published: [], skipped: { kind: "settle_running" } });
      expect(await d.db.auditAnchor.count({ where: { txHash: null } })).toBe(1);
    } finally {
      await db.close();
    }
  });

  it("publishes several pending anchors oldest first, and brings the distribution's post up to date", async () => {
    const { db, deps: d } = await fresh();
    try {
      const epoch = await d.db.epoch.create({ data: { guildId: "g", number: 1, startsAt: new Date(), budget: "1" } });
      const proposalId = await approvedPayout(d.db, [
        { recipient: recipients(1, 5)[0] as string, amount: "1", refs: [] },
      ]);
      await d.db.proposal.update({ where: { id: proposalId }, data: { epochId: epoch.id, messageId: "1" } });
      await d.db.$transaction((tx) =>
        takeAnchor(tx, { guildId: "g", reason: "epoch 1 closed", epochId: epoch.id, now: new Date() }),
      );
      await runAudited(d.db, (tx) => appendAuditEvent(tx, event(3)));
      await d.db.$transaction((tx) => takeAnchor(tx, { guildId: null, reason: "later", now: new Date() }));
      const report = await publishAnchors(d, settlement);
      expect(report.published.map((p) => p.eventId)).toEqual(["2", "3"]);
      expect(report.published[0]?.blockNumber).toBeLessThan(report.published[1]?.blockNumber ?? 0);
      // The distribution's post is queued to show the anchor's block.
      expect(await queuedSubjects(d.db, "proposal")).toEqual([proposalId]);
    } finally {
      await db.close();
    }
  });
});
