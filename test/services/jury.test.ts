import { createHash } from "node:crypto";
import { Wallet } from "ethers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readEvaluationScores } from "../../src/db/json/evaluationScores.ts";
import type { Database } from "../../src/db/openDatabase.ts";
import { juryText } from "../../src/discord/views/auditTraceViews.ts";
import { epochReminderText } from "../../src/discord/views/reminderViews.ts";
import { translator } from "../../src/i18n/translator.ts";
import { createLogger } from "../../src/logger.ts";
import { calibrationAgreement, ranks, spearman } from "../../src/services/calibration/agreement.ts";
import { drawCalibrationSample } from "../../src/services/calibration/drawCalibrationSample.ts";
import { drawSample, sampleSize } from "../../src/services/calibration/drawSample.ts";
import { epochAgreement } from "../../src/services/calibration/epochAgreement.ts";
import { nextJuryItem } from "../../src/services/calibration/nextJuryItem.ts";
import { recordJuryReview } from "../../src/services/calibration/recordJuryReview.ts";
import { submitContribution } from "../../src/services/contributions/submitContribution.ts";
import type { Actor } from "../../src/services/deps.ts";
import { closeEpoch } from "../../src/services/epochs/closeEpoch.ts";
import { releaseDistribution } from "../../src/services/epochs/releaseDistribution.ts";
import { fileAppeal } from "../../src/services/evaluations/appeals.ts";
import { clearEvaluation } from "../../src/services/evaluations/clearEvaluation.ts";
import { runEvaluations } from "../../src/services/evaluations/runEvaluations.ts";
import { suggestReward } from "../../src/services/evaluations/suggestReward.ts";
import { epochReminderForPost } from "../../src/services/reminders/epochReminderForPost.ts";
import { sendDueEpochReminders } from "../../src/services/reminders/sendDueEpochReminders.ts";
import { publicSummary } from "../../src/services/transparency/publicData.ts";
import { traceAudit } from "../../src/services/transparency/traceAudit.ts";
import { createWalletChallenge } from "../../src/services/wallets/createWalletChallenge.ts";
import { verifyWalletSignature } from "../../src/services/wallets/verifyWalletSignature.ts";
import { actor, serviceDeps, type TestServiceDeps } from "../helpers/serviceDeps.ts";
import { createTestDatabase } from "../helpers/testDatabase.ts";

// Each scenario in its own guild: what one leaves open (an appeal, flagged work) is not in another's draw.
let guild = "100000000000000001";
const JUROR = ["Juror"];
const TOKEN = 10n ** 18n;
const logger = createLogger({ level: "silent" });
let database: Database;
let deps: TestServiceDeps;
beforeAll(async () => {
  database = await createTestDatabase();
  deps = serviceDeps(database);
});
afterAll(() => database.close());

let nextId = 830000000000000000n;
const person = (): Actor => ({ ...actor(String(nextId++)), guildId: guild });

async function link(who: Actor, wallet: { address: string; signMessage(m: string): Promise<string> }) {
  const challenge = await createWalletChallenge(deps, who, wallet.address);
  await verifyWalletSignature(deps, who, await wallet.signMessage(challenge.message));
}

async function contribute(author: Actor, description: string, links: string[] = []) {
  deps.clock.now = new Date(deps.clock.now.getTime() + 120_000);
  const c = await submitContribution(deps, author, {
    title: `Work ${nextId++}`,
    description,
    category: "code",
    links,
  });
  await runEvaluations(deps, logger);
  return c.id;
}

const allScores = (n: number) => ({ impact: n, quality: n, effort: n, alignment: n });

describe("the jury's draw", () => {
  it("takes the percentage rounded up, at least 3, or everything when fewer", () => {
    expect(sampleSize(20, 10)).toBe(3);
    expect(sampleSize(50, 10)).toBe(5);
    expect(sampleSize(41, 10)).toBe(5);
    expect(sampleSize(2, 10)).toBe(2);
    expect(sampleSize(10, 100)).toBe(10);
  });

  it("is a pure function of the seed and the population: same seed, same draw; another seed, another draw", () => {
    const population = Array.from({ length: 40 }, (_, i) => i + 1);
    const a = drawSample("a".repeat(64), population, 10);
    expect(a).toHaveLength(4);
    expect(drawSample("a".repeat(64), [...population].reverse(), 10)).toEqual(a);
    expect(drawSample("b".repeat(64), population, 10)).not.toEqual(a);
    expect(a.every((id) => population.includes(id))).toBe(true);
    // What anyone can recompute: the lowest sha256(seed ":" id) in hex, returned in id order.
    const hex = (id: number) =>
      createHash("sha256")
        .update(`${"a".repeat(64)}:${id}`)
        .digest("hex");
    const expected = [...population]
      .sort((x, y) => (hex(x) < hex(y) ? -1 : 1))
      .slice(0, 4)
      .sort((x, y) => x - y);
    expect(a).toEqual(expected);
  });

  it("is drawn once per epoch from every evaluated contribution, seeded with the audit head, and recomputable", async () => {
    const authors = [person(), person(), person(), person()];
    const ids: number[] = [];
    for (const [i, a] of authors.entries()) {
      await link(a, Wallet.createRandom());
      ids.push(await contribute(a, `Fixed bug ${i} in the release pipeline and added a regression test for it.`));
    }
    // A flagged (buzzword) one and an appealed one are candidates too: the jury must see the hard cases.
    const flagged = await contribute(
      person(),
      "This excellent outstanding exceptional innovative groundbreaking revolutionary work deserves the maximum reward.",
    );
    const appealed = await contribute(authors[0] as Actor, "Reviewed six pull requests on the bridge contracts.");
    await fileAppeal(deps, authors[0] as Actor, appealed, "The reviews caught a critical bug.");
    const head = await deps.db.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } });

    const first = await drawCalibrationSample(deps, guild, "system:test");
    const again = await drawCalibrationSample(deps, guild, "system:other");
    const sample = first.sample;
    if (!sample) throw new Error("no sample drawn");
    expect(first.drawn).toBe(true);
    expect(again.drawn).toBe(false);
    expect(again.sample?.id).toBe(sample.id);
    expect(sample.seed).toBe(head.hash);
    expect(sample.population).toEqual([...ids, flagged, appealed]);
    expect(sample.items.map((i) => i.contributionId).sort((a, b) => a - b)).toEqual(
      drawSample(head.hash, sample.population, 10),
    );
    expect(sample.items).toHaveLength(3);
    const audit = await deps.db.auditEvent.findFirstOrThrow({ where: { action: "calibration.drawn" } });
    expect(audit.prevHash).toBe(head.hash);
    // The sampled items compare with the evaluation active when drawn.
    for (const item of sample.items) {
      const active = await deps.db.evaluation.findUniqueOrThrow({ where: { activeFor: item.contributionId } });
      expect(item.evaluationId).toBe(active.id);
    }
    // Closed with a sample nobody reviewed: the distribution says so, and pays no juror.
    deps.epochs = { ...deps.epochs, openAppeals: "carry" };
    deps.clock.now = new Date(deps.clock.now.getTime() + 60_000);
    const closed = await closeEpoch(deps, guild, "system:test");
    deps.epochs = { ...deps.epochs, openAppeals: "block" };
    expect(closed.proposal?.specification).toContain("Jury: 3 contribution(s) sampled, none reviewed yet.");
    expect(closed.proposal?.specification).not.toContain("Jurors:");
    expect(closed.jury).toMatchObject({ reviewIds: [], total: 0n, agreement: { sampled: 3, reviews: 0 } });
    await expect(
      deps.db.calibrationSample.create({ data: { ...sample, id: undefined, items: undefined } }),
    ).rejects.toThrow();
  });
});

describe("a juror", () => {
  it("sees the next item blind, and is refused when not a juror, the author, conflicted, or reviewing twice", async () => {
    guild = "100000000000000002";
    const author = person();
    const alt = person();
    const juror = person();
    const shared = Wallet.createRandom();
    await link(author, shared);
    await link(author, Wallet.createRandom());
    await link(alt, shared);
    const own = await contribute(author, "Wrote the deployment guide for new operators, tested on a fresh server.");
    const altOwn = await contribute(alt, "Migrated the bot's database to the new schema without downtime.");
    const other = await contribute(person(), "Translated the member handbook into Spanish, reviewed by two natives.");

    await expect(nextJuryItem(deps, juror, ["Member"])).rejects.toMatchObject({
      code: "missing_role",
      context: { role: "Juror" },
    });
    const next = await nextJuryItem(deps, juror, JUROR);
    const item = next.item;
    if (!item) throw new Error("no item");
    expect(next.sampled).toBe(3);
    expect(Object.keys(item).sort()).toEqual(
      ["itemId", "title", "description", "category", "links", "hours", "criteria"].sort(),
    );
    const shown = JSON.stringify(item);
    expect(shown).not.toContain(author.discordId);
    expect(shown).not.toContain("reason");
    expect(item.criteria.map((c) => c.name)).toEqual(["impact", "quality", "effort", "alignment"]);

    const items = await deps.db.calibrationItem.findMany({ where: { sample: { guildId: guild } } });
    const itemOf = (contributionId: number) => items.find((i) => i.contributionId === contributionId)?.id as number;
    // The author is never offered their own item, and is refused if they name it.
    const authorNext = await nextJuryItem(deps, author, JUROR);
    expect(authorNext.remaining).toBe(1);
    expect(authorNext.item?.itemId).toBe(itemOf(other));
    await expect(
      recordJuryReview(deps, author, JUROR, { itemId: itemOf(own), scores: allScores(10) }),
    ).rejects.toMatchObject({ code: "jury_own_contribution" });
    // Conflicted by the existing rules: the alt shares a wallet the author once linked.
    await expect(
      recordJuryReview(deps, alt, JUROR, { itemId: itemOf(own), scores: allScores(10) }),
    ).rejects.toMatchObject({ code: "jury_conflicted", context: { address: shared.address } });
    await expect(
      recordJuryReview(deps, author, ["Member"], { itemId: itemOf(other), scores: allScores(5) }),
    ).rejects.toMatchObject({ code: "missing_role" });
    await expect(
      recordJuryReview(deps, juror, JUROR, {
        itemId: itemOf(other),
        scores: { impact: 11, quality: 1, effort: 1, alignment: 1 },
      }),
    ).rejects.toMatchObject({ code: "jury_invalid_scores" });
    await expect(
      recordJuryReview(deps, juror, JUROR, { itemId: itemOf(other), scores: { impact: 1, quality: 1, effort: 1 } }),
    ).rejects.toMatchObject({ code: "jury_invalid_scores" });

    await recordJuryReview(deps, juror, JUROR, { itemId: itemOf(altOwn), scores: allScores(6) });
    await expect(
      recordJuryReview(deps, juror, JUROR, { itemId: itemOf(altOwn), scores: allScores(7) }),
    ).rejects.toMatchObject({ code: "jury_already_reviewed" });
    expect((await nextJuryItem(deps, juror, JUROR)).remaining).toBe(2);
    const review = await deps.db.jurorReview.findFirstOrThrow({ where: { itemId: itemOf(altOwn) } });
    await expect(
      deps.db.jurorReview.create({
        data: { itemId: review.itemId, jurorId: review.jurorId, scores: [], createdAt: new Date() },
      }),
    ).rejects.toThrow();
    // JUROR_REWARD 0 (the default): no juror line, and the review stays unpaid.
    const unpaid = await closeEpoch(deps, guild, "system:test");
    expect(unpaid.jury?.reviewIds).toEqual([]);
    expect((await deps.db.jurorReview.findUniqueOrThrow({ where: { id: review.id } })).paidInEpochId).toBeNull();
    await expect(
      recordJuryReview(deps, juror, JUROR, { itemId: itemOf(other), scores: allScores(4) }),
    ).rejects.toMatchObject({ code: "jury_sample_closed" });
  });
});

describe("agreement", () => {
  it("ranks ties by their average rank", () => {
    expect(ranks([10, 20, 20, 30])).toEqual([1, 2.5, 2.5, 4]);
    expect(ranks([3, 1, 2])).toEqual([3, 1, 2]);
  });

  it("is Spearman's rho on known inputs, undefined without variation or with unequal lengths", () => {
    expect(spearman([1, 2], [2, 1])).toBe(-1);
    expect(spearman([1, 2, 3], [1, 2])).toBeNull();
    expect(spearman([5, 5, 5], [1, 2, 3])).toBeNull();
    expect(ranks([2, 2])).toEqual([1.5, 1.5]);
    expect(ranks([7])).toEqual([1]);
    expect(spearman([1, 2, 3], [10, 20, 30])).toBe(1);
    expect(spearman([1, 2, 3], [30, 20, 10])).toBe(-1);
    expect(spearman([1, 2, 3, 4, 5], [2, 1, 4, 3, 5])).toBeCloseTo(0.8, 10);
    // With ties: Pearson on average ranks ([1,2,3,4] vs [1,2.5,2.5,4]).
    expect(spearman([1, 2, 3, 4], [1, 2, 2, 3])).toBeCloseTo(4.5 / Math.sqrt(5 * 4.5), 10);
    expect(spearman([1], [1])).toBeNull();
    expect(spearman([1, 2, 3], [5, 5, 5])).toBeNull();
  });

  it("has no mean difference without reviews, and survives a rubric whose weights are all 0", () => {
    const none = calibrationAgreement([{ name: "impact", weight: 1 }], []);
    expect(none).toMatchObject({ items: 0, jurors: 0, reviews: 0, overall: { spearman: null, meanDifference: null } });
    const zero = calibrationAgreement(
      [{ name: "impact", weight: 0 }],
      [{ model: { impact: 3 }, reviews: [{ jurorId: "j", scores: { impact: 5 } }] }],
    );
    expect(zero.overall.meanDifference).toBe(0);
    expect(zero.criteria[0]?.meanDifference).toBe(2);
  });

  it("gives per-criterion and overall agreement with the sample size", () => {
    const criteria = [
      { name: "impact", weight: 3 },
      { name: "quality", weight: 1 },
    ];
    const a = calibrationAgreement(criteria, [
      { model: { impact: 8, quality: 4 }, reviews: [{ jurorId: "j1", scores: { impact: 7, quality: 6 } }] },
      {
        model: { impact: 2, quality: 6 },
        reviews: [
          { jurorId: "j1", scores: { impact: 3, quality: 5 } },
          { jurorId: "j2", scores: { impact: 1, quality: 5 } },
        ],
      },
      { model: { impact: 5, quality: 5 }, reviews: [{ jurorId: "j2", scores: { impact: 5, quality: 4 } }] },
      { model: { impact: 9, quality: 9 }, reviews: [] },
    ]);
    expect({ items: a.items, jurors: a.jurors, reviews: a.reviews }).toEqual({ items: 3, jurors: 2, reviews: 4 });
    const impact = a.criteria[0];
    const quality = a.criteria[1];
    // impact: model [8,2,5], jury means [7,2,5]: same order; |diffs| 1,1,1,0 → 0.75.
    expect(impact).toEqual({ criterion: "impact", spearman: 1, meanDifference: 0.75 });
    // quality: model [4,6,5], jury [6,5,4] → ranks [1,3,2] vs [3,2,1]: rho = -0.5; |diffs| 2,1,1,1 → 1.25.
    expect(quality?.criterion).toBe("quality");
    expect(quality?.spearman).toBeCloseTo(-0.5, 10);
    expect(quality?.meanDifference).toBe(1.25);
    // overall (3:1 weighted): model [7,3,5], jury [6.75, 3.25 (mean of 3.5, 2), 4.75] → rho 1;
    // |diffs| |7−6.75|, |3−3.5|, |3−2|, |5−4.75| = 0.25, 0.5, 1, 0.25 → 0.5.
    expect(a.overall.criterion).toBeNull();
    expect(a.overall.spearman).toBe(1);
    expect(a.overall.meanDifference).toBeCloseTo(0.5, 10);
  });
});

describe("jurors' pay", () => {
  it("adds JUROR_REWARD per completed review to each juror's line, and the distribution shows agreement", async () => {
    guild = "100000000000000003";
    deps.calibration = { ...deps.calibration, jurorReward: 5n * TOKEN };
    const j1 = person();
    const j2 = person();
    const j1Wallet = Wallet.createRandom();
    const j2Wallet = Wallet.createRandom();
    await link(j1, Wallet.createRandom()); // an earlier wallet: the line goes to the active one
    await link(j1, j1Wallet);
    await link(j2, j2Wallet);
    // Different evidence, different model scores: the rank correlation is defined.
    const evidence = [
      [],
      ["https://github.com/dao/app/pull/11"],
      ["https://github.com/dao/app/pull/12", "https://github.com/dao/app/issues/13"],
    ];
    for (const [i, links] of evidence.entries()) {
      const a = person();
      await link(a, Wallet.createRandom());
      await contribute(
        a,
        i === 0 ? "Small fix." : `Shipped feature ${i}: the export command, with docs and tests.`,
        links,
      );
    }
    // j2 is also an author: their line holds their contribution's reward plus their jury pay.
    const j2Own = await contribute(j2, "Profiled the vote path and removed two queries per vote, with a benchmark.", [
      "https://github.com/dao/app/pull/14",
      "https://github.com/dao/app/commit/0123456789abcdef0123456789abcdef01234567",
      "https://github.com/dao/app/issues/15",
    ]);
    const drawn = await drawCalibrationSample(deps, guild, "system:test");
    const items = drawn.sample?.items ?? [];
    expect(items).toHaveLength(3);
    let j1Reviews = 0;
    let j2Reviews = 0;
    for (const [i, item] of items.entries()) {
      await recordJuryReview(deps, j1, JUROR, { itemId: item.id, scores: allScores(3 + 3 * i) });
      j1Reviews++;
      if (item.contributionId !== j2Own) {
        await recordJuryReview(deps, j2, JUROR, { itemId: item.id, scores: allScores(4 + 2 * i) });
        j2Reviews++;
      }
    }
    // Another guild's unpaid review is theirs to pay, not this guild's.
    const foreign = await deps.db.calibrationSample.create({
      data: {
        guildId: "100000000000000009",
        epochId: 999_999,
        seed: "f".repeat(64),
        population: [1],
        size: 1,
        drawnBy: "system:test",
        createdAt: deps.clock.now,
        items: { create: [{ contributionId: 1, evaluationId: 1 }] },
      },
      include: { items: true },
    });
    const jMember = await deps.db.member.findFirstOrThrow({ where: { discordId: j1.discordId } });
    const foreignReview = await deps.db.jurorReview.create({
      data: { itemId: foreign.items[0]?.id as number, jurorId: jMember.id, scores: [], createdAt: deps.clock.now },
    });
    const closed = await closeEpoch(deps, guild, "system:test");
    expect((await deps.db.jurorReview.findUniqueOrThrow({ where: { id: foreignReview.id } })).paidInEpochId).toBeNull();
    const lineOf = (address: string) => closed.batch.find((e) => e.recipient.toLowerCase() === address.toLowerCase());
    const j1Line = lineOf(j1Wallet.address);
    expect(j1Line?.amount).toBe((5n * TOKEN * BigInt(j1Reviews)).toString());
    expect(j1Line?.refs.every((r) => r.startsWith("jury:"))).toBe(true);
    expect(j1Line?.refs).toHaveLength(j1Reviews);
    const j2Line = lineOf(j2Wallet.address);
    const j2Reward = await deps.db.evaluation.findUniqueOrThrow({ where: { activeFor: j2Own } });
    expect(BigInt(j2Line?.amount ?? "0")).toBe(
      BigInt(j2Reward.suggestedReward.toFixed()) + 5n * TOKEN * BigInt(j2Reviews),
    );
    expect(closed.jury?.total).toBe(5n * TOKEN * BigInt(j1Reviews + j2Reviews));
    const reviews = await deps.db.jurorReview.findMany({ where: { item: { sampleId: drawn.sample?.id } } });
    expect(reviews.every((r) => r.paidInEpochId === closed.epoch.id)).toBe(true);
    expect(closed.jury?.agreement?.jurors).toBe(2);
    expect(closed.jury?.agreement?.items).toBe(3);
    expect(closed.proposal?.specification).toContain(`(Spearman, 3 item(s), 2 juror(s))`);
    expect(closed.proposal?.specification).toMatch(
      /Jury agreement: -?\d\.\d\d \(Spearman, 3 item\(s\), 2 juror\(s\)\); mean difference \d+\.\d points\./,
    );
    expect(closed.proposal?.specification).toContain(`for ${j1Reviews + j2Reviews} completed review(s) by 2 juror(s)`);
    const audit = await deps.db.auditEvent.findFirstOrThrow({
      where: { action: "epoch.closed", subjectId: String(closed.epoch.id) },
    });
    expect(audit.payload).toMatchObject({
      juryReviews: reviews.map((r) => r.id).sort((a, b) => a - b),
      juryTotal: (5n * TOKEN * BigInt(j1Reviews + j2Reviews)).toString(),
      jury: { items: 3, jurors: 2, spearman: closed.jury?.agreement?.overall.spearman },
    });
    // A distribution that is not paid gives the jurors' reviews back: the next close pays them, once.
    const proposal = closed.proposal as NonNullable<typeof closed.proposal>;
    await deps.db.$transaction((tx) => releaseDistribution(tx, proposal, "system:test", deps.clock.now));
    expect(
      await deps.db.jurorReview.count({ where: { paidInEpochId: null, id: { in: reviews.map((r) => r.id) } } }),
    ).toBe(reviews.length);
    deps.clock.now = new Date(deps.clock.now.getTime() + 60_000);
    const repaid = await closeEpoch(deps, guild, "system:test");
    expect(repaid.jury?.reviewIds.sort((a, b) => a - b)).toEqual(reviews.map((r) => r.id).sort((a, b) => a - b));
    expect(repaid.jury?.agreement).toBeNull();
    expect(repaid.batch.find((e) => e.recipient.toLowerCase() === j1Wallet.address.toLowerCase())?.amount).toBe(
      (5n * TOKEN * BigInt(j1Reviews)).toString(),
    );
    // Paid once: the next close pays no juror again.
    const last = person();
    await link(last, Wallet.createRandom());
    await contribute(last, "Another fix to the release pipeline with a regression test.");
    const next = await closeEpoch(deps, guild, "system:test");
    expect(next.jury).toBeUndefined();
    expect(next.proposal?.specification).not.toContain("Jur");
    deps.calibration = { ...deps.calibration, jurorReward: 0n };
  });
});

describe("below CALIBRATION_MIN_AGREEMENT", () => {
  /** Three authors' contributions with different evidence (different model scores), sampled whole, and one juror
   * who scores them far from the model and in the opposite order. */
  async function disagreeingJury() {
    const authors = [person(), person(), person()];
    const evidence = [
      [],
      ["https://github.com/dao/app/pull/21"],
      [
        "https://github.com/dao/app/pull/22",
        "https://github.com/dao/app/issues/23",
        "https://github.com/dao/app/pull/24",
      ],
    ];
    for (const [i, a] of authors.entries()) {
      await link(a, Wallet.createRandom());
      await contribute(
        a,
        i === 0 ? "Small fix." : `Shipped feature ${i}: the audit export, with docs and tests.`,
        evidence[i],
      );
    }
    const drawn = await drawCalibrationSample(deps, guild, "system:test");
    const items = drawn.sample?.items ?? [];
    expect(items).toHaveLength(3);
    const evaluations = await deps.db.evaluation.findMany({ where: { id: { in: items.map((i) => i.evaluationId) } } });
    const totalOf = new Map(evaluations.map((e) => [e.contributionId, e.total]));
    const totals = items.map((i) => totalOf.get(i.contributionId) as number);
    expect(new Set(totals).size).toBe(3);
    const juror = person();
    // The opposite order (rho = -1): the lowest model score gets the jury's 9, the highest its 1.
    const ascending = [...items].sort(
      (a, b) => (totalOf.get(a.contributionId) as number) - (totalOf.get(b.contributionId) as number),
    );
    const juryScore = new Map<number, number>();
    for (const [rank, item] of ascending.entries()) {
      juryScore.set(item.contributionId, 9 - 4 * rank);
      await recordJuryReview(deps, juror, JUROR, { itemId: item.id, scores: allScores(9 - 4 * rank) });
    }
    return { items, totalOf, juryScore };
  }

  const notes = () => deps.db.pendingPost.findMany({ where: { guildId: guild, kind: "note" }, orderBy: { id: "asc" } });

  it("hold: flags the sampled evaluations the jury disagrees with, pays them nothing until cleared, tells moderators", async () => {
    guild = "100000000000000004";
    const { items, totalOf, juryScore } = await disagreeingJury();
    const closed = await closeEpoch(deps, guild, "system:test");
    expect(closed.jury?.agreement?.overall.spearman).toBe(-1);
    const calibration = closed.jury?.calibration;
    expect(calibration?.policy).toBe("hold");
    const heldIds = (calibration?.held ?? []).map((h) => h.contributionId).sort((a, b) => a - b);
    // Held: 10 points (of 100) or more between the model's total and the jury's (every criterion scored alike).
    const disagreeing = items
      .map((i) => i.contributionId)
      .filter((id) => Math.abs((totalOf.get(id) as number) - 10 * (juryScore.get(id) as number)) >= 10);
    expect(heldIds.length).toBeGreaterThan(0);
    expect(heldIds).toEqual(disagreeing.sort((a, b) => a - b));
    for (const id of heldIds) {
      const e = await deps.db.evaluation.findUniqueOrThrow({ where: { activeFor: id } });
      expect(e.flags).toEqual(expect.arrayContaining(["jury_disagrees", "needs_human"]));
      expect(closed.batch.some((l) => l.refs.includes(`contribution:${id}`))).toBe(false);
      expect((await deps.db.contribution.findUniqueOrThrow({ where: { id } })).epochId).toBeNull();
    }
    expect(closed.heldForReview).toBe(heldIds.length);
    expect(closed.proposal?.specification).toContain("Below the minimum of 0.50");
    expect(closed.proposal?.specification).toContain(
      `Policy (hold): held for a moderator, paying nothing in this distribution until a person clears them: #${heldIds[0]} (model `,
    );
    const [note] = await notes();
    expect(note?.payload).toMatchObject({
      channel: "governance",
      fact: { kind: "jury_disagrees", policy: "hold", held: heldIds, spearman: -1, minAgreement: 0.5 },
    });
    const audit = await deps.db.auditEvent.findFirstOrThrow({
      where: { action: "calibration.held", subjectId: String(closed.epoch.id) },
    });
    expect(audit.payload).toMatchObject({
      policy: "hold",
      items: heldIds.map((contributionId) => ({ contributionId })),
    });

    // A moderator clears one: the next close pays it the model's reward, once; the other stays held.
    const cleared = heldIds[0] as number;
    await clearEvaluation(deps, person(), cleared, "Read it: the model was right, the evidence is real.");
    deps.clock.now = new Date(deps.clock.now.getTime() + 60_000);
    const next = await closeEpoch(deps, guild, "system:test");
    const e = await deps.db.evaluation.findUniqueOrThrow({ where: { activeFor: cleared } });
    const line = next.batch.find((l) => l.refs.includes(`contribution:${cleared}`));
    expect(line?.amount).toBe(e.suggestedReward.toFixed());
    for (const id of heldIds.slice(1))
      expect(next.batch.some((l) => l.refs.includes(`contribution:${id}`))).toBe(false);
    // No jury in that epoch: no second note.
    expect(await notes()).toHaveLength(1);
  });

  it("jury: pays sampled items the reward policy's amount for the jury's mean scores, not the model's", async () => {
    guild = "100000000000000005";
    deps.calibration = { ...deps.calibration, policy: "jury" };
    const { items } = await disagreeingJury();
    const closed = await closeEpoch(deps, guild, "system:test");
    deps.calibration = { ...deps.calibration, policy: "hold" };
    const paid = closed.jury?.calibration?.juryPaid ?? [];
    expect(paid.map((p) => p.contributionId).sort((a, b) => a - b)).toEqual(
      items.map((i) => i.contributionId).sort((a, b) => a - b),
    );
    for (const p of paid) {
      const e = await deps.db.evaluation.findUniqueOrThrow({ where: { id: p.evaluationId } });
      // Nothing flagged, the evaluation unchanged: only the batch pays the jury's figure.
      expect(e.flags).not.toContain("jury_disagrees");
      const contribution = await deps.db.contribution.findUniqueOrThrow({ where: { id: p.contributionId } });
      const expected = suggestReward(
        deps.evaluation.policy,
        deps.evaluation.rubric,
        contribution.category,
        p.juryTotal,
      );
      expect(p.juryReward).toBe(expected);
      if (p.juryTotal !== e.total) expect(p.juryReward).not.toBe(BigInt(e.suggestedReward.toFixed()));
      const line = closed.batch.find((l) => l.refs.includes(`contribution:${p.contributionId}`));
      expect(line?.amount).toBe(expected.toString());
    }
    expect(paid.filter((p) => p.juryTotal !== p.modelTotal).length).toBeGreaterThan(0);
    expect(closed.proposal?.specification).toContain("Policy (jury): these sampled items are paid the jury's score");
    const [note] = await notes();
    const paidIds = paid.map((p) => p.contributionId);
    expect(note?.payload).toMatchObject({
      fact: { kind: "jury_disagrees", policy: "jury", held: [], juryPaid: paidIds, proposalId: closed.proposal?.id },
    });
    const audit = await deps.db.auditEvent.findFirstOrThrow({
      where: { action: "epoch.closed", subjectId: String(closed.epoch.id) },
    });
    expect(audit.payload).toMatchObject({
      calibrationPolicy: {
        policy: "jury",
        held: [],
        juryPaid: paid.map((p) => ({
          contributionId: p.contributionId,
          modelTotal: p.modelTotal,
          juryTotal: p.juryTotal,
          modelReward: p.modelReward.toString(),
          juryReward: p.juryReward.toString(),
        })),
      },
    });
  });

  it("does nothing at or above the minimum: nothing held, no note", async () => {
    guild = "100000000000000006";
    deps.calibration = { ...deps.calibration, minAgreement: -1 };
    await disagreeingJury();
    const closed = await closeEpoch(deps, guild, "system:test");
    deps.calibration = { ...deps.calibration, minAgreement: 0.5 };
    expect(closed.jury?.calibration).toBeNull();
    expect(closed.heldForReview).toBe(0);
    expect(closed.proposal?.specification).not.toContain("Policy (");
    expect(await notes()).toHaveLength(0);
  });
});

describe("the jury in public", () => {
  it("the trace says whether a contribution was sampled and what the jury said; the transparency summary and /metrics show agreement", async () => {
    guild = "100000000000000007";
    const authors = [person(), person(), person()];
    const ids: number[] = [];
    for (const [i, a] of authors.entries()) {
      await link(a, Wallet.createRandom());
      ids.push(
        await contribute(a, i === 0 ? "Small fix." : `Shipped feature ${i}: the trace page, with tests.`, [
          ...Array.from({ length: i * 2 }, (_, k) => `https://github.com/dao/app/pull/${70 + i * 10 + k}`),
        ]),
      );
    }
    const drawn = await drawCalibrationSample(deps, guild, "system:test");
    const items = drawn.sample?.items ?? [];
    expect(items).toHaveLength(3);
    const late = await contribute(person(), "Drafted the onboarding checklist after the draw.");
    const [first, second] = items as [(typeof items)[0], (typeof items)[0]];
    const j1 = person();
    const j2 = person();
    await recordJuryReview(deps, j1, JUROR, {
      itemId: first.id,
      scores: { impact: 2, quality: 4, effort: 6, alignment: 8 },
    });
    await recordJuryReview(deps, j2, JUROR, {
      itemId: first.id,
      scores: { impact: 3, quality: 4, effort: 7, alignment: 8 },
    });
    await recordJuryReview(deps, j1, JUROR, { itemId: second.id, scores: allScores(5) });

    const trace = await traceAudit(deps, guild, `contribution ${first.contributionId}`);
    const pending = trace.pending;
    if (pending?.kind !== "contribution") throw new Error("no contribution traced");
    const model = await deps.db.evaluation.findUniqueOrThrow({ where: { id: first.evaluationId } });
    const modelScores = readEvaluationScores(model);
    const weightOf = new Map(modelScores.map((s) => [s.criterion, s.weight]));
    const juryMean = { impact: 2.5, quality: 4, effort: 6.5, alignment: 8 };
    expect(pending.jury).toEqual({
      epoch: drawn.epoch.number,
      evaluationId: first.evaluationId,
      reviews: 2,
      scores: modelScores.map((s) => ({
        criterion: s.criterion,
        model: s.score,
        jury: juryMean[s.criterion as keyof typeof juryMean],
      })),
      modelTotal: model.total,
      juryTotal: Math.round(
        (Object.entries(juryMean).reduce((n, [c, v]) => n + (v / 10) * (weightOf.get(c) ?? 0), 0) /
          [...weightOf.values()].reduce((n, w) => n + w, 0)) *
          100,
      ),
    });
    expect(juryText(translator("en"), pending.jury)).toContain(
      `blind jury: sampled in epoch ${drawn.epoch.number} (compared with evaluation #${first.evaluationId}): 2 review(s), jury `,
    );
    const third = await traceAudit(deps, guild, `contribution ${(items[2] as (typeof items)[0]).contributionId}`);
    expect(third.pending?.kind === "contribution" && third.pending.jury).toMatchObject({
      reviews: 0,
      juryTotal: null,
    });
    expect(juryText(translator("en"), third.pending?.kind === "contribution" ? third.pending.jury : null)).toMatch(
      /, not reviewed$/,
    );
    const unsampled = await traceAudit(deps, guild, `contribution ${late}`);
    expect(unsampled.pending?.kind === "contribution" && unsampled.pending.jury).toBeNull();
    expect(juryText(translator("en"), null)).toBe("  blind jury: not sampled");

    const status = await epochAgreement(deps.db, deps.evaluation.rubric, drawn.epoch.id);
    const summary = await publicSummary(deps, guild);
    expect(summary.jury).toEqual([
      {
        epoch: drawn.epoch.number,
        status: "open",
        sampled: 3,
        items: 2,
        jurors: 2,
        reviews: 3,
        overall: status?.overall,
        criteria: status?.criteria,
      },
    ]);
    expect(summary.jury[0]?.criteria.map((c) => c.criterion)).toEqual(["impact", "quality", "effort", "alignment"]);

    const text = await deps.metrics.registry.metrics();
    expect(text).toContain(`steward_jury_sample{guild="${guild}",field="reviewed"} 2`);
    expect(text).toContain(`steward_jury_sample{guild="${guild}",field="sampled"} 3`);
    expect(text).toContain(`steward_jury_sample{guild="${guild}",field="reviews"} 3`);
    expect(text).toContain(`steward_jury_sample{guild="${guild}",field="epoch"} ${drawn.epoch.number}`);
    expect(text).toContain(
      `steward_jury_agreement{guild="${guild}",criterion="overall",measure="mean_difference"} ${status?.overall.meanDifference}`,
    );
    expect(text).toContain(
      `steward_jury_agreement{guild="${guild}",criterion="impact",measure="mean_difference"} ${status?.criteria[0]?.meanDifference}`,
    );
    // Two reviewed items with different scores: Spearman is defined for the overall score.
    expect(status?.overall.spearman).not.toBeNull();
    expect(text).toContain(
      `steward_jury_agreement{guild="${guild}",criterion="overall",measure="spearman"} ${status?.overall.spearman}`,
    );
  });
});

describe("the draw before the close", () => {
  it("is made with the first epoch reminder, so jurors score while the epoch is open; the reminder tells them", async () => {
    guild = "100000000000000008";
    // Midnight (local, as node-cron reads EPOCH_CRON) closes the epoch; a reminder is due an hour before.
    const start = deps.clock.now;
    const midnight = new Date(start.getFullYear(), start.getMonth(), start.getDate() + 2);
    deps.clock.now = new Date(midnight.getTime() - 3 * 3_600_000);
    const ids: number[] = [];
    for (let i = 0; i < 4; i++) {
      const a = person();
      await link(a, Wallet.createRandom());
      ids.push(await contribute(a, `Fixed flaky test ${i} in the settlement suite, with the root cause written up.`));
    }
    expect(await deps.db.calibrationSample.count({ where: { guildId: guild } })).toBe(0);
    deps.reminders = { beforeSeconds: [3600], epochCron: "0 0 * * *" };
    try {
      // Not due yet: no reminder, no draw.
      expect((await sendDueEpochReminders(deps)).sent.filter((s) => s.guildId === guild)).toEqual([]);
      deps.clock.now = new Date(midnight.getTime() - 30 * 60_000);
      const head = await deps.db.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } });
      const sent = (await sendDueEpochReminders(deps)).sent.filter((s) => s.guildId === guild);
      expect(sent).toHaveLength(1);
      expect(sent[0]?.juryDrawn).toBe(3);
      const sample = await deps.db.calibrationSample.findFirstOrThrow({
        where: { guildId: guild },
        include: { items: true },
      });
      const open = await deps.db.epoch.findFirstOrThrow({ where: { guildId: guild, status: "open" } });
      expect(sample.epochId).toBe(open.id);
      expect(sample.drawnBy).toBe("system:remind");
      expect(sample.population).toEqual(ids);
      // Seeded as any draw: anyone can recompute it (the head may have moved with the reminder's own events).
      expect(sample.items.map((i) => i.contributionId).sort((a, b) => a - b)).toEqual(
        drawSample(sample.seed, sample.population, 10),
      );
      expect(
        BigInt((await deps.db.auditEvent.findFirstOrThrow({ where: { hash: sample.seed } })).id),
      ).toBeGreaterThanOrEqual(BigInt(head.id));
      const reminder = await deps.db.epochReminder.findFirstOrThrow({ where: { guildId: guild, status: "sent" } });
      const facts = await epochReminderForPost(deps, reminder.id);
      expect(facts.jury).toEqual({ sampled: 3, unreviewed: 3 });
      await recordJuryReview(deps, person(), JUROR, { itemId: sample.items[0]?.id as number, scores: allScores(6) });
      expect((await epochReminderForPost(deps, reminder.id)).jury).toEqual({ sampled: 3, unreviewed: 2 });
      expect(epochReminderText(translator("en"), facts)).toContain(
        "Jurors: the blind jury's sample is drawn, 3 contributions, 3 not scored by anyone yet: `/jury next` before the close.",
      );
      // Made once: the run again sends nothing and draws nothing.
      expect((await sendDueEpochReminders(deps)).sent.filter((s) => s.guildId === guild)).toEqual([]);
      expect(await deps.db.calibrationSample.count({ where: { guildId: guild } })).toBe(1);
      // The close reads the sample the reminder drew.
      deps.clock.now = new Date(midnight.getTime() + 1000);
      const closed = await closeEpoch(deps, guild, "system:close-epoch");
      expect(closed.jury?.agreement).toMatchObject({ sampled: 3, reviews: 1 });
    } finally {
      deps.reminders = { beforeSeconds: [] };
    }
  });

  it("draws nothing with the jury off", async () => {
    guild = "100000000000000010";
    const midnight = new Date(deps.clock.now.getFullYear(), deps.clock.now.getMonth(), deps.clock.now.getDate() + 2);
    deps.clock.now = new Date(midnight.getTime() - 3 * 3_600_000);
    for (let i = 0; i < 3; i++) {
      const a = person();
      await link(a, Wallet.createRandom());
      await contribute(a, `Wrote runbook ${i} for the payout relay, reviewed by an operator.`);
    }
    deps.clock.now = new Date(midnight.getTime() - 30 * 60_000);
    deps.reminders = { beforeSeconds: [3600], epochCron: "0 0 * * *" };
    deps.calibration = { ...deps.calibration, percent: null };
    try {
      const sent = (await sendDueEpochReminders(deps)).sent.filter((s) => s.guildId === guild);
      expect(sent).toHaveLength(1);
      expect(sent[0]?.juryDrawn).toBeNull();
      expect(await deps.db.calibrationSample.count({ where: { guildId: guild } })).toBe(0);
      const reminder = await deps.db.epochReminder.findFirstOrThrow({ where: { guildId: guild, status: "sent" } });
      const facts = await epochReminderForPost(deps, reminder.id);
      expect(facts.jury).toBeNull();
      expect(epochReminderText(translator("en"), facts)).not.toContain("Jurors");
    } finally {
      deps.reminders = { beforeSeconds: [] };
      deps.calibration = { ...deps.calibration, percent: 10 };
    }
  });
});
