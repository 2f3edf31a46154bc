import { type LinkFacts, linkFactsListSchema, type VerifiedLinkFacts } from "../../src/base/githubFacts.ts";
import type { Database } from "../../src/db/openDatabase.ts";
import { writeGithubClaims } from "../../src/services/contributions/contributionIndex.ts";
import { submitContribution } from "../../src/services/contributions/submitContribution.ts";
import type { Actor } from "../../src/services/deps.ts";
import type { TestServiceDeps } from "./serviceDeps.ts";

const HOUR = 3600_000;
const T0 = Date.parse("2026-11-01T00:00:00.000Z");
/** A moment `h` hours after a fixed start, as GitHub writes it. */
export const at = (h: number, ms = 0) => new Date(T0 + h * HOUR + ms).toISOString();

export interface PullSpec {
  nodeId: string;
  /** "owner/name" as GitHub spells it. */
  repo?: string;
  createdAt?: string;
  additions?: number;
  deletions?: number;
  /** Lines counted apart (lockfiles, generated files): not the work itself. */
  apart?: { additions: number; deletions: number };
  authorship?: VerifiedLinkFacts["authorship"];
}

/** What Steward records of a verified PR link, as judgeAuthorship leaves it. */
export function pullFacts(spec: PullSpec): LinkFacts {
  const [owner = "acme", name = "app"] = (spec.repo ?? "acme/app").split("/");
  const number = Number(spec.nodeId.replace(/\D/g, "")) || 1;
  const apart = spec.apart ?? { additions: 0, deletions: 0 };
  const key = `github.com/${owner}/${name}/pr/${number}`.toLowerCase();
  return {
    status: "verified",
    key,
    url: `https://github.com/${owner}/${name}/pull/${number}`,
    readAt: at(24 * 60),
    etags: {},
    authorship: spec.authorship ?? "member",
    repo: { owner, name, ownerType: "Organization", authorAloneControls: false },
    pr: {
      nodeId: spec.nodeId,
      number,
      title: "A change",
      state: "closed",
      merged: true,
      mergedBy: "maintainer",
      mergedAt: spec.createdAt ?? at(0),
      author: "alice",
      authorId: 7,
      createdAt: spec.createdAt ?? at(0),
      size: {
        additions: spec.additions ?? 100,
        deletions: spec.deletions ?? 20,
        files: 3,
        apart: {
          ...apart,
          files: apart.additions + apart.deletions > 0 ? 1 : 0,
          lockfiles: 0,
          generated: 0,
          whitespaceOnly: 0,
        },
      },
      approvedBy: ["carol"],
      changesRequestedBy: [],
    },
  };
}

/** A verified commit link (no PR) of the same repository. */
export function commitFacts(repo = "acme/app"): LinkFacts {
  const [owner = "acme", name = "app"] = repo.split("/");
  const size = { additions: 300, deletions: 0, files: 1 };
  return {
    status: "verified",
    key: `github.com/${owner}/${name}/commit/abc123`,
    url: `https://github.com/${owner}/${name}/commit/abc123`,
    readAt: at(24 * 60),
    etags: {},
    repo: { owner, name, ownerType: "Organization", authorAloneControls: false },
    commit: {
      sha: "abc123",
      author: "alice",
      authorId: 7,
      message: "A change",
      size: { ...size, apart: { additions: 0, deletions: 0, files: 0, lockfiles: 0, generated: 0, whitespaceOnly: 0 } },
    },
  };
}

/** A link GitHub could not tell Steward about. */
export function claimFacts(n = 404): LinkFacts {
  const url = `https://github.com/acme/app/pull/${n}`;
  return { status: "claim", key: `github.com/acme/app/pr/${n}`, url, readAt: at(24 * 60), reason: "not_found" };
}

let titles = 0;
/** A contribution of `author`, submitted as a member would. */
export async function contribution(deps: TestServiceDeps, author: Actor, title?: string) {
  titles += 1;
  const draft = {
    title: title ?? `Work number ${titles}`,
    description: "Did it.",
    category: "code" as const,
    links: [],
  };
  return submitContribution(deps, author, draft);
}

/** An evaluation of the contribution that recorded these facts; `active: false` stands for one superseded since. */
export async function recordEvaluation(
  database: Database,
  contributionId: number,
  githubFacts: unknown,
  { active = true } = {},
) {
  const row = await database.prisma.evaluation.create({
    data: {
      contributionId,
      activeFor: active ? contributionId : null,
      evaluator: "rubric",
      model: "m",
      promptVersion: "none",
      promptSha256: "x",
      rubricVersion: 1,
      inputHash: "x",
      temperature: 0,
      samples: 1,
      spread: 0,
      scores: [],
      total: 50,
      confidence: 0.5,
      rationale: "",
      evidence: [],
      droppedQuotes: 0,
      flags: [],
      suggestedReward: "1",
      latencyMs: 1,
      githubFacts: githubFacts as object,
    },
  });
  // As evaluateContribution does: the active evaluation's verified PRs are the contribution's GitHub claims.
  if (active) {
    const { guildId } = await database.prisma.contribution.findUniqueOrThrow({ where: { id: contributionId } });
    // Facts Steward would never have written (a test of how they are refused) claim nothing.
    const facts = linkFactsListSchema.safeParse(row.githubFacts);
    await writeGithubClaims(database.prisma, { id: contributionId, guildId }, facts.success ? facts.data : []);
  }
  return row;
}
