import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/openDatabase.ts";
import { createLogger } from "../../src/logger.ts";
import { calibrationAgreement } from "../../src/services/calibration/agreement.ts";
import { drawCalibrationSample } from "../../src/services/calibration/drawCalibrationSample.ts";
import { recordJuryReview } from "../../src/services/calibration/recordJuryReview.ts";
import { submitContribution } from "../../src/services/contributions/submitContribution.ts";
import type { Actor, EvaluationDeps } from "../../src/services/deps.ts";
import { configuredPolicy, policySha256 } from "../../src/services/evaluations/evaluationPolicy.ts";
import { overrideEvaluation } from "../../src/services/evaluations/overrideEvaluation.ts";
import { runEvaluations } from "../../src/services/evaluations/runEvaluations.ts";
import { publicSummary } from "../../src/services/transparency/publicData.ts";
import { traceAudit } from "../../src/services/transparency/traceAudit.ts";
import { actor, serviceDeps, type TestServiceDeps } from "../helpers/serviceDeps.ts";
import { createTestDatabase } from "../helpers/testDatabase.ts";

const logger = createLogger({ level: "silent" });
let database: Database;
let deps: TestServiceDeps;
let configured: EvaluationDeps;
beforeAll(async () => {
  database = await createTestDatabase();
  deps = serviceDeps(database);
  configured = deps.evaluation;
});
afterAll(() => database.close());

let nextId = 840000000000000000n;
const person = (guildId = "100000000000000001"): Actor => ({ ...actor(String(nextId++)), guildId });

async function evaluated(author: Actor, links: string[] = []) {
  deps.clock.now = new Date(deps.clock.now.getTime() + 120_000);
  const c = await submitContribution(deps, author, {
    title: `Policy work ${nextId++}`,
    description: "Wrote the rotation runbook for the treasury signers and rehearsed it with two of them.",
    category: "docs",
    links,
  });
  await runEvaluations(deps, logger);
  return deps.db.evaluation.findUniqueOrThrow({ where: { activeFor: c.id } });
}

const policies = (guildId = "100000000000000001") =>
  deps.db.evaluationPolicy.findMany({ where: { guildId }, orderBy: { version: "asc" } });

describe("the evaluation policy", () => {
  it("is recorded as a version the first time it is used, and every evaluation names its version", async () => {
    const first = await evaluated(person());
    expect(first.policyVersion).toBe(1);
    const [v1] = await policies();
    const content = configuredPolicy(configured);
    expect(v1).toMatchObject({ version: 1, sha256: policySha256(content) });
    expect(v1?.content).toEqual(content);
    // What it fixes: the rubric's criteria and weights, the caps, the evaluator, its model and prompt version.
    expect(content.rubric.criteria.map((c) => [c.name, c.weight])).toEqual(
      configured.rubric.criteria.map((c) => [c.name, c.weight]),
    );
    expect(content.caps).toEqual({
      maxPerContribution: configured.policy.maxPerContribution.toString(),
      epochBudget: configured.policy.epochBudget.toString(),
    });
    expect(content.evaluator).toEqual({
      kind: "rubric",
      model: first.model,
      promptVersion: first.promptVersion,
      appealModel: null,
    });
    const audit = await deps.db.auditEvent.findFirstOrThrow({ where: { action: "policy.recorded", subjectId: "1" } });
    expect(audit.payload).toMatchObject({ version: 1, sha256: v1?.sha256, previous: null });
    const created = await deps.db.auditEvent.findFirstOrThrow({
      where: { action: "evaluation.created", subjectId: String(first.contributionId) },
    });
    expect(created.payload).toMatchObject({ evaluationId: first.id, policyVersion: 1 });

    // The same policy again: the same version, no new row.
    expect((await evaluated(person())).policyVersion).toBe(1);
    expect(await policies()).toHaveLength(1);
  });

  it("gets a new version when a weight, a cap or the model changes, and its old version back when it returns", async () => {
    const weights = configured.rubric.criteria.map((c, i) => ({ ...c, weight: i === 0 ? c.weight + 0.1 : c.weight }));
    deps.evaluation = { ...configured, rubric: { ...configured.rubric, criteria: weights } };
    expect((await evaluated(person())).policyVersion).toBe(2);
    deps.evaluation = {
      ...configured,
      policy: { ...configured.policy, maxPerContribution: configured.policy.maxPerContribution / 2n },
    };
    expect((await evaluated(person())).policyVersion).toBe(3);
    deps.evaluation = {
      ...configured,
      evaluator: { kind: "llm", model: "gpt-test", promptVersion: "evaluate-contribution@1", appealModel: null },
    };
    // The configured evaluator is what the policy records, even when this run fell back to the rubric.
    expect((await evaluated(person())).policyVersion).toBe(4);
    deps.evaluation = configured;
    expect((await evaluated(person())).policyVersion).toBe(1);
    const all = await policies();
    expect(all.map((p) => p.version)).toEqual([1, 2, 3, 4]);
    expect(new Set(all.map((p) => p.sha256)).size).toBe(4);
    const audit = await deps.db.auditEvent.findFirstOrThrow({ where: { action: "policy.recorded", subjectId: "3" } });
    expect(audit.payload).toMatchObject({ version: 3, previous: { version: 2, sha256: all[1]?.sha256 } });
    // Versions are per guild: another guild's first use is its version 1.
    expect((await evaluated(person("100000000000000002"))).policyVersion).toBe(1);
    await expect(
      deps.db.evaluationPolicy.create({
        data: {
          guildId: "100000000000000001",
          version: 5,
          sha256: all[0]?.sha256 as string,
          content: {},
          createdAt: deps.clock.now,
        },
      }),
    ).rejects.toThrow();
  });

  it("an override keeps the policy version of the evaluation it overrides; the trace shows it", async () => {
    deps.evaluation = { ...configured, rubric: { ...configured.rubric, version: configured.rubric.version + 1 } };
    const original = await evaluated(person());
    deps.evaluation = configured;
    expect(original.policyVersion).toBe(5);
    const { override } = await overrideEvaluation(deps, person(), {
      contributionId: original.contributionId,
      score: 40,
      reward: 1n,
      reason: "The runbook was copied from the vendor's.",
    });
    expect(override.policyVersion).toBe(5);
    const trace = await traceAudit(deps, "100000000000000001", `contribution ${original.contributionId}`);
    expect(trace.pending?.kind === "contribution" && trace.pending.evaluation?.policyVersion).toBe(5);
  });

  it("the transparency summary lists each version with its evaluations and the jury's agreement with them", async () => {
    const guildId = "100000000000000003";
    const links = (n: number) =>
      Array.from({ length: n }, (_, k) => `https://github.com/dao/app/pull/${90 + n * 10 + k}`);
    const v1 = [await evaluated(person(guildId), links(0)), await evaluated(person(guildId), links(2))];
    const weights = configured.rubric.criteria.map((c, i) => ({ ...c, weight: i === 1 ? c.weight + 0.2 : c.weight }));
    deps.evaluation = { ...configured, rubric: { ...configured.rubric, criteria: weights } };
    const v2 = [await evaluated(person(guildId), links(1)), await evaluated(person(guildId), links(3))];
    deps.evaluation = configured;
    expect(v1.map((e) => e.policyVersion)).toEqual([1, 1]);
    expect(v2.map((e) => e.policyVersion)).toEqual([2, 2]);
    deps.calibration = { ...deps.calibration, percent: 100 };
    const drawn = await drawCalibrationSample(deps, guildId, "system:test");
    deps.calibration = { ...deps.calibration, percent: 10 };
    const juror = person(guildId);
    const given = new Map<number, Record<string, number>>();
    for (const [i, item] of (drawn.sample?.items ?? []).entries()) {
      const scores = { impact: 2 + i, quality: 7 - i, effort: 3 + 2 * i, alignment: 5 };
      given.set(item.evaluationId, scores);
      await recordJuryReview(deps, juror, ["Juror"], { itemId: item.id, scores });
    }
    const summary = await publicSummary(deps, guildId);
    expect(summary.policies.map((p) => [p.version, p.evaluations])).toEqual([
      [2, 2],
      [1, 2],
    ]);
    const expected = (evaluations: typeof v1, criteria: { name: string; weight: number }[]) =>
      calibrationAgreement(
        criteria,
        evaluations.map((e) => ({
          model: Object.fromEntries(
            (e.scores as { criterion: string; score: number }[]).map((x) => [x.criterion, x.score]),
          ),
          reviews: [{ jurorId: "j", scores: given.get(e.id) as Record<string, number> }],
        })),
      );
    const [p2, p1] = summary.policies;
    expect(p2?.content.rubric.criteria.map((c) => c.weight)).toEqual(weights.map((c) => c.weight));
    expect(p2?.jury).toEqual({ ...expected(v2, weights), jurors: 1 });
    expect(p1?.jury).toEqual({ ...expected(v1, configured.rubric.criteria), jurors: 1 });
    expect(p1?.jury?.items).toBe(2);
    // Over time: one sample so far, so the epoch-by-epoch figure is the overall one; neither was adopted by a vote.
    expect(p1?.byEpoch.map((e) => e.jury)).toEqual([p1?.jury]);
    expect(p2?.byEpoch.map((e) => e.jury)).toEqual([p2?.jury]);
    expect(p1?.adoptedBy).toBeNull();
  });
});
