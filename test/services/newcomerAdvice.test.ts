import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/openDatabase.ts";
import { Prisma } from "../../src/generated/prisma/client.ts";
import { createLogger } from "../../src/logger.ts";
import { submitContribution } from "../../src/services/contributions/submitContribution.ts";
import { withdrawContribution } from "../../src/services/contributions/withdrawContribution.ts";
import { isFirstContribution, newcomerAdvice } from "../../src/services/evaluations/newcomerAdvice.ts";
import { runEvaluations } from "../../src/services/evaluations/runEvaluations.ts";
import { actor, serviceDeps, type TestServiceDeps } from "../helpers/serviceDeps.ts";
import { createTestDatabase } from "../helpers/testDatabase.ts";

let database: Database;
let deps: TestServiceDeps;
beforeAll(async () => {
  database = await createTestDatabase();
  deps = serviceDeps(database);
});
afterAll(() => database.close());

const translation = {
  title: "Translated the onboarding guide",
  description: "Translated the onboarding guide from English into Chinese for new members.",
  category: "docs" as const,
  links: [] as string[],
};

async function submitted(who: string, o: Partial<typeof translation> = {}) {
  return submitContribution(deps, actor(who), { ...translation, ...o });
}

async function evaluated(id: number) {
  await runEvaluations(deps, createLogger({ level: "silent" }));
  const contribution = await database.prisma.contribution.findUniqueOrThrow({ where: { id } });
  const evaluation = await database.prisma.evaluation.findUniqueOrThrow({ where: { activeFor: id } });
  return { contribution, evaluation };
}

describe("what would have scored higher, for a member's first contribution", () => {
  it("lists, for each criterion under 7, the evidence its category expected and did not find", async () => {
    const first = await submitted("700000000000000001");
    const { contribution, evaluation } = await evaluated(first.id);
    const advice = await newcomerAdvice(deps, contribution, evaluation);
    expect(advice?.category).toBe("docs");
    const byCriterion = Object.fromEntries((advice?.criteria ?? []).map((c) => [c.criterion, c]));
    expect(byCriterion.impact?.missing.map((m) => m.evidence)).toEqual(["published_link"]);
    expect(byCriterion.effort?.missing.map((m) => m.evidence)).toEqual(["length"]);
    // The language pair is there; alignment is backed by no evidence: neither is listed.
    expect(byCriterion.quality).toBeUndefined();
    expect(byCriterion.alignment).toBeUndefined();
    for (const c of advice?.criteria ?? []) expect(c.score).toBeLessThan(7);

    // Her second is not her first; the first stays her first.
    const second = await submitted("700000000000000001", { title: "Translated the voting guide" });
    const later = await evaluated(second.id);
    expect(await newcomerAdvice(deps, later.contribution, later.evaluation)).toBeNull();
    expect(await isFirstContribution(deps, contribution)).toBe(true);
  });

  it("counts no withdrawn contribution as an earlier one", async () => {
    const withdrawn = await submitted("700000000000000002", { title: "A false start" });
    await withdrawContribution(deps, actor("700000000000000002"), withdrawn.id);
    const first = await submitted("700000000000000002");
    const { contribution, evaluation } = await evaluated(first.id);
    expect(await isFirstContribution(deps, contribution)).toBe(true);
    expect(await newcomerAdvice(deps, contribution, evaluation)).not.toBeNull();
  });

  it("says nothing for an override, an evaluation stored before its facts, or nothing missing where it scored low", async () => {
    const first = await submitted("700000000000000003");
    const { contribution, evaluation } = await evaluated(first.id);
    expect(await newcomerAdvice(deps, contribution, { ...evaluation, purpose: "override" })).toBeNull();
    expect(await newcomerAdvice(deps, contribution, { ...evaluation, explanation: null })).toBeNull();
    const complete = await submitted("700000000000000004", {
      description: "Translated the onboarding guide from English into Chinese: 12 pages.",
      links: ["https://docs.example.org/zh/guide"],
    });
    const done = await evaluated(complete.id);
    expect(await newcomerAdvice(deps, done.contribution, done.evaluation)).toBeNull();
    // Stored as null in the database too: an evaluation made before the column existed.
    await database.prisma.evaluation.update({ where: { id: evaluation.id }, data: { explanation: Prisma.DbNull } });
    const old = await database.prisma.evaluation.findUniqueOrThrow({ where: { id: evaluation.id } });
    expect(await newcomerAdvice(deps, contribution, old)).toBeNull();
  });
});
