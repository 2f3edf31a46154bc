import type { GithubSandbox } from "@steward/github-sandbox";
import type { LinkFacts } from "../../src/base/githubFacts.ts";
import { readGithubFacts } from "../../src/db/json/githubFacts.ts";
import type { Database } from "../../src/db/openDatabase.ts";
import { createLogger } from "../../src/logger.ts";
import { submitContribution } from "../../src/services/contributions/submitContribution.ts";
import { runEvaluations } from "../../src/services/evaluations/runEvaluations.ts";
import { DeviceLinks } from "../../src/services/github/deviceLinks.ts";
import { githubControl } from "./localGithub.ts";
import { actor, serviceDeps } from "./serviceDeps.ts";

/** Which three code links each contribution has: a PR, the issue it closes and a commit; or three PRs. */
export type EvidenceMix = "mixed" | "prs";

export interface EvidencePass {
  links: number;
  /** Requests GitHub answered in full: what its hourly (primary) limit counts. */
  counted: number;
  /** Requests answered 304 Not Modified: free of the primary limit, a point of the secondary one. */
  notModified: number;
  /** Of the counted requests, GraphQL queries (each reads many links; counted against GraphQL's own hour). */
  graphql: number;
  refused: { primary: number; secondary: number };
  /** Links that stayed claims, by reason (none when every fact was fetched). */
  claims: Record<string, number>;
  /** From the first submission evaluated to the last evaluation stored. */
  seconds: number;
}

interface Stats {
  requests: number;
  not_modified: number;
  by_path: Record<string, number>;
  refused: { primary: number; secondary: number };
}

const REPOS = 20;
const AUTHORS = 50;

/**
 * The world of `bench/evidence`: `contributions` contributions of `AUTHORS` members with three code links each, in
 * `REPOS` repositories of the local GitHub (PRs of 20–200 lines, some with lockfile churn, merged by a maintainer).
 */
export async function buildEvidenceWorld(github: GithubSandbox, contributions: number, mix: EvidenceMix) {
  const call = (method: string, path: string, body?: unknown) => githubControl(github.url, method, path, body);
  const reader = String((await call("POST", "/sandbox/users", { login: "evidence-reader" })).token);
  for (const login of ["evidence-org", "evidence-maintainer"]) await call("POST", "/sandbox/users", { login });
  for (let a = 0; a < AUTHORS; a++) await call("POST", "/sandbox/users", { login: `evidence-author${a}` });
  for (let r = 0; r < REPOS; r++) await call("POST", "/sandbox/repos", { owner: "evidence-org", name: `repo${r}` });
  const pull = async (repo: string, author: string, i: number, closes?: number) => {
    const files = [{ filename: `src/module${i}.ts`, additions: 20 + ((i * 37) % 180), deletions: (i * 11) % 40 }];
    if (i % 4 === 0) files.push({ filename: "package-lock.json", additions: 300, deletions: 280 });
    const pr = await call("POST", `/sandbox/repos/evidence-org/${repo}/pulls`, {
      author,
      title: `Change ${i}`,
      files,
      ...(closes !== undefined ? { closes: [closes] } : {}),
    });
    await call("POST", `/sandbox/repos/evidence-org/${repo}/pulls/${pr.number}/merge`, {
      merged_by: "evidence-maintainer",
    });
    return `https://github.com/evidence-org/${repo}/pull/${pr.number}`;
  };
  const drafts: { author: number; links: string[] }[] = [];
  for (let i = 0; i < contributions; i++) {
    const repo = `repo${i % REPOS}`;
    const author = `evidence-author${i % AUTHORS}`;
    const links: string[] = [];
    if (mix === "prs") {
      for (let k = 0; k < 3; k++) links.push(await pull(repo, author, i * 3 + k));
    } else {
      const issue = await call("POST", `/sandbox/repos/evidence-org/${repo}/issues`, {
        author: "evidence-maintainer",
        title: `Problem ${i}`,
      });
      links.push(await pull(repo, author, i, Number(issue.number)));
      links.push(`https://github.com/evidence-org/${repo}/issues/${issue.number}`);
      const commit = await call("POST", `/sandbox/repos/evidence-org/${repo}/commits`, {
        author,
        message: `Follow-up ${i}`,
        files: [{ filename: `docs/page${i}.md`, additions: 15, deletions: 3 }],
      });
      links.push(`https://github.com/evidence-org/${repo}/commit/${commit.sha}`);
    }
    drafts.push({ author: i % AUTHORS, links });
  }
  return { reader, drafts };
}

/**
 * Submits the world's contributions, evaluates them all (reading their links' facts from the local GitHub), then
 * evaluates them all again (the re-evaluation: every request with its ETag); what each pass cost GitHub.
 */
export async function measureEvidence(
  database: Database,
  github: GithubSandbox,
  world: Awaited<ReturnType<typeof buildEvidenceWorld>>,
  options: { concurrency?: number; factsTimeoutMs?: number; guildId?: string } = {},
): Promise<{ first: EvidencePass; again: EvidencePass }> {
  const logger = createLogger({ level: "silent" });
  const deps = serviceDeps(database, { now: new Date() }, { concurrency: options.concurrency ?? 8 });
  deps.now = () => new Date();
  deps.github = {
    apiUrl: github.url,
    token: world.reader,
    factsTimeoutMs: options.factsTimeoutMs ?? 600_000,
    links: new DeviceLinks(),
  };
  const guildId = options.guildId ?? "600000000000000001";
  const ids: number[] = [];
  for (const [i, d] of world.drafts.entries()) {
    const who = { ...actor(String(610000000000000000n + BigInt(d.author))), guildId };
    const c = await submitContribution(deps, who, {
      title: `Evidence contribution ${i}`,
      description: `Work item ${i}: changed module ${i}, closed its issue and documented it (${i * 7919}).`,
      category: "code",
      links: d.links,
    });
    ids.push(c.id);
  }
  const stats = async () => (await githubControl(github.url, "GET", "/sandbox/stats")) as unknown as Stats;
  const pass = async (): Promise<EvidencePass> => {
    const before = await stats();
    const started = performance.now();
    await runEvaluations(deps, logger);
    const seconds = (performance.now() - started) / 1000;
    const after = await stats();
    const rows = await database.prisma.evaluation.findMany({
      where: { activeFor: { in: ids } },
      select: { id: true, githubFacts: true },
    });
    const facts = rows.flatMap((r) => readGithubFacts(r) ?? []) as LinkFacts[];
    const claims: Record<string, number> = {};
    for (const f of facts) if (f.status === "claim") claims[f.reason] = (claims[f.reason] ?? 0) + 1;
    const notModified = after.not_modified - before.not_modified;
    const refused = {
      primary: after.refused.primary - before.refused.primary,
      secondary: after.refused.secondary - before.refused.secondary,
    };
    return {
      links: facts.length,
      counted: after.requests - before.requests - notModified - refused.primary - refused.secondary,
      notModified,
      graphql: (after.by_path["/graphql"] ?? 0) - (before.by_path["/graphql"] ?? 0),
      refused,
      claims,
      seconds,
    };
  };
  const first = await pass();
  await database.prisma.contribution.updateMany({ where: { id: { in: ids } }, data: { status: "submitted" } });
  const again = await pass();
  return { first, again };
}
