import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/openDatabase.ts";
import { validateContribution } from "../../src/services/contributions/contributionRules.ts";
import { listContributions } from "../../src/services/contributions/listContributions.ts";
import { submitContribution } from "../../src/services/contributions/submitContribution.ts";
import { withdrawContribution } from "../../src/services/contributions/withdrawContribution.ts";
import type { UserError } from "../../src/services/errors.ts";
import { actor, serviceDeps } from "../helpers/serviceDeps.ts";
import { createTestDatabase } from "../helpers/testDatabase.ts";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const draft = { title: "Fix docs", description: "Rewrote it", category: "docs" as const, links: [] };

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return (e as UserError).code;
  }
  return undefined;
}

describe("validateContribution", () => {
  it("trims, normalises links and rounds hours", () => {
    expect(
      validateContribution({ ...draft, title: "  Fix docs ", links: [" https://Example.com/a ", ""], hours: 1.234 }),
    ).toEqual({
      ...draft,
      links: ["https://example.com/a"],
      hours: 1.23,
    });
  });

  it.each([
    [{ title: "" }, "field_empty"],
    [{ title: "x".repeat(121) }, "field_too_long"],
    [{ description: "x".repeat(4001) }, "field_too_long"],
    [{ links: ["a", "b", "c", "d", "e", "f"].map((l) => `https://x.org/${l}`) }, "too_many_links"],
    [{ links: ["mailto:a@b.c"] }, "invalid_link"],
    [{ links: ["http://"] }, "invalid_link"],
    [{ hours: 0 }, "invalid_hours"],
    [{ hours: Number.NaN }, "invalid_hours"],
  ])("refuses %j with %s", (change, code) => {
    expect(codeOf(() => validateContribution({ ...draft, ...change }))).toBe(code);
  });
});

describe("contribution services", () => {
  it("submits, lists by author and status, and withdraws with the rules applied", async () => {
    const deps = serviceDeps(database);
    const a = actor("200000000000000001", "ann");
    const b = actor("200000000000000002", "ben");
    const first = await submitContribution(deps, a, draft);
    expect(first.status).toBe("submitted");
    await expect(submitContribution(deps, a, { ...draft, title: "FIX  docs" })).rejects.toMatchObject({
      code: "duplicate_submission",
    });
    deps.clock.now = new Date(deps.clock.now.getTime() + 60_001);
    const second = await submitContribution(deps, a, { ...draft, title: "FIX  docs" });
    await submitContribution(deps, b, draft);

    const mine = await listContributions(deps, { guildId: a.guildId, authorDiscordId: a.discordId, page: 1 });
    expect(mine.items.map((c) => c.id)).toEqual([second.id, first.id]);
    const all = await listContributions(deps, { guildId: a.guildId, page: 9 });
    expect(all).toMatchObject({ total: 3, page: 1, pages: 1 });

    await expect(withdrawContribution(deps, b, first.id)).rejects.toMatchObject({ code: "not_contribution_author" });
    await withdrawContribution(deps, a, first.id);
    await expect(withdrawContribution(deps, a, first.id)).rejects.toMatchObject({
      code: "contribution_not_withdrawable",
    });
    const withdrawn = await listContributions(deps, { guildId: a.guildId, status: "withdrawn", page: 1 });
    expect(withdrawn.items.map((c) => c.id)).toEqual([first.id]);
  });

  it("lets exactly one of two concurrent withdrawals win", async () => {
    const deps = serviceDeps(database);
    const a = actor("200000000000000003");
    const c = await submitContribution(deps, a, { ...draft, title: "Race" });
    const results = await Promise.allSettled([
      withdrawContribution(deps, a, c.id),
      withdrawContribution(deps, a, c.id),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const events = await database.prisma.auditEvent.count({
      where: { subjectId: String(c.id), action: "contribution.withdrawn" },
    });
    expect(events).toBe(1);
  });
});
