import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/openDatabase.ts";
import { githubClaimKey } from "../../src/services/contributions/contributionIndex.ts";
import { fileAppeal, resolveAppeal } from "../../src/services/evaluations/appeals.ts";
import { actor, serviceDeps } from "../helpers/serviceDeps.ts";
import { contribution, pullFacts, recordEvaluation } from "../helpers/storedFacts.ts";
import { createTestDatabase } from "../helpers/testDatabase.ts";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

describe("the PRs a contribution claims on GitHub follow its active evaluation", () => {
  it("an accepted appeal's second pass makes its PRs the contribution's claims; a rejected one leaves them", async () => {
    const deps = serviceDeps(database);
    const author = actor("970000000000000001");
    const moderator = actor("970000000000000002");
    const githubClaims = async (id: number) =>
      (await database.prisma.contributionClaim.findMany({ where: { contributionId: id, source: "github" } }))
        .map((c) => c.key)
        .sort();
    for (const accept of [true, false]) {
      const c = await contribution(deps, author);
      await database.prisma.contribution.update({ where: { id: c.id }, data: { status: "evaluated" } });
      await recordEvaluation(database, c.id, [pullFacts({ nodeId: "PR_A1" })]);
      expect(await githubClaims(c.id)).toEqual([githubClaimKey("PR_A1")]);
      const { appeal } = await fileAppeal(deps, author, c.id, "The PR I meant is the other one.");
      const second = await recordEvaluation(database, c.id, [pullFacts({ nodeId: "PR_A2" })], { active: false });
      await database.prisma.appeal.update({ where: { id: appeal.id }, data: { secondEvaluationId: second.id } });
      await resolveAppeal(deps, moderator, appeal.id, accept);
      expect(await githubClaims(c.id)).toEqual([githubClaimKey(accept ? "PR_A2" : "PR_A1")]);
    }
  });
});
