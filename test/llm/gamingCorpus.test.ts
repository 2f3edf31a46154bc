import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/openDatabase.ts";
import { createLogger } from "../../src/logger.ts";
import { submitContribution } from "../../src/services/contributions/submitContribution.ts";
import type { Actor } from "../../src/services/deps.ts";
import { runEvaluations } from "../../src/services/evaluations/runEvaluations.ts";
import { serviceDeps } from "../helpers/serviceDeps.ts";
import { createTestDatabase } from "../helpers/testDatabase.ts";

interface Draft {
  title: string;
  description: string;
  links: string[];
  hours?: number;
}
interface GamingCase {
  id: string;
  kind: string;
  honest: Draft;
  attempt: Draft;
  prior?: Draft[];
  expect: "not_more" | "flagged" | "flagged_or_not_more";
}

const corpus = JSON.parse(readFileSync("test/fixtures/gaming/cases.json", "utf8")) as { cases: GamingCase[] };
const logger = createLogger({ level: "silent" });
let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

let seq = 920000000000000000n;
/** Each evaluation in a guild of its own, so attempts and twins never see each other as duplicates. */
async function evaluate(draft: Draft, prior: Draft[] = []) {
  const guildId = String(seq++);
  const deps = serviceDeps(database);
  const author: Actor = { guildId, discordId: String(seq++), username: "author" };
  const other: Actor = { guildId, discordId: String(seq++), username: "other" };
  for (const p of prior) await submitContribution(deps, other, { ...p, category: "code" });
  const { id } = await submitContribution(deps, author, { ...draft, category: "code" });
  await runEvaluations(deps, logger);
  return database.prisma.evaluation.findUniqueOrThrow({ where: { activeFor: id } });
}

describe("the gaming corpus against the offline rubric evaluator", () => {
  it("has at least 20 attempts, each with an honest twin, over every kind of finding", () => {
    expect(corpus.cases.length).toBeGreaterThanOrEqual(20);
    const kinds = new Set(corpus.cases.map((c) => c.kind));
    for (const k of ["unbacked hours", "padding", "keyword stuffing", "repeated link", "fake links", "lying host"]) {
      expect(kinds).toContain(k);
    }
    for (const k of ["duplicate claim", "lookalike copy"]) expect(kinds).toContain(k);
  });

  for (const c of corpus.cases) {
    it(`${c.id} (${c.kind}): earns no more than its honest twin unless flagged and held`, async () => {
      const twin = await evaluate(c.honest);
      const attempt = await evaluate(c.attempt, c.prior);
      const held = attempt.flags.includes("needs_human");
      const more = BigInt(attempt.suggestedReward.toFixed(0)) > BigInt(twin.suggestedReward.toFixed(0));
      if (c.expect === "flagged") expect(held, `${c.id} is held for a person`).toBe(true);
      if (c.expect === "not_more") expect(more, `${c.id}: ${attempt.total} vs twin ${twin.total}`).toBe(false);
      expect(!more || held, `${c.id}: ${attempt.total} vs twin ${twin.total}, flags ${attempt.flags}`).toBe(true);
    });
  }
});
