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
  /** Merged PRs someone other than their author reviewed: approved them, or merged them. */
  reviewedMerges: number;
  /**
   * Link keys of PRs merged by their own author in a repository only they control: unreviewed work whatever
   * approvals it shows (anyone can approve there, an alt too), paid at most at the unreviewed rate.
   */
  selfMerged: string[];
  /** Link keys of merged PRs a later merged PR reverted. */
  reverted: string[];
  /** Verified code whose changed lines of work are trivially few (whitespace, a one-word typo): scored as such. */
  trivial: boolean;
}

/** Fewer changed lines of work than this (all of the contribution's verified code) is a trivially small change. */
export const TRIVIAL_LINES = 10;

const sameLogin = (a: string | null, b: string) => a !== null && a.toLowerCase() === b.toLowerCase();

/** A PR merged by its own author in a repository only they control: nobody else reviewed or merged it. */
export function isSelfMerged(f: LinkFacts): boolean {
  return (
    f.status === "verified" && !!f.pr?.merged && f.repo.authorAloneControls && sameLogin(f.pr.mergedBy, f.pr.author)
  );
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
    reviewedMerges: 0,
    selfMerged: [],
    reverted: [],
    trivial: false,
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
      if (f.pr.merged && f.pr.revertedBy?.merged) work.reverted.push(f.key);
      if (isSelfMerged(f)) {
        work.selfMerged.push(f.key);
        continue;
      }
      for (const a of f.pr.approvedBy) approvers.add(a);
      if (f.pr.merged && (f.pr.approvedBy.length > 0 || (f.pr.mergedBy && !sameLogin(f.pr.mergedBy, f.pr.author))))
        work.reviewedMerges += 1;
    }
  }
  work.approvers = [...approvers];
  work.trivial = work.changes > 0 && work.workLines < TRIVIAL_LINES;
  return work;
}

/** Effort points from the verified size of the work: trivially small changes score as such. */
export function sizePoints(workLines: number): number {
  if (workLines < 10) return 0;
  if (workLines < 50) return 1;
  if (workLines < 300) return 2;
  return 3;
}
