import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/openDatabase.ts";
import { withdrawContribution } from "../../src/services/contributions/withdrawContribution.ts";
import { claimedByNodeId } from "../../src/services/github/claimedByNodeId.ts";
import { actor, serviceDeps } from "../helpers/serviceDeps.ts";
import { claimFacts, commitFacts, contribution, pullFacts, recordEvaluation } from "../helpers/storedFacts.ts";
import { createTestDatabase } from "../helpers/testDatabase.ts";

// A PR pays once in a guild: which earlier contributions already claimed the PR a new one links, by GitHub's node id.
// Each case uses PRs (node ids) of its own, so the cases share one database.
let database: Database;
let deps: ReturnType<typeof serviceDeps>;
beforeAll(async () => {
  database = await createTestDatabase();
  deps = serviceDeps(database);
});
afterAll(() => database.close());

let members = 0;
function member(guildId?: string) {
  members += 1;
  const a = actor(`9200000000000${String(members).padStart(5, "0")}`);
  return guildId ? { ...a, guildId } : a;
}

async function evaluated(author: ReturnType<typeof actor>, facts: unknown, options?: { active: boolean }) {
  const c = await contribution(deps, author);
  await recordEvaluation(database, c.id, facts, options);
  return c;
}

describe("the same PR claimed again, by node id", () => {
  it("names this contribution's link and every earlier contribution that verified the PR, however its link was written", async () => {
    const alice = member();
    const first = await evaluated(alice, [pullFacts({ nodeId: "PR_N1", repo: "old-name/app" })]);
    const second = await evaluated(member(), [
      pullFacts({ nodeId: "PR_N1", repo: "Old-Name/App", authorship: "unlinked" }),
    ]);
    const unrelated = await evaluated(alice, [pullFacts({ nodeId: "PR_N2", repo: "new-name/app" })]);
    const now = await contribution(deps, alice);
    const renamed = pullFacts({ nodeId: "PR_N1", repo: "new-name/app" });
    const byContribution = (l: { contributionId: number }[]) => l.sort((a, b) => a.contributionId - b.contributionId);
    expect(byContribution(await claimedByNodeId(deps, now, [renamed]))).toEqual([
      { key: renamed.key, contributionId: first.id },
      { key: renamed.key, contributionId: second.id },
    ]);
    // Each of the new contribution's PRs under its own link; a PR nobody claimed before is not named.
    const other = pullFacts({ nodeId: "PR_N2", repo: "new-name/app" });
    const fresh = pullFacts({ nodeId: "PR_N3", repo: "new-name/app" });
    expect(await claimedByNodeId(deps, now, [fresh, other])).toEqual([
      { key: other.key, contributionId: unrelated.id },
    ]);
    expect(await claimedByNodeId(deps, now, [fresh])).toEqual([]);
  });

  it("only PRs verified as the member's are looked up: not a claim, a commit or someone else's PR", async () => {
    const bob = member();
    const claimed = await evaluated(bob, [pullFacts({ nodeId: "PR_N10" })]);
    const now = await contribution(deps, bob);
    expect(await claimedByNodeId(deps, now, [claimFacts(10)])).toEqual([]);
    expect(await claimedByNodeId(deps, now, [commitFacts()])).toEqual([]);
    // Someone else's PR is refused as evidence (not_authors_work): it earns nothing, so it claims nothing twice.
    expect(await claimedByNodeId(deps, now, [pullFacts({ nodeId: "PR_N10", authorship: "other" })])).toEqual([]);
    const mine = pullFacts({ nodeId: "PR_N10" });
    expect(await claimedByNodeId(deps, now, [claimFacts(10), commitFacts(), mine])).toEqual([
      { key: mine.key, contributionId: claimed.id },
    ]);
  });

  it("an earlier claim, commit or refused PR was never paid and does not count", async () => {
    const carol = member();
    await evaluated(carol, [claimFacts(20), commitFacts(), pullFacts({ nodeId: "PR_N20", authorship: "other" })]);
    const now = await contribution(deps, carol);
    expect(await claimedByNodeId(deps, now, [pullFacts({ nodeId: "PR_N20" })])).toEqual([]);
  });
});

describe("which earlier contributions count", () => {
  it("a paid one and another member's do; a withdrawn one, a superseded evaluation, another guild's do not", async () => {
    const dan = member();
    const pr = () => [pullFacts({ nodeId: "PR_N30" })];
    const withdrawn = await evaluated(dan, pr());
    await withdrawContribution(deps, dan, withdrawn.id);
    const superseded = await evaluated(dan, pr(), { active: false });
    await recordEvaluation(database, superseded.id, [commitFacts()]);
    await evaluated(member("200000000000000002"), pr());
    const now = await contribution(deps, dan);
    expect(await claimedByNodeId(deps, now, pr())).toEqual([]);

    const paid = await evaluated(dan, pr());
    const epoch = await database.prisma.epoch.create({
      data: {
        guildId: dan.guildId,
        number: 9101,
        startsAt: new Date("2026-10-01T00:00:00Z"),
        budget: "0",
        status: "closed",
      },
    });
    await database.prisma.contribution.update({ where: { id: paid.id }, data: { epochId: epoch.id } });
    const later = await contribution(deps, dan);
    expect(await claimedByNodeId(deps, later, pr())).toEqual([{ key: pr()[0]?.key, contributionId: paid.id }]);
  });

  it("a later contribution does not make the earlier one's PR claimed elsewhere", async () => {
    const erin = member();
    const first = await evaluated(erin, [pullFacts({ nodeId: "PR_N40" })]);
    const second = await evaluated(erin, [pullFacts({ nodeId: "PR_N40" })]);
    expect(await claimedByNodeId(deps, first, [pullFacts({ nodeId: "PR_N40" })])).toEqual([]);
    expect(await claimedByNodeId(deps, second, [pullFacts({ nodeId: "PR_N40" })])).toEqual([
      { key: pullFacts({ nodeId: "PR_N40" }).key, contributionId: first.id },
    ]);
  });

  it("names each earlier claim by contribution, then by PR, whatever order they were written in", async () => {
    const fay = member();
    const [late, early] = [pullFacts({ nodeId: "PR_N59" }), pullFacts({ nodeId: "PR_N51" })];
    const first = await evaluated(fay, [late, early]);
    const second = await evaluated(fay, [early]);
    const now = await contribution(deps, fay);
    expect(await claimedByNodeId(deps, now, [early, late])).toEqual([
      { key: early.key, contributionId: first.id },
      { key: late.key, contributionId: first.id },
      { key: early.key, contributionId: second.id },
    ]);
  });
});
