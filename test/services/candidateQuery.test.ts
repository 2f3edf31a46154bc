import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/openDatabase.ts";
import { PrismaClient } from "../../src/generated/prisma/client.ts";
import { submitContribution } from "../../src/services/contributions/submitContribution.ts";
import { buildEvaluationInput } from "../../src/services/evaluations/buildEvaluationInput.ts";
import { actor, serviceDeps } from "../helpers/serviceDeps.ts";
import { createTestDatabase } from "../helpers/testDatabase.ts";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  Plans?: PlanNode[];
}
const nodes = (n: PlanNode): PlanNode[] => [n, ...(n.Plans ?? []).flatMap(nodes)];

describe("the near-duplicate candidates of an evaluation", () => {
  it("are found through the bands index, never by reading the whole history", async () => {
    const deps = serviceDeps(database);
    const me = actor("630000000000000001");
    const first = await submitContribution(deps, me, {
      title: "Wrote the onboarding guide",
      description: "Explained how to link a wallet and submit work, with screenshots.",
      category: "docs",
      links: [],
    });
    // 5,000 earlier contributions of the guild, each with 48 band keys of its own (hashes: no value is common).
    await database.driver.exec(`
      INSERT INTO "Contribution" ("guildId", "authorId", "title", "titleKey", "description", "category", "links",
        "status", "updatedAt", "bands", "indexVersion")
      SELECT '${me.guildId}', '${first.authorId}', 'Item ' || g, 'item ' || g, 'Work ' || g, 'docs', '{}', 'final', now(),
        ARRAY(SELECT (random() * 4294967295 - 2147483648)::bigint::int FROM generate_series(1, 48) WHERE g > 0), 1
      FROM generate_series(1, 5000) AS g;
      ANALYZE "Contribution";`);
    const copy = await submitContribution(deps, actor("630000000000000002"), {
      title: "Wrote the onboarding guide",
      description: "Explained how to link a wallet and submit work, with screenshots.",
      category: "docs",
      links: [],
    });
    const logged = new PrismaClient({
      adapter: new PrismaPg({ connectionString: database.url }),
      log: [{ emit: "event", level: "query" }],
    });
    const queries: { query: string; params: string }[] = [];
    logged.$on("query", (e) => queries.push({ query: e.query, params: e.params }));
    try {
      const input = await buildEvaluationInput({ db: logged }, copy);
      expect(input.earlier.map((e) => e.id)).toEqual([first.id]);
      const candidates = queries.find((q) => q.query.includes('"bands"'));
      expect(candidates).toBeDefined();
      const [row] = await database.driver.query<{ "QUERY PLAN": { Plan: PlanNode }[] }>(
        `EXPLAIN (FORMAT JSON) ${candidates?.query}`,
        JSON.parse(candidates?.params ?? "[]"),
      );
      const plan = nodes(row?.["QUERY PLAN"][0]?.Plan as PlanNode);
      expect(plan.filter((n) => n["Node Type"] === "Seq Scan" && n["Relation Name"] === "Contribution")).toEqual([]);
      expect(plan.some((n) => n["Node Type"] === "Bitmap Index Scan")).toBe(true);
    } finally {
      await logged.$disconnect();
    }
  });

  it("come from an index without a pending list, which every lookup would otherwise scan whole", async () => {
    const [index] = await database.driver.query<{ reloptions: string[] | null }>(
      `SELECT reloptions FROM pg_class WHERE relname = 'Contribution_bands_idx'`,
    );
    expect(index?.reloptions).toContain("fastupdate=off");
  });
});
