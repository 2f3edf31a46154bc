import { type GithubSandbox, startGithubSandbox } from "@steward/github-sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/openDatabase.ts";
import type { Evaluation } from "../../src/generated/prisma/client.ts";
import { createLogger } from "../../src/logger.ts";
import { submitContribution } from "../../src/services/contributions/submitContribution.ts";
import type { Actor } from "../../src/services/deps.ts";
import { runEvaluations } from "../../src/services/evaluations/runEvaluations.ts";
import { DeviceLinks } from "../../src/services/github/deviceLinks.ts";
import { githubControl, githubPull } from "../helpers/localGithub.ts";
import { serviceDeps } from "../helpers/serviceDeps.ts";
import { createTestDatabase } from "../helpers/testDatabase.ts";

/**
 * The gaming corpus of issue 22 (what OnlyDust and UbiquityOS saw), each attempt beside its honest twin, read from the
 * local GitHub through the real Octokit and evaluated by the offline rubric evaluator: none earns more than its twin
 * unless a person clears it (held: `needs_human`, which pays nothing until cleared).
 */

const logger = createLogger({ level: "silent" });
let database: Database;
let github: GithubSandbox;
let token: string;
beforeAll(async () => {
  database = await createTestDatabase();
  github = await startGithubSandbox();
  token = String((await githubControl(github.url, "POST", "/sandbox/users", { login: "corpus-reader" })).token);
});
afterAll(async () => {
  await github.close();
  await database.close();
});

function deps() {
  const d = serviceDeps(database);
  d.github = { apiUrl: github.url, token, factsTimeoutMs: 10_000, links: new DeviceLinks() };
  return d;
}

let seq = 930000000000000000n;
let repoSeq = 0;
const freshRepo = (prefix: string) => `${prefix}-${++repoSeq}`;

async function githubUser(login: string): Promise<number> {
  const find = async () =>
    (
      (await githubControl(github.url, "GET", "/sandbox/state")) as { users: { login: string; id: number }[] }
    ).users.find((u) => u.login.toLowerCase() === login.toLowerCase())?.id;
  const known = await find();
  if (known !== undefined) return known;
  return Number((await githubControl(github.url, "POST", "/sandbox/users", { login })).id ?? (await find()));
}

/** A member of a guild of their own (so twins and attempts never see each other), their GitHub account linked. */
async function member(login: string) {
  const guildId = String(seq++);
  const who: Actor = { guildId, discordId: String(seq++), username: login };
  return { who, login, githubId: await githubUser(login) };
}

type Member = Awaited<ReturnType<typeof member>>;

/** Submits and evaluates each draft in turn (as a member would, one after the other); returns the evaluations. */
async function evaluate(m: Member, drafts: { title: string; description: string; links: string[] }[]) {
  const d = deps();
  const out: Evaluation[] = [];
  for (const draft of drafts) {
    const { id } = await submitContribution(d, m.who, { ...draft, category: "code" });
    const row = await database.prisma.member.findUniqueOrThrow({
      where: { guildId_discordId: { guildId: m.who.guildId, discordId: m.who.discordId } },
    });
    await database.prisma.githubAccount.upsert({
      where: { memberId: row.id },
      create: { guildId: m.who.guildId, memberId: row.id, githubId: m.githubId, login: m.login, linkedAt: new Date() },
      update: {},
    });
    await runEvaluations(d, logger);
    out.push(await database.prisma.evaluation.findUniqueOrThrow({ where: { activeFor: id } }));
  }
  return out;
}

const reward = (e: Evaluation) => BigInt(e.suggestedReward.toFixed(0));
const held = (e: Evaluation) => e.flags.includes("needs_human");
/** What the attempts pay without a person: held ones pay nothing until cleared. */
const paid = (list: Evaluation[]) => list.reduce((n, e) => n + (held(e) ? 0n : reward(e)), 0n);

const DESCRIPTIONS = [
  "Fixed the crash on start and added a regression test so it cannot come back.",
  "Corrected a misspelled word in the installation guide heading for readers.",
  "Renamed an unclear variable inside the parser loop after review comments.",
  "Adjusted the retry delay constant which had a stray character in it.",
  "Removed a duplicated semicolon in the metrics exporter initialisation.",
  "Changed one label on the settings page that confused new operators.",
  "Updated a broken anchor in the contributing document table of contents.",
  "Tweaked the log message wording when the cache warms up at boot.",
  "Patched the example configuration value that pointed at an old port.",
  "Repaired a wrong pluralisation in the digest email subject line.",
];

const src = (name: string, lines: number) => ({ filename: `src/${name}.ts`, additions: lines, deletions: 0 });

describe("the extended gaming corpus, against the local GitHub", () => {
  it("claiming another's PR: refused as their evidence, it earns less than the author's own claim", async () => {
    const files = [src("start", 120)];
    const honestMember = await member("corpus-alice");
    const mine = await githubPull(github.url, {
      owner: "corpus-org",
      repo: freshRepo("claim"),
      author: "corpus-alice",
      files,
      mergedBy: "corpus-maintainer",
    });
    const theirs = await githubPull(github.url, {
      owner: "corpus-org",
      repo: freshRepo("claim"),
      author: "corpus-carol",
      files,
      mergedBy: "corpus-maintainer",
    });
    const draft = (link: string) => ({ title: "Fix the crash", description: DESCRIPTIONS[0] as string, links: [link] });
    const [honest] = await evaluate(honestMember, [draft(mine.url)]);
    const [gamed] = await evaluate(await member("corpus-mallory"), [draft(theirs.url)]);
    if (!honest || !gamed) throw new Error("not evaluated");
    expect(gamed.flags).toContain("not_authors_work");
    expect(reward(gamed)).toBeLessThan(reward(honest));
  });

  it("PR farming: ten one-line PRs as ten contributions pay, unheld, no more than the one ten-line PR", async () => {
    const repo = freshRepo("farm");
    const honestPr = await githubPull(github.url, {
      owner: "corpus-org",
      repo,
      author: "corpus-honest-farmer",
      files: [src("typos", 10)],
      mergedBy: "corpus-maintainer",
    });
    const [honest] = await evaluate(await member("corpus-honest-farmer"), [
      { title: "Fix ten typos", description: DESCRIPTIONS.join(" "), links: [honestPr.url] },
    ]);
    const farmer = await member("corpus-farmer");
    const drafts = [];
    for (let i = 0; i < 10; i++) {
      const pr = await githubPull(github.url, {
        owner: "corpus-org",
        repo,
        author: "corpus-farmer",
        files: [src(`typo${i}`, 1)],
        mergedBy: "corpus-maintainer",
      });
      drafts.push({ title: `Fix typo number ${i}`, description: DESCRIPTIONS[i] as string, links: [pr.url] });
    }
    const gamed = await evaluate(farmer, drafts);
    if (!honest) throw new Error("not evaluated");
    expect(gamed.slice(1).every((e) => e.flags.includes("split_work") && held(e))).toBe(true);
    expect(paid(gamed)).toBeLessThanOrEqual(reward(honest));
  });

  it("split PRs: one change opened as three PRs and three contributions pays, unheld, no more than the one PR", async () => {
    const repo = freshRepo("split");
    const honestPr = await githubPull(github.url, {
      owner: "corpus-org",
      repo,
      author: "corpus-honest-splitter",
      files: [src("feature", 150)],
      mergedBy: "corpus-maintainer",
    });
    const [honest] = await evaluate(await member("corpus-honest-splitter"), [
      { title: "Add the export feature", description: DESCRIPTIONS[0] as string, links: [honestPr.url] },
    ]);
    const splitter = await member("corpus-splitter");
    const drafts = [];
    for (let i = 0; i < 3; i++) {
      const pr = await githubPull(github.url, {
        owner: "corpus-org",
        repo,
        author: "corpus-splitter",
        files: [src(`feature-part${i}`, 50)],
        mergedBy: "corpus-maintainer",
      });
      drafts.push({ title: `Export feature, part ${i}`, description: DESCRIPTIONS[i] as string, links: [pr.url] });
    }
    const gamed = await evaluate(splitter, drafts);
    if (!honest) throw new Error("not evaluated");
    expect(gamed.slice(1).every((e) => e.flags.includes("split_work"))).toBe(true);
    expect(paid(gamed)).toBeLessThanOrEqual(reward(honest));
  });

  it("a self-merged PR in a fresh personal repository, 'approved' by an alt: paid at most as unreviewed work", async () => {
    const files = [src("engine", 120)];
    const honestPr = await githubPull(github.url, {
      owner: "corpus-solo",
      repo: freshRepo("solo"),
      author: "corpus-solo",
      files,
      mergedBy: "corpus-solo",
    });
    const gamedPr = await githubPull(github.url, {
      owner: "corpus-selfie",
      repo: freshRepo("fresh"),
      author: "corpus-selfie",
      files,
      approvedBy: ["corpus-selfie-alt"],
      mergedBy: "corpus-selfie",
    });
    const draft = (link: string) => ({ title: "A new engine", description: DESCRIPTIONS[0] as string, links: [link] });
    const [honest] = await evaluate(await member("corpus-solo"), [draft(honestPr.url)]);
    const [gamed] = await evaluate(await member("corpus-selfie"), [draft(gamedPr.url)]);
    if (!honest || !gamed) throw new Error("not evaluated");
    expect(gamed.flags).toContain("self_merged");
    expect(reward(gamed)).toBeLessThanOrEqual(reward(honest));
  });

  it("a PR reverted the next day is flagged and held for a person", async () => {
    const repo = freshRepo("revert");
    const files = [src("cache", 120)];
    const honestPr = await githubPull(github.url, {
      owner: "corpus-org",
      repo,
      author: "corpus-keeper",
      files,
      mergedBy: "corpus-maintainer",
    });
    const gamedPr = await githubPull(github.url, {
      owner: "corpus-org",
      repo,
      author: "corpus-reverted",
      files,
      mergedBy: "corpus-maintainer",
    });
    await githubControl(github.url, "POST", "/sandbox/clock", { advance_ms: 24 * 3600_000 });
    const revert = await githubControl(github.url, "POST", `/sandbox/repos/corpus-org/${repo}/pulls`, {
      author: "corpus-maintainer",
      reverts: gamedPr.number,
    });
    await githubControl(github.url, "POST", `/sandbox/repos/corpus-org/${repo}/pulls/${revert.number}/merge`, {
      merged_by: "corpus-maintainer",
    });
    const draft = (link: string) => ({ title: "Faster cache", description: DESCRIPTIONS[0] as string, links: [link] });
    const [honest] = await evaluate(await member("corpus-keeper"), [draft(honestPr.url)]);
    const [gamed] = await evaluate(await member("corpus-reverted"), [draft(gamedPr.url)]);
    if (!honest || !gamed) throw new Error("not evaluated");
    expect(honest.flags).not.toContain("reverted");
    expect(gamed.flags).toEqual(expect.arrayContaining(["reverted", "needs_human"]));
  });

  it("generated-file and lockfile churn add nothing to the same change", async () => {
    const real = src("parser", 30);
    const honestPr = await githubPull(github.url, {
      owner: "corpus-org",
      repo: freshRepo("churn"),
      author: "corpus-plain",
      files: [real],
      mergedBy: "corpus-maintainer",
    });
    const gamedPr = await githubPull(github.url, {
      owner: "corpus-org",
      repo: freshRepo("churn"),
      author: "corpus-churner",
      files: [
        real,
        { filename: "package-lock.json", additions: 4000, deletions: 3800 },
        { filename: "dist/bundle.min.js", additions: 9000, deletions: 8900 },
        { filename: "src/__generated__/schema.ts", additions: 1200, deletions: 0 },
      ],
      mergedBy: "corpus-maintainer",
    });
    const draft = (link: string) => ({ title: "Parser fix", description: DESCRIPTIONS[0] as string, links: [link] });
    const [honest] = await evaluate(await member("corpus-plain"), [draft(honestPr.url)]);
    const [gamed] = await evaluate(await member("corpus-churner"), [draft(gamedPr.url)]);
    if (!honest || !gamed) throw new Error("not evaluated");
    expect(reward(gamed)).toBeLessThanOrEqual(reward(honest));
  });

  it("a huge formatting-only diff adds nothing to the same small fix", async () => {
    const fix = src("fix", 3);
    const lines = 2000;
    const patch = `@@ -1,${lines} +1,${lines} @@\n${Array.from({ length: lines }, (_, i) => `-call( arg${i} )`).join("\n")}\n${Array.from({ length: lines }, (_, i) => `+call(arg${i})`).join("\n")}`;
    const honestPr = await githubPull(github.url, {
      owner: "corpus-org",
      repo: freshRepo("format"),
      author: "corpus-fixer",
      files: [fix],
      mergedBy: "corpus-maintainer",
    });
    const gamedPr = await githubPull(github.url, {
      owner: "corpus-org",
      repo: freshRepo("format"),
      author: "corpus-formatter",
      files: [fix, { filename: "src/everything.ts", additions: lines, deletions: lines, patch }],
      mergedBy: "corpus-maintainer",
    });
    const draft = (link: string) => ({ title: "Small fix", description: DESCRIPTIONS[0] as string, links: [link] });
    const [honest] = await evaluate(await member("corpus-fixer"), [draft(honestPr.url)]);
    const [gamed] = await evaluate(await member("corpus-formatter"), [draft(gamedPr.url)]);
    if (!honest || !gamed) throw new Error("not evaluated");
    expect(reward(gamed)).toBeLessThanOrEqual(reward(honest));
  });

  it("comment-only 'reviews' on a PR its author merged approve nothing", async () => {
    const files = [src("router", 120)];
    // A shared repository (others contributed): its author merging it is not the unreviewed-rate case.
    const pull = (author: string, commentedBy: string[]) =>
      githubPull(github.url, {
        owner: author,
        repo: freshRepo("shared"),
        author,
        files,
        contributors: ["corpus-colleague"],
        commentedBy,
        mergedBy: author,
      });
    const honestPr = await pull("corpus-quiet", []);
    const gamedPr = await pull("corpus-lgtm", ["corpus-friend1", "corpus-friend2", "corpus-friend3"]);
    const draft = (link: string) => ({ title: "Router", description: DESCRIPTIONS[0] as string, links: [link] });
    const [honest] = await evaluate(await member("corpus-quiet"), [draft(honestPr.url)]);
    const [gamed] = await evaluate(await member("corpus-lgtm"), [draft(gamedPr.url)]);
    if (!honest || !gamed) throw new Error("not evaluated");
    expect(reward(gamed)).toBeLessThanOrEqual(reward(honest));
  });
});
