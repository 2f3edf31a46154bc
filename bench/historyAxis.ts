// The rubric evaluator's evaluations per minute as the guild's history grows: 1,000, 10,000, 100,000 earlier
// contributions (bench/historyCorpus.ts), a fixed batch of new ones submitted and evaluated at each size.

import type { Database } from "../src/db/openDatabase.ts";
import { createLogger } from "../src/logger.ts";
import { CONTRIBUTION_INDEX_VERSION, contributionIndex } from "../src/services/contributions/contributionIndex.ts";
import { titleKey } from "../src/services/contributions/contributionRules.ts";
import { indexContributions } from "../src/services/contributions/indexContributions.ts";
import { submitContribution } from "../src/services/contributions/submitContribution.ts";
import { runEvaluations } from "../src/services/evaluations/runEvaluations.ts";
import { ensureMember } from "../src/services/members/ensureMember.ts";
import { serviceDeps } from "../test/helpers/serviceDeps.ts";
import { corpus, type Draft } from "./historyCorpus.ts";

const GUILD = "100000000000000027";
const AUTHORS = 400;
const CHUNK = 2000;
const WARM_UP = 20;

export interface HistoryPoint {
  earlier: number;
  perMinute: number;
  evaluated: number;
  failed: number;
  /** Mean earlier contributions compared per evaluation (LSH candidates). */
  candidates: number;
  copies: { flagged: number; of: number };
  edits: { flagged: number; of: number };
  sharedLinks: { flagged: number; of: number };
}

export interface SeedRate {
  how: string;
  rows: number;
  perSecond: number;
}

/**
 * Seeds the history up to each size in turn and evaluates `batch` new contributions there. The first 1,000 rows are
 * inserted unindexed and indexed by `indexContributions` (as a backfill would), the rest with their index computed
 * before the bulk insert: both rates are returned.
 */
export async function historyAxis(database: Database, sizes: number[], batch: number) {
  const db = database.prisma;
  const logger = createLogger({ level: "warn", destination: process.stderr });
  const deps = serviceDeps(database, { now: new Date() });
  deps.now = () => new Date();
  const gen = corpus(27);
  const actor = (i: number) => ({
    guildId: GUILD,
    discordId: String(300000000000000000n + BigInt(i)),
    username: `h${i}`,
  });
  const authors: string[] = [];
  for (let i = 0; i < AUTHORS; i++) authors.push((await ensureMember(db, actor(i), new Date())).id);

  const history: Draft[] = [];
  const withLinks: number[] = [];
  const nextDraft = (): Draft => {
    const r = gen.rnd();
    const older = history[gen.int(history.length)];
    // Among the history itself: copies of older work (2 %), light edits of it (2 %), a link claimed again (3 %).
    if (older && r < 0.02) return { ...older, links: [] };
    if (older && r < 0.04) return gen.edited(older);
    const d = gen.fresh();
    const linked = withLinks.length > 0 ? history[withLinks[gen.int(withLinks.length)] as number] : undefined;
    if (linked && r < 0.07) d.links = [...d.links.slice(0, 1), linked.links[0] as string];
    return d;
  };
  const start = Date.now() - 365 * 86_400_000;
  const remember = (d: Draft) => {
    if (d.links.length > 0) withLinks.push(history.length);
    history.push(d);
  };
  // One statement a chunk: the rows (one a minute over the past year, by the pool's authors, all final) and, when
  // indexed here, their claims; a JSON array of the rows as its one parameter (Prisma's createManyAndReturn took
  // 0.9 ms a row, this a tenth of that).
  const insert = async (drafts: Draft[], indexed: boolean) => {
    const rows = drafts.map((d) => {
      const index = indexed ? contributionIndex(d) : { bands: [], linkKeys: [] };
      remember(d);
      return {
        authorId: authors[gen.int(authors.length)] as string,
        title: d.title,
        titleKey: titleKey(d.title),
        description: d.description,
        category: d.category,
        links: d.links,
        hours: d.hours,
        at: new Date(start + history.length * 60_000).toISOString(),
        bands: index.bands,
        keys: index.linkKeys,
      };
    });
    await database.driver.query(
      `WITH v AS (
         SELECT * FROM jsonb_to_recordset($1::jsonb) AS v("authorId" text, title text, "titleKey" text,
           description text, category text, links jsonb, hours numeric, at timestamp(3), bands jsonb, keys jsonb)),
       ins AS (
         INSERT INTO "Contribution" ("guildId", "authorId", "title", "titleKey", "description", "category", "links",
           "hours", "status", "createdAt", "updatedAt", "bands", "indexVersion")
         SELECT $2, "authorId", title, "titleKey", description, category::"ContributionCategory",
           ARRAY(SELECT jsonb_array_elements_text(links)), hours, 'final', at, at,
           ARRAY(SELECT jsonb_array_elements_text(bands)::int), $3
         FROM v ORDER BY at
         RETURNING "id", "createdAt")
       INSERT INTO "ContributionClaim" ("guildId", "key", "contributionId", "source")
       SELECT $2, k, ins."id", 'link' FROM ins JOIN v ON v.at = ins."createdAt", jsonb_array_elements_text(v.keys) AS k`,
      [JSON.stringify(rows), GUILD, indexed ? CONTRIBUTION_INDEX_VERSION : 0],
    );
  };

  const seedRates: SeedRate[] = [];
  const rateOf = (how: string, n: number, ms: number) => {
    const same = seedRates.find((s) => s.how === how);
    if (!same) return seedRates.push({ how, rows: n, perSecond: n / (ms / 1000) });
    same.perSecond = (same.rows + n) / (same.rows / same.perSecond + ms / 1000);
    same.rows += n;
  };
  const seed = async (n: number, indexed: boolean) => {
    if (n <= 0) return;
    const t = performance.now();
    for (let done = 0; done < n; done += CHUNK)
      await insert(Array.from({ length: Math.min(CHUNK, n - done) }, nextDraft), indexed);
    if (indexed) return rateOf("rows indexed in the bench, multi-row INSERT", n, performance.now() - t);
    const indexing = performance.now();
    await indexContributions(db);
    rateOf("rows inserted unindexed, then indexContributions", n, performance.now() - t);
    rateOf("  of which indexContributions alone", n, performance.now() - indexing);
  };

  const points: HistoryPoint[] = [];
  let submitted = 0;
  for (const size of sizes) {
    const have = await db.contribution.count({ where: { guildId: GUILD } });
    if (have === 0 && batch > 0) {
      // A warm-up, part of the history: the first measured batch does not pay for the process's first evaluations.
      for (let i = 0; i < WARM_UP; i++) {
        const d = gen.fresh();
        await submitContribution(deps, actor(AUTHORS + submitted++), d);
        remember(d);
      }
      await runEvaluations(deps, logger);
    }
    // The first thousand as a backfill would meet them, the rest indexed before the insert: both rates printed.
    if (have === 0) await seed(Math.min(size, 1000) - history.length, false);
    await seed(size - (await db.contribution.count({ where: { guildId: GUILD } })), true);
    // As autovacuum would after a bulk load: the planner's statistics of the history just written.
    await db.$executeRawUnsafe(`ANALYZE "Contribution", "ContributionClaim"`);
    if (batch === 0) continue;

    // The batch: a quarter exact copies and a tenth light edits of any earlier contribution, whatever its age; 15 %
    // claiming a link an earlier one claimed; the rest new work.
    const kinds: ("copy" | "edit" | "link" | "new")[] = [];
    for (let i = 0; i < batch; i++) {
      const r = gen.rnd();
      const older = history[gen.int(history.length)] as Draft;
      const linked = history[withLinks[gen.int(withLinks.length)] as number] as Draft;
      let d: Draft;
      if (r < 0.25) d = { ...older, links: [] };
      else if (r < 0.35) d = gen.edited(older);
      else if (r < 0.5) d = { ...gen.fresh(), links: [linked.links[0] as string] };
      else d = gen.fresh();
      kinds.push(r < 0.25 ? "copy" : r < 0.35 ? "edit" : r < 0.5 ? "link" : "new");
      await submitContribution(deps, actor(AUTHORS + submitted++), d);
      remember(d);
    }
    const firstNew = (await db.contribution.findFirst({
      where: { guildId: GUILD, status: "submitted" },
      orderBy: { id: "asc" },
      select: { id: true },
    })) as { id: number };
    const t = performance.now();
    const { evaluated, failed } = await runEvaluations(deps, logger);
    const minutes = (performance.now() - t) / 60_000;

    const evaluations = await db.evaluation.findMany({
      where: { contributionId: { gte: firstNew.id }, contribution: { guildId: GUILD } },
      orderBy: { contributionId: "asc" },
      select: { contributionId: true, flags: true, inputHash: true },
    });
    const flagged = (kind: string, flag: string) => ({
      of: kinds.filter((k) => k === kind).length,
      flagged: evaluations.filter(
        (e, i) => kinds[i] === kind && Array.isArray(e.flags) && (e.flags as string[]).includes(flag),
      ).length,
    });
    // The rows each new one shares a band with (what the evaluator compared it with, up to its 300).
    const compared = await db.$queryRaw<{ n: number }[]>`
      SELECT avg(LEAST(300, (SELECT count(DISTINCT o."id") FROM unnest(c."bands") AS q(b)
        CROSS JOIN LATERAL (SELECT "id" FROM "Contribution" WHERE "bands" @> ARRAY[q.b] AND "guildId" = c."guildId"
          AND "id" < c."id") AS o)))::float AS n
      FROM "Contribution" c WHERE c."guildId" = ${GUILD} AND c."id" >= ${firstNew.id}`;
    points.push({
      earlier: size,
      perMinute: evaluated / minutes,
      evaluated,
      failed,
      candidates: compared[0]?.n ?? 0,
      copies: flagged("copy", "possible_duplicate"),
      edits: flagged("edit", "possible_duplicate"),
      sharedLinks: flagged("link", "possible_duplicate_claim"),
    });
  }
  return { points, seedRates };
}
