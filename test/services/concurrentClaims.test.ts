import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/openDatabase.ts";
import {
  contributionIndex,
  githubClaimKey,
  writeGithubClaims,
} from "../../src/services/contributions/contributionIndex.ts";
import { indexContributions } from "../../src/services/contributions/indexContributions.ts";
import { submitContribution } from "../../src/services/contributions/submitContribution.ts";
import { actor, serviceDeps } from "../helpers/serviceDeps.ts";
import { contribution, pullFacts } from "../helpers/storedFacts.ts";
import { createTestDatabase } from "../helpers/testDatabase.ts";

let database: Database;
let deps: ReturnType<typeof serviceDeps>;
beforeAll(async () => {
  database = await createTestDatabase();
  deps = serviceDeps(database);
});
afterAll(() => database.close());

describe("a contribution's GitHub claims written by two transactions at once", () => {
  it("leaves each claim once, and neither transaction fails on the other's uncommitted rows", async () => {
    const c = await contribution(deps, actor("930000000000000001"));
    const facts = [pullFacts({ nodeId: "PR_C1" })];
    let release = () => {};
    const gate = new Promise<void>((r) => {
      release = r;
    });
    let entered = () => {};
    const inFirst = new Promise<void>((r) => {
      entered = r;
    });
    const first = database.prisma.$transaction(async (tx) => {
      await writeGithubClaims(tx, c, facts);
      entered();
      await gate;
    });
    await inFirst;
    // The second writes the same keys while the first holds them uncommitted: it waits for the first to commit.
    const second = database.prisma.$transaction(async (tx) => writeGithubClaims(tx, c, facts));
    await new Promise((r) => setTimeout(r, 500));
    release();
    await Promise.all([first, second]);
    const claims = await database.prisma.contributionClaim.findMany({
      where: { contributionId: c.id, source: "github" },
    });
    expect(claims.map((x) => x.key)).toEqual([githubClaimKey("PR_C1")]);
  });

  it("lets a second process index a row while the first commits the same claims: it only repeats the work", async () => {
    const who = actor("930000000000000002");
    const draft = { title: "Docs", description: "Wrote them.", category: "code" as const };
    const c = await submitContribution(deps, who, { ...draft, links: ["https://docs.dao.org/guide"] });
    await database.prisma.contributionClaim.deleteMany({ where: { contributionId: c.id } });
    await database.prisma.contribution.update({ where: { id: c.id }, data: { indexVersion: 0 } });
    const [key] = contributionIndex({ ...draft, links: ["https://docs.dao.org/guide"] }).linkKeys;
    let release = () => {};
    const gate = new Promise<void>((r) => {
      release = r;
    });
    let entered = () => {};
    const inOther = new Promise<void>((r) => {
      entered = r;
    });
    // The other process's batch: the same claim, written and not yet committed.
    const other = database.prisma.$transaction(async (tx) => {
      await tx.contributionClaim.create({
        data: { guildId: who.guildId, contributionId: c.id, key: key as string, source: "link" },
      });
      entered();
      await gate;
    });
    await inOther;
    const mine = indexContributions(database.prisma);
    await new Promise((r) => setTimeout(r, 500));
    release();
    await other;
    expect(await mine).toBe(1);
    const claims = await database.prisma.contributionClaim.findMany({ where: { contributionId: c.id } });
    expect(claims.map((x) => `${x.source} ${x.key}`)).toEqual([`link ${key}`]);
  });
});
