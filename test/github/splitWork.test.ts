import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { JsonColumnError } from "../../src/db/json/readJsonColumn.ts";
import type { Database } from "../../src/db/openDatabase.ts";
import { TRIVIAL_LINES } from "../../src/llm/verifiedWork.ts";
import { withdrawContribution } from "../../src/services/contributions/withdrawContribution.ts";
import { SPLIT_WINDOW_MS, splitWork } from "../../src/services/github/splitWork.ts";
import { actor, serviceDeps } from "../helpers/serviceDeps.ts";
import { at, claimFacts, commitFacts, contribution, pullFacts, recordEvaluation } from "../helpers/storedFacts.ts";
import { createTestDatabase } from "../helpers/testDatabase.ts";

// Which of a member's earlier, unpaid contributions make a new one look like a piece of one change (held as split
// work): the rule read directly against the database, one member per case.
let database: Database;
let testDeps: ReturnType<typeof serviceDeps>;
beforeAll(async () => {
  database = await createTestDatabase();
  testDeps = serviceDeps(database);
});
afterAll(() => database.close());

let members = 0;
function member() {
  members += 1;
  return actor(`9100000000000${String(members).padStart(5, "0")}`);
}
const deps = () => testDeps;

/** A member's contribution that was evaluated with these facts. */
async function evaluated(author: ReturnType<typeof actor>, facts: unknown, options?: { active: boolean }) {
  const c = await contribution(deps(), author);
  await recordEvaluation(database, c.id, facts, options);
  return c;
}

describe("split work: PRs of one repository opened close together", () => {
  it("holds the later contribution, naming the earlier; the earlier, evaluated again, is not held for the later", async () => {
    const alice = member();
    const first = await evaluated(alice, [pullFacts({ nodeId: "PR_1", createdAt: at(0) })]);
    const second = await contribution(deps(), alice);
    const secondFacts = [pullFacts({ nodeId: "PR_2", createdAt: at(47) })];
    await recordEvaluation(database, second.id, secondFacts);
    expect(await splitWork(deps(), { id: second.id, authorId: second.authorId }, secondFacts)).toEqual([first.id]);
    expect(
      await splitWork(deps(), first, [pullFacts({ nodeId: "PR_1", createdAt: at(0) })]),
      "a later contribution never makes an earlier one split work",
    ).toEqual([]);
  });

  it("exactly SPLIT_WINDOW_MS apart is held, a millisecond more is not (either way round)", async () => {
    expect(SPLIT_WINDOW_MS).toBe(48 * 3600_000);
    const bob = member();
    const first = await evaluated(bob, [pullFacts({ nodeId: "PR_10", createdAt: at(100) })]);
    const now = await contribution(deps(), bob);
    const opened = (h: number, ms = 0) => [pullFacts({ nodeId: "PR_11", createdAt: at(h, ms) })];
    expect(await splitWork(deps(), now, opened(148))).toEqual([first.id]);
    expect(await splitWork(deps(), now, opened(148, 1))).toEqual([]);
    // A PR opened before the one claimed earlier is as close to it.
    expect(await splitWork(deps(), now, opened(52))).toEqual([first.id]);
    expect(await splitWork(deps(), now, opened(52, -1))).toEqual([]);
  });

  it("PRs opened weeks apart, each a real piece of work, are not split work", async () => {
    const carol = member();
    await evaluated(carol, [pullFacts({ nodeId: "PR_20", createdAt: at(0) })]);
    const now = await contribution(deps(), carol);
    expect(await splitWork(deps(), now, [pullFacts({ nodeId: "PR_21", createdAt: at(24 * 30) })])).toEqual([]);
  });
});

describe("split work: PR farming (a trivially small PR) is held however far apart", () => {
  it(`fewer than TRIVIAL_LINES (${TRIVIAL_LINES}) lines of work is held; exactly TRIVIAL_LINES is not`, async () => {
    const dan = member();
    const first = await evaluated(dan, [pullFacts({ nodeId: "PR_30", createdAt: at(0) })]);
    const now = await contribution(deps(), dan);
    const weeksLater = (additions: number, deletions: number) => [
      pullFacts({ nodeId: "PR_31", createdAt: at(24 * 60), additions, deletions }),
    ];
    expect(await splitWork(deps(), now, weeksLater(5, 4))).toEqual([first.id]);
    expect(await splitWork(deps(), now, weeksLater(6, 4))).toEqual([]);
    // Deleted lines are work as much as added ones: removing 20 lines for 6 added is not trivial.
    expect(await splitWork(deps(), now, weeksLater(6, 20))).toEqual([]);
  });

  it("lockfile and generated lines are not work: 400 of them around 4 lines of code is trivially small", async () => {
    const erin = member();
    const first = await evaluated(erin, [pullFacts({ nodeId: "PR_40", createdAt: at(0) })]);
    const now = await contribution(deps(), erin);
    const weeksLater = (additions: number, deletions: number, apart: { additions: number; deletions: number }) => [
      pullFacts({ nodeId: "PR_41", createdAt: at(24 * 60), additions, deletions, apart }),
    ];
    expect(await splitWork(deps(), now, weeksLater(202, 202, { additions: 200, deletions: 200 }))).toEqual([first.id]);
    expect(await splitWork(deps(), now, weeksLater(3, 201, { additions: 0, deletions: 200 }))).toEqual([first.id]);
    expect(await splitWork(deps(), now, weeksLater(203, 1, { additions: 200, deletions: 0 }))).toEqual([first.id]);
    // 100 lines of code beside a lockfile are still 100 lines of work.
    expect(await splitWork(deps(), now, weeksLater(400, 0, { additions: 300, deletions: 0 }))).toEqual([]);
  });
});

describe("split work: which links and repositories count", () => {
  it("another repository is another piece of work; the repository name's case does not matter", async () => {
    const frank = member();
    const first = await evaluated(frank, [pullFacts({ nodeId: "PR_50", repo: "acme/app", createdAt: at(0) })]);
    await evaluated(frank, [pullFacts({ nodeId: "PR_51", repo: "acme/other", createdAt: at(1) })]);
    await evaluated(frank, [pullFacts({ nodeId: "PR_52", repo: "forks/app", createdAt: at(1) })]);
    const now = await contribution(deps(), frank);
    const opened = (repo: string) => [pullFacts({ nodeId: "PR_53", repo, createdAt: at(2) })];
    expect(await splitWork(deps(), now, opened("ACME/App"))).toEqual([first.id]);
    expect(await splitWork(deps(), now, opened("somebody/else"))).toEqual([]);
  });

  it("one of the contribution's PRs close to an earlier one is enough", async () => {
    const gina = member();
    const first = await evaluated(gina, [pullFacts({ nodeId: "PR_60", repo: "acme/app", createdAt: at(0) })]);
    const now = await contribution(deps(), gina);
    const facts = [
      pullFacts({ nodeId: "PR_61", repo: "acme/elsewhere", createdAt: at(1) }),
      pullFacts({ nodeId: "PR_62", repo: "acme/app", createdAt: at(1) }),
    ];
    expect(await splitWork(deps(), now, facts)).toEqual([first.id]);
  });

  it("the same PR claimed again is the shared-link rule's, not split work, however small", async () => {
    const hugo = member();
    await evaluated(hugo, [pullFacts({ nodeId: "PR_70", createdAt: at(0), additions: 2, deletions: 0 })]);
    const now = await contribution(deps(), hugo);
    const again = pullFacts({ nodeId: "PR_70", createdAt: at(0), additions: 2, deletions: 0 });
    expect(await splitWork(deps(), now, [again])).toEqual([]);
  });

  it("only the member's own verified PRs count, on either side: not claims, commits or someone else's PR", async () => {
    const ida = member();
    // Earlier: a link GitHub could not read, a commit, and someone else's PR, all of acme/app and close in time.
    await evaluated(ida, [claimFacts(80), commitFacts(), pullFacts({ nodeId: "PR_81", authorship: "other" })]);
    const now = await contribution(deps(), ida);
    const near = pullFacts({ nodeId: "PR_82", createdAt: at(1) });
    expect(await splitWork(deps(), now, [near])).toEqual([]);

    const own = await evaluated(ida, [pullFacts({ nodeId: "PR_83", createdAt: at(0) })]);
    const later = await contribution(deps(), ida);
    expect(await splitWork(deps(), later, [claimFacts(84)])).toEqual([]);
    expect(await splitWork(deps(), later, [commitFacts()])).toEqual([]);
    expect(await splitWork(deps(), later, [pullFacts({ nodeId: "PR_85", authorship: "other" })])).toEqual([]);
    // A member with no linked GitHub account: authorship unproven, the PR still theirs as far as this rule goes.
    expect(await splitWork(deps(), later, [pullFacts({ nodeId: "PR_86", authorship: "unlinked" })])).toEqual([own.id]);
    expect(await splitWork(deps(), later, [claimFacts(87), commitFacts(), near])).toEqual([own.id]);
  });
});

describe("split work: which earlier contributions count", () => {
  it("not a withdrawn one, a paid one, a superseded evaluation or another member's; an unpaid one does", async () => {
    const jo = member();
    const close = (nodeId: string) => [pullFacts({ nodeId, createdAt: at(0) })];
    const withdrawn = await evaluated(jo, close("PR_90"));
    await withdrawContribution(deps(), jo, withdrawn.id);
    const paid = await evaluated(jo, close("PR_91"));
    const epoch = await database.prisma.epoch.create({
      data: { guildId: jo.guildId, number: 9001, startsAt: new Date(at(-24)), budget: "0", status: "closed" },
    });
    await database.prisma.contribution.update({ where: { id: paid.id }, data: { epochId: epoch.id } });
    // Re-evaluated since (say, on appeal) without the PR: the old evaluation no longer stands.
    const superseded = await evaluated(jo, close("PR_92"), { active: false });
    await recordEvaluation(database, superseded.id, [commitFacts()]);
    await evaluated(member(), close("PR_93"));
    const now = await contribution(deps(), jo);
    const facts = [pullFacts({ nodeId: "PR_94", createdAt: at(1) })];
    expect(await splitWork(deps(), now, facts)).toEqual([]);

    const unpaid = await evaluated(jo, close("PR_95"));
    const later = await contribution(deps(), jo);
    expect(await splitWork(deps(), later, facts)).toEqual([unpaid.id]);
  });

  it("names each earlier contribution once, in the order they were submitted", async () => {
    const kim = member();
    // Titles, and the order they were evaluated in (retries), the other way round from the order submitted.
    const first = await contribution(deps(), kim, "Zeta: the parser");
    const second = await contribution(deps(), kim, "Mu: the parser's errors");
    const third = await contribution(deps(), kim, "Alpha: the parser's tests");
    await recordEvaluation(database, third.id, [pullFacts({ nodeId: "PR_104", createdAt: at(2) })]);
    await recordEvaluation(database, second.id, [pullFacts({ nodeId: "PR_101", createdAt: at(1) })]);
    await recordEvaluation(database, first.id, [
      pullFacts({ nodeId: "PR_100", createdAt: at(0) }),
      pullFacts({ nodeId: "PR_102", createdAt: at(2) }),
    ]);
    const now = await contribution(deps(), kim);
    expect(await splitWork(deps(), now, [pullFacts({ nodeId: "PR_103", createdAt: at(3) })])).toEqual([
      first.id,
      second.id,
      third.id,
    ]);
  });

  it("stored facts Steward did not write stop the check, naming the evaluation for a person to look at", async () => {
    const lee = member();
    const bad = await contribution(deps(), lee);
    const row = await recordEvaluation(database, bad.id, [{ status: "verified", key: "github.com/acme/app/pr/1" }]);
    const now = await contribution(deps(), lee);
    const error = await splitWork(deps(), now, [pullFacts({ nodeId: "PR_110" })]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JsonColumnError);
    expect(error).toMatchObject({ table: "Evaluation", column: "githubFacts", id: row.id });
  });
});
