import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { JsonColumnError } from "../../src/db/json/readJsonColumn.ts";
import type { Database } from "../../src/db/openDatabase.ts";
import { Prisma } from "../../src/generated/prisma/client.ts";
import { minHashBands } from "../../src/llm/minHashBands.ts";
import {
  CONTRIBUTION_INDEX_VERSION,
  contributionIndex,
  githubClaimKey,
  githubClaimKeys,
} from "../../src/services/contributions/contributionIndex.ts";
import { indexContributions } from "../../src/services/contributions/indexContributions.ts";
import { submitContribution } from "../../src/services/contributions/submitContribution.ts";
import { withdrawContribution } from "../../src/services/contributions/withdrawContribution.ts";
import { buildEvaluationInput } from "../../src/services/evaluations/buildEvaluationInput.ts";
import { actor, serviceDeps } from "../helpers/serviceDeps.ts";
import { claimFacts, commitFacts, pullFacts, recordEvaluation } from "../helpers/storedFacts.ts";
import { createTestDatabase } from "../helpers/testDatabase.ts";

let database: Database;
let deps: ReturnType<typeof serviceDeps>;
beforeAll(async () => {
  database = await createTestDatabase();
  deps = serviceDeps(database);
});
afterAll(() => database.close());

let n = 0;
/** A member of a guild of its own: each case reads only its own history. */
function member(guild = 0) {
  n += 1;
  return {
    ...actor(`94000000000000${String(n).padStart(4, "0")}`),
    guildId: `9400000000000${String(n + guild).padStart(5, "0")}`,
  };
}
async function submit(
  who: ReturnType<typeof member>,
  draft: { title: string; description: string; links?: string[]; hours?: number },
) {
  deps.clock.now = new Date(deps.clock.now.getTime() + 61_000);
  return submitContribution(deps, who, { links: [], category: "code", ...draft });
}
const withAuthor = async (id: number) =>
  database.prisma.contribution.findUniqueOrThrow({ where: { id }, include: { author: true } });

describe("the contribution index, written with the contribution", () => {
  it("stores the text's bands and each distinct link's claim in the same transaction as the submission", async () => {
    const ana = member();
    const c = await submit(ana, {
      title: "Vote closer",
      description: "Fixed the race, see https://github.com/Dao/App/pull/7/files and the issue.",
      links: ["https://github.com/dao/app/pull/7", "https://docs.dao.org/closer"],
    });
    const row = await database.prisma.contribution.findUniqueOrThrow({ where: { id: c.id } });
    expect(row.bands).toEqual(minHashBands(`${row.title}\n${row.description}`));
    expect(row.indexVersion).toBe(CONTRIBUTION_INDEX_VERSION);
    const claims = await database.prisma.contributionClaim.findMany({ where: { contributionId: c.id } });
    expect(claims.map((x) => [x.key, x.source, x.guildId]).sort()).toEqual(
      contributionIndex(row)
        .linkKeys.map((k) => [k, "link", ana.guildId])
        .sort(),
    );
    // The PR linked twice, spelled two ways, is one claim.
    expect(claims).toHaveLength(2);
  });

  it("finds who else claimed a link with one indexed read: earlier, not withdrawn, same guild", async () => {
    const bo = member();
    const link = "https://github.com/dao/app/pull/8";
    const first = await submit(bo, { title: "First", description: "Did the first part.", links: [link] });
    const withdrawn = await submit(bo, { title: "Second", description: "Did the second part.", links: [link] });
    await withdrawContribution(deps, bo, withdrawn.id);
    await submit(
      { ...member(), guildId: "940000000000099999" },
      { title: "Elsewhere", description: "x", links: [link] },
    );
    const now = await submit(bo, { title: "Third", description: `Did more, ${link}.` });
    const later = await submit(bo, { title: "Fourth", description: "Then this.", links: [link] });
    const input = await buildEvaluationInput(deps, await withAuthor(now.id));
    expect(input.claimedElsewhere).toEqual([{ key: "github.com/dao/app/pr/8", contributionId: first.id }]);
    // A later contribution does not make this one's link claimed elsewhere.
    expect((await buildEvaluationInput(deps, await withAuthor(first.id))).claimedElsewhere).toEqual([]);
    expect((await buildEvaluationInput(deps, await withAuthor(later.id))).claimedElsewhere).toEqual([
      { key: "github.com/dao/app/pr/8", contributionId: first.id },
      { key: "github.com/dao/app/pr/8", contributionId: now.id },
    ]);
  });

  it("counts the author's track record by what they submitted before, whatever was evaluated first", async () => {
    const cy = member();
    const a = await submit(cy, { title: "A", description: "One." });
    const b = await submit(cy, { title: "B", description: "Two." });
    const w = await submit(cy, { title: "W", description: "Withdrawn." });
    await withdrawContribution(deps, cy, w.id);
    const c = await submit(cy, { title: "C", description: "Three." });
    // Nothing of theirs is evaluated yet; evaluating C before B or after gives C the same record.
    expect((await buildEvaluationInput(deps, await withAuthor(c.id))).authorTrackRecord).toBe(2);
    expect((await buildEvaluationInput(deps, await withAuthor(b.id))).authorTrackRecord).toBe(1);
    expect((await buildEvaluationInput(deps, await withAuthor(a.id))).authorTrackRecord).toBe(0);
    await database.prisma.contribution.update({ where: { id: b.id }, data: { status: "evaluated" } });
    expect((await buildEvaluationInput(deps, await withAuthor(c.id))).authorTrackRecord).toBe(2);
  });

  it("compares only candidates sharing a band, in the guild, earlier and not withdrawn, oldest first", async () => {
    const di = member();
    const text = { title: "Docs", description: "Rewrote the onboarding guide with tested steps for Node 20 users." };
    const original = await submit(di, text);
    const unrelated = await submit(di, {
      title: "Other",
      description: "Profiled the lease scheduler and cut its time.",
    });
    const copy = await submit(di, { ...text, title: "docs" });
    const withdrawnCopy = await submit(di, text);
    await withdrawContribution(deps, di, withdrawnCopy.id);
    await submit({ ...member(), guildId: "940000000000088888" }, text);
    const now = await submit(di, text);
    const input = await buildEvaluationInput(deps, await withAuthor(now.id));
    expect(input.earlier.map((e) => e.id)).toEqual([original.id, copy.id]);
    expect(input.earlier.map((e) => e.id)).not.toContain(unrelated.id);
    expect(input.earlier[0]).toEqual({ id: original.id, text: `${text.title}\n${text.description}`, sameAuthor: true });
  });

  it("gives the submission as written, another author's copy as not theirs, and nothing claimed without links", async () => {
    const gus = member();
    const text = { title: "Bench", description: "Measured the evaluator with a hundred thousand earlier rows." };
    const theirs = await submit({ ...member(), guildId: gus.guildId }, text);
    const now = await submit(gus, { ...text, hours: 2.5 });
    const input = await buildEvaluationInput(deps, await withAuthor(now.id));
    expect(input).toMatchObject({ title: text.title, description: text.description, category: "code", links: [] });
    expect(input.hours).toBe(2.5);
    expect(input.earlier).toEqual([{ id: theirs.id, text: `${text.title}\n${text.description}`, sameAuthor: false }]);
    expect(input.claimedElsewhere).toEqual([]);
    expect((await buildEvaluationInput(deps, await withAuthor(theirs.id))).hours).toBeNull();
  });

  it("compares a text without words with nothing", async () => {
    const hal = member();
    const c = await submit(hal, { title: "Wordless", description: "Nothing here." });
    await submit(hal, { title: "Earlier", description: "Some words here." });
    const row = await withAuthor(c.id);
    const input = await buildEvaluationInput(deps, { ...row, id: row.id + 1, title: "!!!", description: "--- ..." });
    expect(input.earlier).toEqual([]);
  });

  it("names each earlier claim of each of its links once, by contribution then key, and no other link's", async () => {
    const ivy = member();
    const [a, z, other] = ["a-first", "z-last", "unrelated"].map((p) => `https://docs.dao.org/${p}`);
    // Written key z before key a, and in an earlier contribution than a later claim of a alone.
    const first = await submit(ivy, { title: "First", description: "Both pages.", links: [z as string, a as string] });
    const second = await submit(ivy, { title: "Second", description: "One page.", links: [a as string] });
    await submit(ivy, { title: "Third", description: "Another page.", links: [other as string] });
    const now = await submit(ivy, { title: "Now", description: "Both again.", links: [a as string, z as string] });
    const input = await buildEvaluationInput(deps, await withAuthor(now.id));
    const [ka, kz] = contributionIndex({ title: "", description: "", links: [a as string, z as string] }).linkKeys;
    expect(input.claimedElsewhere).toEqual([
      { key: ka, contributionId: first.id },
      { key: kz, contributionId: first.id },
      { key: ka, contributionId: second.id },
    ]);
  });
});

describe("indexing the contributions stored before the index existed", () => {
  it("writes bands, link claims and the latest GitHub-reading evaluation's PRs, in batches, once", async () => {
    const eve = member();
    const a = await submit(eve, { title: "A", description: "A PR.", links: ["https://github.com/acme/app/pull/61"] });
    const b = await submit(eve, { title: "B", description: "Another." });
    await recordEvaluation(database, a.id, [pullFacts({ nodeId: "PR_I61" })], { active: false });
    await recordEvaluation(database, a.id, [pullFacts({ nodeId: "PR_I62" }), commitFacts()]);
    // As a database from before the migration: nothing indexed.
    await database.prisma.contributionClaim.deleteMany({});
    await database.prisma.contribution.updateMany({ data: { bands: [], indexVersion: 0 } });
    const total = await database.prisma.contribution.count();
    expect(await indexContributions(database.prisma, 2)).toBe(total);
    const rows = await database.prisma.contribution.findMany({
      where: { id: { in: [a.id, b.id] } },
      orderBy: { id: "asc" },
    });
    for (const r of rows) {
      expect(r.indexVersion).toBe(CONTRIBUTION_INDEX_VERSION);
      expect([...r.bands].sort()).toEqual(minHashBands(`${r.title}\n${r.description}`).sort());
    }
    const claims = await database.prisma.contributionClaim.findMany({ where: { contributionId: a.id } });
    expect(claims.map((c) => `${c.source} ${c.key}`).sort()).toEqual([
      `github ${githubClaimKey("PR_I62")}`,
      "link github.com/acme/app/pr/61",
    ]);
    expect(await indexContributions(database.prisma)).toBe(0);
  });

  it("stops at stored facts Steward did not write, naming the evaluation for a person to look at", async () => {
    const fay = member();
    const bad = await submit(fay, { title: "Bad", description: "Facts nobody wrote." });
    const row = await recordEvaluation(database, bad.id, [{ status: "claim", key: "github.com/acme/app/pr/1" }]);
    await database.prisma.contribution.update({ where: { id: bad.id }, data: { indexVersion: 0 } });
    const error = await indexContributions(database.prisma).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JsonColumnError);
    expect(error).toMatchObject({ table: "Evaluation", column: "githubFacts", id: row.id });
    await database.prisma.evaluation.delete({ where: { id: row.id } });
    expect(await indexContributions(database.prisma)).toBe(1);
  });

  it("takes the facts of the latest evaluation that read GitHub, by id, and leaves indexed contributions' claims", async () => {
    const gil = member();
    const done = await submit(gil, { title: "Done", description: "Indexed.", links: ["https://docs.dao.org/done"] });
    const c = await submit(gil, { title: "Old", description: "Before the index." });
    const older = await recordEvaluation(database, c.id, [pullFacts({ nodeId: "PR_I71" })], { active: false });
    const newer = await recordEvaluation(database, c.id, [pullFacts({ nodeId: "PR_I72" })], { active: false });
    // The older row moved after the newer one, on disk and by time (two processes' clocks): only ids tell which is last.
    await database.prisma.evaluation.update({
      where: { id: older.id },
      data: { createdAt: new Date(newer.createdAt.getTime() + 60_000) },
    });
    // A later evaluation that did not read GitHub says nothing about what the contribution claims there.
    const unread = await recordEvaluation(database, c.id, [], { active: false });
    await database.prisma.evaluation.update({ where: { id: unread.id }, data: { githubFacts: Prisma.DbNull } });
    await database.prisma.contribution.update({ where: { id: c.id }, data: { indexVersion: 0 } });
    const before = await database.prisma.contributionClaim.findMany({ where: { contributionId: done.id } });
    expect(before).toHaveLength(1);
    expect(await indexContributions(database.prisma)).toBe(1);
    const claims = await database.prisma.contributionClaim.findMany({ where: { contributionId: c.id } });
    expect(claims.map((x) => `${x.source} ${x.key} ${x.guildId}`)).toEqual([
      `github ${githubClaimKey("PR_I72")} ${gil.guildId}`,
    ]);
    expect(await database.prisma.contributionClaim.findMany({ where: { contributionId: done.id } })).toEqual(before);
  });
});

describe("what a contribution claims on GitHub", () => {
  it("is the node id of each PR verified as the member's own or not known to be anyone's, once", () => {
    const mine = pullFacts({ nodeId: "PR_K1" });
    expect(
      githubClaimKeys([
        claimFacts(1),
        commitFacts(),
        pullFacts({ nodeId: "PR_K2", authorship: "other" }),
        mine,
        pullFacts({ nodeId: "PR_K3", authorship: "unlinked" }),
        mine,
      ]),
    ).toEqual([githubClaimKey("PR_K1"), githubClaimKey("PR_K3")]);
    expect(githubClaimKeys(null)).toEqual([]);
    expect(githubClaimKeys(undefined)).toEqual([]);
  });
});
