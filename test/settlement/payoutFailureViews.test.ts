import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/openDatabase.ts";
import { payoutStatusView } from "../../src/discord/views/payoutViews.ts";
import { resultMessage } from "../../src/discord/views/resultViews.ts";
import { translator } from "../../src/i18n/translator.ts";
import { proposalOverview } from "../../src/services/proposals/proposalOverview.ts";
import { payoutStatus } from "../../src/services/settlement/payoutStatus.ts";
import { approvedPayout, recipients } from "../helpers/approvedPayout.ts";
import { serviceDeps } from "../helpers/serviceDeps.ts";
import { createTestDatabase } from "../helpers/testDatabase.ts";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
}, 60_000);
afterAll(() => database?.close());

const guildId = "100000000000000001";
const token = { symbol: "STEW", decimals: 18 };
const [to = ""] = recipients(1, 41);

/** A failed chunk as settlement stores it now (`failure`, facts) beside one failed before (`failureReason`, words). */
async function twoFailedChunks() {
  const deps = serviceDeps(database);
  const id = await approvedPayout(deps.db, [{ recipient: to, amount: "3000", refs: ["contribution:1"] }], { guildId });
  await deps.db.proposal.update({ where: { id }, data: { status: "settling" } });
  const chunk = (chunkIndex: number) => ({
    proposalId: id,
    chunkIndex,
    chunkCount: 2,
    batchId: `0x${String(chunkIndex + 1).repeat(64)}`,
    chainId: 31337,
    token: to,
    distributor: to,
    treasury: to,
    entries: [{ recipient: to, amount: "3000" }],
    total: "3000",
    status: "failed" as const,
    createdAt: new Date(),
  });
  await deps.db.payoutIntent.create({
    data: { ...chunk(0), failure: { kind: "allowance_short", allowance: "1", needed: "3000" } },
  });
  await deps.db.payoutIntent.create({ data: { ...chunk(1), failureReason: "an RPC said no, in 2025's words" } });
  return { deps, id };
}

describe("a failed chunk's reason, where people read it", () => {
  it("says why a chunk is stuck, from its facts or an older row's sentence", async () => {
    const deps = serviceDeps(database);
    const id = await approvedPayout(deps.db, [{ recipient: to, amount: "3000", refs: ["contribution:2"] }], {
      guildId,
    });
    await deps.db.proposal.update({ where: { id }, data: { status: "settling" } });
    const chunk = (chunkIndex: number) => ({
      proposalId: id,
      chunkIndex,
      chunkCount: 2,
      batchId: `0x${String(chunkIndex + 5).repeat(64)}`,
      chainId: 31337,
      token: to,
      distributor: to,
      treasury: to,
      entries: [{ recipient: to, amount: "3000" }],
      total: "3000",
      createdAt: new Date(),
    });
    await deps.db.payoutIntent.create({
      data: { ...chunk(0), stuck: { kind: "error", message: "request timeout after 30000 ms" } },
    });
    await deps.db.payoutIntent.create({ data: { ...chunk(1), stuckReason: "an older sentence" } });
    const status = payoutStatusView(translator("en"), await payoutStatus(deps, guildId, id), token);
    expect(status).toContain(
      "Chunk 1 of 2: 1 line(s), 0.000000000000003 STEW — planned — stuck: request timeout after 30000 ms",
    );
    expect(status).toContain("Chunk 2 of 2: 1 line(s), 0.000000000000003 STEW — planned — stuck: an older sentence");
  });

  it("is worded from its facts, and an older chunk's stored sentence is shown as it is", async () => {
    const { deps, id } = await twoFailedChunks();
    const words = "the treasury allows the distributor 1 and this chunk needs 3000: approve more";

    const status = payoutStatusView(translator("en"), await payoutStatus(deps, guildId, id), token);
    expect(status).toContain(`Chunk 1 of 2: 1 line(s), 0.000000000000003 STEW — failed — ${words}`);
    expect(status).toContain(
      "Chunk 2 of 2: 1 line(s), 0.000000000000003 STEW — failed — an RPC said no, in 2025's words",
    );

    const result = JSON.stringify(resultMessage(translator("en"), await proposalOverview(deps, id), token));
    expect(result).toContain(
      `Being paid; 2 chunk(s) failed and wait for a moderator: ${words}; an RPC said no, in 2025's words`,
    );
  });
});
