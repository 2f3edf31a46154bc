import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Deployed, deployContracts } from "../../src/chain/deployContracts.ts";
import { type LocalChain, startAnvil } from "../../src/chain/startAnvil.ts";
import type { Database } from "../../src/db/openDatabase.ts";
import { appendAuditEvent } from "../../src/services/audit/appendAuditEvent.ts";
import { anchorNow, publishAnchors } from "../../src/services/audit/publishAnchors.ts";
import { runAudited } from "../../src/services/audit/runAudited.ts";
import { takeAnchor } from "../../src/services/audit/takeAnchor.ts";
import { verifyAudit } from "../../src/services/audit/verifyAudit.ts";
import type { ServiceDeps } from "../../src/services/deps.ts";
import { approvedPayout, recipients } from "../helpers/approvedPayout.ts";
import { localSettlement } from "../helpers/localSettlement.ts";
import { serviceDeps } from "../helpers/serviceDeps.ts";
import { createTestDatabase } from "../helpers/testDatabase.ts";

let chain: LocalChain;
let deployed: Deployed;
let database: Database;
let deps: ServiceDeps;
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
  chain = await startAnvil();
  deployed = await deployContracts({
    rpcUrl: chain.rpcUrl,
    key: chain.deployerKey,
    tokenSymbol: "STEW",
    tokenDecimals: 18,
  });
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
      skipped: "a payout waits for its transaction: the next settle run anchors",
    });
    expect(await deps.db.auditAnchor.count({ where: { txHash: null } })).toBe(1);
    expect(await anchorNow({ ...deps, settlement: undefined })).toEqual({
      published: [],
      skipped: "no chain is configured: the head is kept in #governance only",
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
      `Steward recorded event #${recorded.eventId} as anchored in tx 0x${"cd".repeat(32)}, but the AuditAnchor contract has no such anchor from ${settlement.chain.treasury}`,
    ]);
    expect(report.anchors).toEqual({ recorded: 3, onChain: 3, lastBlock: expect.any(Number) });
  });
});
