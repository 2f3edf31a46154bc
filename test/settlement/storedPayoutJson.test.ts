import { parseUnits } from "ethers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { createSettlementChain } from "../../src/chain/createSettlementChain.ts";
import type { Deployed } from "../../src/chain/deployContracts.ts";
import type { LocalChain } from "../../src/chain/startAnvil.ts";
import { readPayoutBatch } from "../../src/db/json/payoutBatch.ts";
import { readPayoutEntries } from "../../src/db/json/payoutEntries.ts";
import { readSentTxs } from "../../src/db/json/sentTxs.ts";
import type { Database } from "../../src/db/openDatabase.ts";
import { type BatchEntry, batchHash, canonicalEntries } from "../../src/services/epochs/batchHash.ts";
import type { SettlementDeps } from "../../src/services/settlement/settlementDeps.ts";
import { settlePayouts } from "../../src/services/settlement/settlePayouts.ts";
import { approvedPayout, recipients } from "../helpers/approvedPayout.ts";
import { anvilWithContracts, localSettlement } from "../helpers/localSettlement.ts";
import { serviceDeps, type TestServiceDeps } from "../helpers/serviceDeps.ts";
import { createTestDatabase } from "../helpers/testDatabase.ts";

let chain: LocalChain;
let deployed: Deployed;
let database: Database;
let deps: TestServiceDeps;
let settlement: SettlementDeps & { chain: ReturnType<typeof createSettlementChain> };

beforeAll(async () => {
  ({ chain, deployed } = await anvilWithContracts());
  database = await createTestDatabase();
  deps = serviceDeps(database);
  settlement = localSettlement(chain, deployed, { chunkSize: 2 });
  deps.settlement = settlement;
}, 60_000);
afterAll(async () => {
  settlement?.chain.destroy();
  await database?.close();
  await chain?.stop();
});

const tokens = (n: string) => parseUnits(n, 18).toString();

/** A payout proposal approved with this batch exactly as given (no canonical encoding on the way in). */
async function approvedAsStored(batch: unknown, voted: BatchEntry[]): Promise<number> {
  const p = await deps.db.proposal.create({
    data: {
      guildId: "100000000000000001",
      kind: "funding",
      authorDiscordId: "900000000000000001",
      title: "Pay a hand-edited batch",
      summary: "-",
      motivation: "-",
      specification: "-",
      risks: "-",
      successMetrics: "-",
      batch: batch as never,
      batchHash: batchHash(voted),
    },
  });
  for (const status of ["open", "passed", "awaiting_approval", "approved"] as const) {
    await deps.db.proposal.update({ where: { id: p.id }, data: { status } });
  }
  return p.id;
}

describe("the JSON columns settlement writes", () => {
  it("read back through their schemas as written: the batch, each chunk's lines, the signed transactions", async () => {
    const batch = recipients(3, 31).map((recipient, i) => ({
      recipient,
      amount: tokens(String(i + 1)),
      refs: [`contribution:${i + 1}`],
    }));
    const id = await approvedPayout(deps.db, batch);
    const report = await settlePayouts(deps);
    expect(report.settled).toContain(id);

    const proposal = await deps.db.proposal.findUniqueOrThrow({ where: { id } });
    expect(readPayoutBatch(proposal)).toEqual(canonicalEntries(batch));
    const intents = await deps.db.payoutIntent.findMany({ where: { proposalId: id }, orderBy: { chunkIndex: "asc" } });
    expect(intents.flatMap((i) => readPayoutEntries(i))).toEqual(
      canonicalEntries(batch).map(({ recipient, amount }) => ({ recipient, amount })),
    );
    for (const intent of intents) {
      expect(readSentTxs(intent).map((t) => t.hash)).toContain(intent.txHash);
      expect(readSentTxs(intent)).toEqual(intent.sentTxs);
    }
  });

  it("refuses to plan a stored batch whose amounts are not digits, naming the proposal, and pays the others", async () => {
    const [odd = "", fine = ""] = recipients(2, 32);
    // A number where the code writes digits: BigInt would take it, and its hash matches the voted one.
    const voted = [{ recipient: odd, amount: tokens("2"), refs: ["contribution:9"] }];
    const bad = await approvedAsStored([{ amount: 2e18, recipient: odd, refs: ["contribution:9"] }], voted);
    const good = await approvedPayout(deps.db, [{ recipient: fine, amount: tokens("1"), refs: ["contribution:10"] }]);

    const report = await settlePayouts(deps);
    expect(report.stuck).toEqual([
      {
        proposalId: bad,
        reason: expect.stringMatching(new RegExp(`^Proposal ${bad}, column batch: not what Steward writes`)),
      },
    ]);
    expect(report.settled).toEqual([good]);
    expect(await settlement.chain.tokenBalance(odd)).toBe(0n);
    expect(await deps.db.payoutIntent.count({ where: { proposalId: bad } })).toBe(0);
    const stuck = await deps.db.proposal.findUniqueOrThrow({ where: { id: bad } });
    expect(stuck).toMatchObject({ status: "approved", settlementError: expect.stringContaining("0.amount") });
  });
});
