import type { LinkFacts } from "../../base/githubFacts.ts";
import { readGithubFacts } from "../../db/json/githubFacts.ts";
import { Prisma } from "../../generated/prisma/client.ts";
import { TRIVIAL_LINES } from "../../llm/verifiedWork.ts";
import type { ServiceDeps } from "../deps.ts";

/** PRs of one repository opened this close together, claimed in separate contributions, look like one piece of work. */
export const SPLIT_WINDOW_MS = 48 * 3600_000;

interface OwnPull {
  nodeId: string;
  repo: string;
  createdAt: number;
  workLines: number;
}

function ownPulls(facts: readonly LinkFacts[]): OwnPull[] {
  return facts.flatMap((f) => {
    if (f.status !== "verified" || !f.pr || f.authorship === "other") return [];
    const s = f.pr.size;
    return [
      {
        nodeId: f.pr.nodeId,
        repo: `${f.repo.owner}/${f.repo.name}`.toLowerCase(),
        createdAt: Date.parse(f.pr.createdAt),
        workLines: s.additions + s.deletions - s.apart.additions - s.apart.deletions,
      },
    ];
  });
}

/**
 * The author's earlier contributions, not yet paid, that claimed another of their PRs in the same repository as this
 * one, when this one's PR is trivially small (PR farming: ten one-line PRs instead of one) or the two were opened
 * within SPLIT_WINDOW_MS of each other (one change split into several PRs): each would be scored as a whole piece of
 * work, so a person looks first. The same PR claimed twice is the shared-link rule's, not this one's.
 */
export async function splitWork(
  deps: Pick<ServiceDeps, "db">,
  contribution: { id: number; authorId: string },
  facts: readonly LinkFacts[],
): Promise<number[]> {
  const mine = ownPulls(facts);
  if (mine.length === 0) return [];
  const earlier = await deps.db.evaluation.findMany({
    where: {
      activeFor: { not: null },
      // Stryker disable next-line ObjectLiteral: equivalent, an evaluation without facts reads as none (below)
      githubFacts: { not: Prisma.DbNull },
      contribution: {
        authorId: contribution.authorId,
        id: { lt: contribution.id },
        epochId: null,
        status: { not: "withdrawn" },
      },
    },
    select: { id: true, contributionId: true, githubFacts: true },
  });
  const out = new Set<number>();
  for (const e of earlier) {
    // Stryker disable next-line ArrayDeclaration: equivalent, unreachable (the query asks for evaluations with facts)
    for (const before of ownPulls(readGithubFacts(e) ?? [])) {
      const near = mine.some(
        (p) =>
          p.repo === before.repo &&
          p.nodeId !== before.nodeId &&
          (p.workLines < TRIVIAL_LINES || Math.abs(p.createdAt - before.createdAt) <= SPLIT_WINDOW_MS),
      );
      if (near) out.add(e.contributionId);
    }
  }
  return [...out].sort((a, b) => a - b);
}
