import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/openDatabase.ts";
import { nearestDuplicate } from "../../src/llm/textShingles.ts";
import { submitContribution } from "../../src/services/contributions/submitContribution.ts";
import { buildEvaluationInput } from "../../src/services/evaluations/buildEvaluationInput.ts";
import { lightlyEdited, seededRandom, variedContribution } from "../helpers/contributionTexts.ts";
import { actor, serviceDeps } from "../helpers/serviceDeps.ts";
import { createTestDatabase } from "../helpers/testDatabase.ts";

// A guild with a long history (1,200 varied contributions from three members), then copies of 500 of them, picked
// at random whatever their age: each copy, exact or lightly edited, must be compared with its original and flagged.
const HISTORY = 1200;
const PICKED = 500;

let database: Database;
let deps: ReturnType<typeof serviceDeps>;
const authors = ["930000000000000001", "930000000000000002", "930000000000000003"].map((id) => actor(id));
const copier = actor("930000000000000009");
beforeAll(async () => {
  database = await createTestDatabase();
  deps = serviceDeps(database);
  const rnd = seededRandom(27);
  for (let i = 0; i < HISTORY; i++) {
    // A minute apart: the same member may submit twice in a row.
    deps.clock.now = new Date(deps.clock.now.getTime() + 61_000);
    await submitContribution(deps, authors[i % authors.length] as (typeof authors)[number], {
      ...variedContribution(rnd),
      category: "code",
    });
  }
}, 300_000);
afterAll(() => database.close());

/** What the evaluator would flag for this text, submitted now by the copier: the earlier contribution it copies. */
async function flaggedAs(text: { title: string; description: string; links: string[] }) {
  const latest = await database.prisma.contribution.findFirstOrThrow({ orderBy: { id: "desc" } });
  const member = await database.prisma.member.findFirstOrThrow({ where: { guildId: copier.guildId } });
  const input = await buildEvaluationInput(deps, {
    ...latest,
    ...text,
    id: latest.id + 1,
    authorId: `${member.id}-copier`,
    author: member,
  });
  return nearestDuplicate(`${input.title}\n${input.description}`, input.earlier);
}

describe("near-duplicates over the whole history", () => {
  it(`flags an exact and a lightly edited copy of each of ${PICKED} random earlier contributions, however old`, async () => {
    const history = await database.prisma.contribution.findMany({ orderBy: { id: "asc" } });
    expect(history).toHaveLength(HISTORY);
    const rnd = seededRandom(2027);
    const picked = new Set<number>();
    while (picked.size < PICKED) picked.add(Math.floor(rnd() * HISTORY));
    const missed: string[] = [];
    for (const i of picked) {
      const original = history[i] as (typeof history)[number];
      const exact = await flaggedAs(original);
      if (exact?.score !== 1) missed.push(`exact copy of #${original.id}: ${JSON.stringify(exact)}`);
      const edited = lightlyEdited(original, rnd);
      const found = await flaggedAs(edited);
      if (!found) missed.push(`edited copy of #${original.id}: ${edited.title} / ${edited.description}`);
    }
    expect(missed, `${missed.length} of ${PICKED * 2} copies not flagged`).toEqual([]);
    // The oldest is found as surely as the newest: the very first contribution, copied after 1,199 others.
    const first = history[0] as (typeof history)[number];
    expect(await flaggedAs(first)).toEqual({ id: first.id, score: 1 });
  }, 300_000);
});
