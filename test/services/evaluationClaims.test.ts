import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/openDatabase.ts";
import { submitContribution } from "../../src/services/contributions/submitContribution.ts";
import { withdrawContribution } from "../../src/services/contributions/withdrawContribution.ts";
import { claimSubmitted } from "../../src/services/evaluations/claimSubmitted.ts";
import { evaluateContribution } from "../../src/services/evaluations/evaluateContribution.ts";
import { actor, serviceDeps } from "../helpers/serviceDeps.ts";
import { createTestDatabasePair } from "../helpers/testDatabase.ts";

let database: Database & { url?: string };
let second: Database | undefined;
beforeAll(async () => {
  ({ database, second } = await createTestDatabasePair());
});
afterAll(async () => {
  await second?.close();
  await database.close();
});

const draft = (n: number) => ({ title: `Item ${n}`, description: "Did a thing.", category: "ops" as const, links: [] });

describe("evaluation claims", () => {
  it("never hands one contribution to two claimers", async () => {
    const a = serviceDeps(database);
    const b = serviceDeps(second ?? database);
    for (let i = 0; i < 30; i++) await submitContribution(a, actor(String(600000000000000000n + BigInt(i))), draft(i));
    const [x, y, z] = await Promise.all([claimSubmitted(a, 12), claimSubmitted(b, 12), claimSubmitted(a, 12)]);
    const all = [...(x ?? []), ...(y ?? []), ...(z ?? [])];
    expect(new Set(all).size).toBe(all.length);
    // Claimers that lose a race skip the row; the job claims again until nothing is left.
    const rest = await claimSubmitted(a, 100);
    expect(new Set([...all, ...rest]).size).toBe(30);
    expect(all.length + rest.length).toBe(30);
  });

  it("retakes a claim whose worker died, and lets a withdrawal during evaluation win", async () => {
    const clock = { now: new Date("2026-11-26T12:00:00Z") };
    const deps = serviceDeps(database, clock);
    const me = actor("610000000000000001");
    const c = await submitContribution(deps, me, draft(99));
    expect(await claimSubmitted(deps, 100)).toContain(c.id);
    expect(await claimSubmitted(deps, 100)).not.toContain(c.id);
    clock.now = new Date(clock.now.getTime() + 11 * 60_000);
    expect(await claimSubmitted(deps, 100)).toContain(c.id);
    await withdrawContribution(deps, me, c.id);
    expect(await evaluateContribution(deps, c.id)).toBeNull();
    expect(await database.prisma.evaluation.count({ where: { contributionId: c.id } })).toBe(0);
  });
});
