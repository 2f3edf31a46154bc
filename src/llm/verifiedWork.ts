import type { LinkFacts } from "../base/githubFacts.ts";

/** What the evaluators may rely on from GitHub's facts: the member's checked code work, and what was refused. */
export interface VerifiedWork {
  /** Link keys of PRs someone else authored: they earn nothing. */
  refused: Set<string>;
  /** Verified PRs and commits that are not refused. */
  changes: number;
  /** Changed lines of work: additions + deletions without lockfiles, generated/vendored files, whitespace-only files. */
  workLines: number;
  apartLines: number;
  mergedPulls: number;
  unmergedPulls: number;
  /** Reviewers (not the author) who approved any of the PRs. */
  approvers: string[];
}

export function verifiedWork(facts: readonly LinkFacts[] | undefined): VerifiedWork {
  const work: VerifiedWork = {
    refused: new Set(),
    changes: 0,
    workLines: 0,
    apartLines: 0,
    mergedPulls: 0,
    unmergedPulls: 0,
    approvers: [],
  };
  const approvers = new Set<string>();
  for (const f of facts ?? []) {
    if (f.status !== "verified") continue;
    if (f.pr && f.authorship === "other") {
      work.refused.add(f.key);
      continue;
    }
    const size = f.pr?.size ?? f.commit?.size;
    if (!size) continue;
    work.changes += 1;
    const apart = size.apart.additions + size.apart.deletions;
    work.apartLines += apart;
    work.workLines += size.additions + size.deletions - apart;
    if (f.pr) {
      if (f.pr.merged) work.mergedPulls += 1;
      else work.unmergedPulls += 1;
      for (const a of f.pr.approvedBy) approvers.add(a);
    }
  }
  work.approvers = [...approvers];
  return work;
}

/** Effort points from the verified size of the work: trivially small changes score as such. */
export function sizePoints(workLines: number): number {
  if (workLines < 10) return 0;
  if (workLines < 50) return 1;
  if (workLines < 300) return 2;
  return 3;
}
