import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readDistributionFacts } from "../../src/db/json/distributionFacts.ts";
import { readEvaluationScores } from "../../src/db/json/evaluationScores.ts";
import { readPayoutBatch } from "../../src/db/json/payoutBatch.ts";
import { readPayoutEntries } from "../../src/db/json/payoutEntries.ts";
import { readPayoutFailure } from "../../src/db/json/payoutFailure.ts";
import { readPayoutStuck } from "../../src/db/json/payoutStuck.ts";
import { JsonColumnError } from "../../src/db/json/readJsonColumn.ts";
import { readSentTxs } from "../../src/db/json/sentTxs.ts";
import type { Database } from "../../src/db/openDatabase.ts";
import { submitContribution } from "../../src/services/contributions/submitContribution.ts";
import { canonicalEntries } from "../../src/services/epochs/batchHash.ts";
import { distributionFactsJson } from "../../src/services/epochs/closing/distributionFactsJson.ts";
import { claimSubmitted } from "../../src/services/evaluations/claimSubmitted.ts";
import { evaluateContribution } from "../../src/services/evaluations/evaluateContribution.ts";
import { recipients } from "../helpers/approvedPayout.ts";
import { actor, serviceDeps } from "../helpers/serviceDeps.ts";
import { createTestDatabase } from "../helpers/testDatabase.ts";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const [alice = "", bob = ""] = recipients(2, 5);
const hash = `0x${"ab".repeat(32)}`;

/** The error a reader throws, for its fields to be checked. */
function refusal(read: () => unknown): JsonColumnError {
  try {
    read();
  } catch (error) {
    if (error instanceof JsonColumnError) return error;
    throw error;
  }
  throw new Error("the reader accepted it");
}

describe("the payout batch of a proposal (Proposal.batch)", () => {
  it("reads what the code writes, and no batch as null", () => {
    const batch = canonicalEntries([
      { recipient: bob, amount: "20", refs: ["contribution:2"] },
      { recipient: alice, amount: "0", refs: ["carry:1", "contribution:1"] },
    ]);
    expect(readPayoutBatch({ id: 1, batch: JSON.parse(JSON.stringify(batch)) })).toEqual(batch);
    expect(readPayoutBatch({ id: 1, batch: null })).toBeNull();
  });

  it.each([
    ["a fraction", "1.5"],
    ["a negative amount", "-1"],
    ["hex", "0x3e8"],
    ["an exponent", "1e21"],
    ["a leading zero", "010"],
    ["blanks", " 10"],
    ["a number instead of digits", 1000],
  ])("refuses %s as an amount, naming the row and the column", (_, amount) => {
    const e = refusal(() => readPayoutBatch({ id: 42, batch: [{ recipient: alice, amount, refs: [] }] }));
    expect(e).toMatchObject({ table: "Proposal", id: 42, column: "batch" });
    expect(e.message).toMatch(/^Proposal 42, column batch: not what Steward writes \(0\.amount: /);
  });

  it("refuses a line without a recipient address, and a batch that is not a list", () => {
    expect(
      refusal(() => readPayoutBatch({ id: 3, batch: [{ recipient: "0x12", amount: "1", refs: [] }] })).message,
    ).toMatch(/0\.recipient/);
    expect(refusal(() => readPayoutBatch({ id: 3, batch: [{ amount: "1", refs: [] }] })).message).toMatch(
      /0\.recipient/,
    );
    expect(refusal(() => readPayoutBatch({ id: 3, batch: { amount: "1" } })).id).toBe(3);
  });
});

describe("the lines of a payout chunk (PayoutIntent.entries)", () => {
  it("reads what planning writes", () => {
    const lines = [
      { recipient: alice, amount: "5" },
      { recipient: bob, amount: "7" },
    ];
    expect(readPayoutEntries({ id: 9, entries: lines })).toEqual(lines);
  });

  it("refuses a malformed line, naming the intent", () => {
    const e = refusal(() =>
      readPayoutEntries({ id: 9, entries: [{ recipient: alice, amount: "5" }, { recipient: bob }] }),
    );
    expect(e).toMatchObject({ table: "PayoutIntent", id: 9, column: "entries" });
    expect(e.message).toContain("1.amount");
    expect(refusal(() => readPayoutEntries({ id: 9, entries: null })).column).toBe("entries");
    expect(refusal(() => readPayoutEntries({ id: 9, entries: [{ recipient: alice, amount: "2.5" }] })).id).toBe(9);
  });
});

describe("the transactions signed for a chunk (PayoutIntent.sentTxs)", () => {
  it("reads none before the first, and what signing stores", () => {
    expect(readSentTxs({ id: 4, sentTxs: null })).toEqual([]);
    expect(readSentTxs({ id: 4, sentTxs: [{ hash, raw: "0x02f8" }] })).toEqual([{ hash, raw: "0x02f8" }]);
  });

  it("refuses what is not a list of signed transactions", () => {
    expect(refusal(() => readSentTxs({ id: 4, sentTxs: [{ hash: "nope", raw: "0x" }] }))).toMatchObject({
      table: "PayoutIntent",
      id: 4,
      column: "sentTxs",
    });
    expect(refusal(() => readSentTxs({ id: 4, sentTxs: { hash, raw: "0x" } })).id).toBe(4);
  });
});

describe("the scores of an evaluation (Evaluation.scores)", () => {
  it("refuses a score that is not a number, naming the evaluation", () => {
    const e = refusal(() =>
      readEvaluationScores({ id: 6, scores: [{ criterion: "impact", score: "7", weight: 1, reason: "-" }] }),
    );
    expect(e).toMatchObject({ table: "Evaluation", id: 6, column: "scores" });
  });
});

describe("through the database", () => {
  it("reads back the scores an evaluation stores", async () => {
    const deps = serviceDeps(database);
    const c = await submitContribution(deps, actor("710000000000000001"), {
      title: "Docs for the settle job",
      description: "Wrote the operator guide for settlement, with examples.",
      category: "docs",
      links: [],
    });
    expect(await claimSubmitted(deps, 10)).toContain(c.id);
    await evaluateContribution(deps, c.id);
    const row = await database.prisma.evaluation.findFirstOrThrow({ where: { contributionId: c.id } });
    const scores = readEvaluationScores(row);
    expect(scores.length).toBeGreaterThan(0);
    expect(scores).toEqual(row.scores);
  });

  it("refuses a stored batch that is not one, naming the proposal", async () => {
    const p = await database.prisma.proposal.create({
      data: {
        guildId: "100000000000000001",
        kind: "funding",
        authorDiscordId: "900000000000000001",
        title: "A hand-edited batch",
        summary: "-",
        motivation: "-",
        specification: "-",
        risks: "-",
        successMetrics: "-",
        batch: [{ amount: 12.5, recipient: alice, refs: [] }],
      },
    });
    const row = await database.prisma.proposal.findUniqueOrThrow({ where: { id: p.id } });
    expect(refusal(() => readPayoutBatch(row))).toMatchObject({ table: "Proposal", id: p.id, column: "batch" });
  });
});

describe("why a payout chunk failed (PayoutIntent.failure, or failureReason in rows from before)", () => {
  it("reads the facts, the sentence an older row stored, and nothing for a chunk that has not failed", () => {
    const failure = { kind: "treasury_short", treasury: alice, balance: "1", needed: "5" };
    expect(readPayoutFailure({ id: 1, failure, failureReason: null })).toEqual(failure);
    expect(readPayoutFailure({ id: 2, failure: null, failureReason: "an older sentence" })).toBe("an older sentence");
    expect(readPayoutFailure({ id: 3, failure: null, failureReason: null })).toBeNull();
  });

  it("names a row whose failure is not what Steward writes", () => {
    const error = refusal(() => readPayoutFailure({ id: 4, failure: { kind: "gremlins" }, failureReason: null }));
    expect(error).toMatchObject({ table: "PayoutIntent", column: "failure", id: 4 });
  });
});

describe("why a payout chunk is stuck (PayoutIntent.stuck, or stuckReason in rows from before)", () => {
  it("reads the facts, the sentence an older row stored, and nothing for a chunk nothing holds", () => {
    const stuck = { kind: "error", message: "request timeout after 30000 ms" };
    expect(readPayoutStuck({ id: 1, stuck, stuckReason: null })).toEqual(stuck);
    expect(readPayoutStuck({ id: 2, stuck: null, stuckReason: "an older sentence" })).toBe("an older sentence");
    expect(readPayoutStuck({ id: 3, stuck: null, stuckReason: null })).toBeNull();
  });

  it("names a row whose stuck reason is not what Steward writes", () => {
    const error = refusal(() => readPayoutStuck({ id: 4, stuck: { kind: "error" }, stuckReason: null }));
    expect(error).toMatchObject({ table: "PayoutIntent", column: "stuck", id: 4 });
  });
});

describe("a distribution proposal's figures (Proposal.distributionFacts)", () => {
  const figures = {
    epochNumber: 2,
    budget: 100n,
    computeBudget: 0n,
    total: 170n,
    scaled: true,
    floors: [{ category: "docs", shareBps: 1500, floor: 15n, requested: 9n, reserved: 9n, contributions: 1 }],
    paid: 100n,
    recipients: 2,
    paidContributions: 3,
    computeTotal: 0n,
    computeRewards: [],
    walletless: 1,
    carriedTotal: 34n,
    appealed: new Set([9, 5]),
    held: new Set([6]),
    jury: { reviewIds: [1, 2], total: 2n, jurors: 1, agreement: null, minAgreement: 0.6, calibration: null },
    mentors: { shareBps: 1000, paid: [{ contributionId: 7, mentor: "1", newcomer: "2", amount: 3n }], refused: [] },
  };

  it("reads what the close writes (amounts as digits, sets in order), and nothing for a proposal without them", () => {
    const stored = JSON.parse(JSON.stringify(distributionFactsJson(figures)));
    const read = readDistributionFacts({ id: 1, distributionFacts: stored });
    expect(read).toMatchObject({ budget: "100", appealed: [5, 9], mentors: { paid: [{ amount: "3" }] } });
    expect(read?.jury).toMatchObject({ reviews: 2, total: "2", agreement: null });
    expect(readDistributionFacts({ id: 2, distributionFacts: null })).toBeNull();
  });

  it.each([
    ["an amount as a number", (f: Record<string, unknown>) => ({ ...f, paid: 100 }), /paid/],
    ["a negative amount", (f: Record<string, unknown>) => ({ ...f, budget: "-1" }), /budget/],
    ["a set that is not a list", (f: Record<string, unknown>) => ({ ...f, held: { 6: true } }), /held/],
    ["no floors", (f: Record<string, unknown>) => ({ ...f, floors: undefined }), /floors/],
    [
      "a compute reward of another kind",
      (f: Record<string, unknown>) => ({
        ...f,
        computeRewards: [{ kind: "gift", nodeId: 1, leaseId: null, amount: "1" }],
      }),
      /computeRewards\.0\.kind/,
    ],
  ])("refuses %s, naming the proposal", (_, change, path) => {
    const stored = JSON.parse(JSON.stringify(distributionFactsJson(figures)));
    const e = refusal(() => readDistributionFacts({ id: 77, distributionFacts: change(stored) }));
    expect(e).toMatchObject({ table: "Proposal", column: "distributionFacts", id: 77 });
    expect(e.message).toMatch(path);
  });
});
