import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../../src/db/openDatabase.ts";
import { createLogger } from "../../../src/logger.ts";
import type { Agreement } from "../../../src/services/calibration/agreement.ts";
import { applyCalibrationPolicy, juryTotal } from "../../../src/services/calibration/applyCalibrationPolicy.ts";
import { drawCalibrationSample } from "../../../src/services/calibration/drawCalibrationSample.ts";
import { submitContribution } from "../../../src/services/contributions/submitContribution.ts";
import { runEvaluations } from "../../../src/services/evaluations/runEvaluations.ts";
import { suggestReward } from "../../../src/services/evaluations/suggestReward.ts";
import { actor, serviceDeps, type TestServiceDeps } from "../../helpers/serviceDeps.ts";
import { createTestDatabase } from "../../helpers/testDatabase.ts";

// applyCalibrationPolicy called directly on a sample whose every state is set by hand: which sampled items the
// `hold` policy flags and the `jury` policy pays, at the boundaries (issue 22, §3).
const logger = createLogger({ level: "silent" });
let database: Database;
let deps: TestServiceDeps;
beforeAll(async () => {
  database = await createTestDatabase();
  deps = serviceDeps(database);
});
afterAll(() => database.close());

let nextId = 870000000000000000n;
const CRITERIA = ["impact", "quality", "effort", "alignment"];
const scored = (n: number) => CRITERIA.map((criterion) => ({ criterion, score: n }));
const below = { overall: { spearman: 0.2 } } as unknown as Agreement;

/** `count` evaluated contributions in `guild`, all in the open epoch's sample (items in id order). */
async function sampled(guild: string, count: number) {
  for (let i = 0; i < count; i++) {
    deps.clock.now = new Date(deps.clock.now.getTime() + 120_000);
    await submitContribution(
      deps,
      { ...actor(String(nextId++)), guildId: guild },
      {
        title: `Calibrated work ${nextId++}`,
        description: `Rebuilt indexer shard ${nextId} so a resync takes minutes, with a benchmark and tests.`,
        category: "code",
        links: [],
      },
    );
  }
  await runEvaluations(deps, logger);
  const drawn = await drawCalibrationSample(deps, guild, "system:test");
  const sample = drawn.sample;
  if (!sample) throw new Error("nothing drawn");
  const evaluations = await deps.db.evaluation.findMany({
    where: { activeFor: { not: null }, contribution: { guildId: guild } },
    orderBy: { contributionId: "asc" },
  });
  expect(evaluations).toHaveLength(count);
  const inSample = new Set(sample.items.map((i) => i.contributionId));
  for (const e of evaluations)
    if (!inSample.has(e.contributionId))
      await deps.db.calibrationItem.create({
        data: { sampleId: sample.id, contributionId: e.contributionId, evaluationId: e.id },
      });
  const items = await deps.db.calibrationItem.findMany({
    where: { sampleId: sample.id },
    orderBy: { id: "asc" },
  });
  // The evaluations in the items' order, the order the policy takes them in.
  const evaluationOf = new Map(evaluations.map((e) => [e.contributionId, e]));
  return {
    epochId: sample.epochId,
    items,
    evaluations: items.map((i) => evaluationOf.get(i.contributionId) as (typeof evaluations)[0]),
  };
}

async function review(itemId: number, ...scores: number[]) {
  for (const s of scores)
    await deps.db.jurorReview.create({
      data: { itemId, jurorId: String(nextId++), scores: scored(s), createdAt: deps.now() },
    });
}

function apply(guild: string, epochId: number, policy: "hold" | "jury", agreement: Agreement | null, min = 0.5) {
  return deps.db.$transaction((tx) =>
    applyCalibrationPolicy(
      tx,
      { calibration: { ...deps.calibration, policy, minAgreement: min }, evaluation: deps.evaluation },
      { guildId: guild, epochId, now: deps.now(), actorId: "system:test" },
      agreement,
    ),
  );
}

describe("the jury's total", () => {
  it("is the rubric-weighted mean of the jurors' scores, out of 100", () => {
    const rubric = deps.evaluation.rubric;
    const of = (n: number) => Object.fromEntries(CRITERIA.map((c) => [c, n]));
    expect(juryTotal(rubric, [of(4), of(6)])).toBe(50);
    expect(juryTotal(rubric, [of(7)])).toBe(70);
    expect(juryTotal(rubric, [of(2), of(3), of(4)])).toBe(30);
    // A criterion a juror left out counts as 0.
    expect(juryTotal(rubric, [{ impact: 10 }])).toBe(Math.round((rubric.criteria[0]?.weight ?? 0) * 100));
  });
});

describe("below CALIBRATION_MIN_AGREEMENT", () => {
  it("hold: flags exactly the reviewed, unpaid, uncleared items 10 points or more from the jury, audited", async () => {
    const guild = "100000000000000871";
    const { epochId, items, evaluations } = await sampled(guild, 8);
    type Sampled = { item: (typeof items)[0]; evaluation: (typeof evaluations)[0] };
    const [atTen, near, cleared, flagged, unreviewed, paid, replaced, far] = items.map((item, i) => ({
      item,
      evaluation: evaluations[i],
    })) as [Sampled, Sampled, Sampled, Sampled, Sampled, Sampled, Sampled, Sampled];
    const set = (x: { evaluation: { id: number } }, data: Record<string, unknown>) =>
      deps.db.evaluation.update({ where: { id: x.evaluation.id }, data });
    await set(atTen, { total: 60, flags: [] });
    await review(atTen.item.id, 4, 6); // the jury's mean: 50, exactly 10 from the model's 60
    await set(near, { total: 59, flags: [] });
    await review(near.item.id, 5); // 9 apart: not held
    await set(cleared, { total: 90, flags: [], reviewedBy: "mod" });
    await review(cleared.item.id, 5);
    await set(flagged, { total: 90, flags: ["needs_human"] });
    await review(flagged.item.id, 5);
    await set(unreviewed, { total: 90, flags: [] });
    await set(paid, { total: 90, flags: [] });
    await review(paid.item.id, 5);
    await deps.db.contribution.update({ where: { id: paid.item.contributionId }, data: { epochId } });
    await set(replaced, { total: 90, flags: [], activeFor: null });
    await review(replaced.item.id, 5);
    await set(far, { total: 20, flags: [] });
    await review(far.item.id, 9);

    const out = await apply(guild, epochId, "hold", below);
    expect(out?.policy).toBe("hold");
    expect(out?.spearman).toBe(0.2);
    expect(out?.minAgreement).toBe(0.5);
    expect(out?.juryPaid).toEqual([]);
    expect(out?.held.map((h) => [h.contributionId, h.evaluationId, h.modelTotal, h.juryTotal])).toEqual([
      [atTen.item.contributionId, atTen.evaluation.id, 60, 50],
      [far.item.contributionId, far.evaluation.id, 20, 90],
    ]);
    const flagsOf = async (x: { evaluation: { id: number } }) =>
      (await deps.db.evaluation.findUniqueOrThrow({ where: { id: x.evaluation.id } })).flags;
    for (const x of [atTen, far]) expect((await flagsOf(x)).sort()).toEqual(["jury_disagrees", "needs_human"]);
    for (const x of [near, cleared, unreviewed, paid, replaced]) expect(await flagsOf(x)).toEqual([]);
    expect(await flagsOf(flagged)).toEqual(["needs_human"]);

    const audits = await deps.db.auditEvent.findMany({ where: { guildId: guild, action: "calibration.held" } });
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      subjectType: "epoch",
      subjectId: String(epochId),
      actorId: "system:test",
      payload: {
        policy: "hold",
        spearman: 0.2,
        minAgreement: 0.5,
        items: [
          { contributionId: atTen.item.contributionId, modelTotal: 60, juryTotal: 50 },
          { contributionId: far.item.contributionId, modelTotal: 20, juryTotal: 90 },
        ],
      },
    });
  });

  it("jury: pays each reviewed item the reward policy's amount for the jury's mean, flags nothing", async () => {
    const guild = "100000000000000872";
    const { epochId, items, evaluations } = await sampled(guild, 3);
    const [two, none, one] = items as [(typeof items)[0], (typeof items)[0], (typeof items)[0]];
    await review(two.id, 4, 6);
    await review(one.id, 9);
    const out = await apply(guild, epochId, "jury", below);
    expect(out?.held).toEqual([]);
    const reward = (total: number) => suggestReward(deps.evaluation.policy, deps.evaluation.rubric, "code", total);
    expect(out?.juryPaid).toEqual([
      {
        contributionId: two.contributionId,
        evaluationId: evaluations[0]?.id,
        modelTotal: evaluations[0]?.total,
        juryTotal: 50,
        modelReward: BigInt(evaluations[0]?.suggestedReward.toFixed() ?? ""),
        juryReward: reward(50),
      },
      {
        contributionId: one.contributionId,
        evaluationId: evaluations[2]?.id,
        modelTotal: evaluations[2]?.total,
        juryTotal: 90,
        modelReward: BigInt(evaluations[2]?.suggestedReward.toFixed() ?? ""),
        juryReward: reward(90),
      },
    ]);
    expect(reward(90)).not.toBe(reward(50));
    expect(none.contributionId).toBe(evaluations[1]?.contributionId);
    expect(await deps.db.auditEvent.count({ where: { guildId: guild, action: "calibration.held" } })).toBe(0);
    for (const e of evaluations)
      expect((await deps.db.evaluation.findUniqueOrThrow({ where: { id: e.id } })).flags).not.toContain(
        "jury_disagrees",
      );
  });

  it("hold with nothing far enough apart holds nothing and audits nothing", async () => {
    const guild = "100000000000000873";
    const { epochId, items } = await sampled(guild, 3);
    for (const it of items) {
      const e = await deps.db.evaluation.findFirstOrThrow({ where: { activeFor: it.contributionId } });
      await deps.db.evaluation.update({ where: { id: e.id }, data: { total: 50, flags: [] } });
      await review(it.id, 5);
    }
    const out = await apply(guild, epochId, "hold", below);
    expect(out?.held).toEqual([]);
    expect(out?.juryPaid).toEqual([]);
    expect(await deps.db.auditEvent.count({ where: { guildId: guild, action: "calibration.held" } })).toBe(0);
  });

  it("does nothing at exactly the minimum or without an agreement", async () => {
    const guild = "100000000000000874";
    const { epochId, items } = await sampled(guild, 3);
    for (const it of items) await review(it.id, 0);
    const at = { overall: { spearman: 0.5 } } as unknown as Agreement;
    expect(await apply(guild, epochId, "hold", at, 0.5)).toBeNull();
    expect(await apply(guild, epochId, "jury", null, 0.5)).toBeNull();
    expect(await deps.db.auditEvent.count({ where: { guildId: guild, action: "calibration.held" } })).toBe(0);
  });
});
