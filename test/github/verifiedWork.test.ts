import { describe, expect, it } from "vitest";
import type { ChangeSize, LinkFacts, PullFacts, VerifiedLinkFacts } from "../../src/base/githubFacts.ts";
import { isSelfMerged, sizePoints, TRIVIAL_LINES, verifiedWork } from "../../src/llm/verifiedWork.ts";
import { judgeAuthorship, refusedPulls } from "../../src/services/github/judgeFacts.ts";

// What verified GitHub facts add up to for the rubric, link by link (issue 22's money rules), without GitHub.

const size = (work: number, apart = 0): ChangeSize => ({
  additions: work + apart,
  deletions: 0,
  files: apart > 0 ? 2 : 1,
  apart: {
    additions: apart,
    deletions: 0,
    files: apart > 0 ? 1 : 0,
    lockfiles: apart > 0 ? 1 : 0,
    generated: 0,
    whitespaceOnly: 0,
  },
});
const repo = (alone = false): VerifiedLinkFacts["repo"] => ({
  owner: "alice",
  name: "app",
  ownerType: alone ? "User" : "Organization",
  authorAloneControls: alone,
});
const base = (key: string) => ({
  status: "verified" as const,
  key,
  url: `https://${key}`,
  readAt: "2026-12-01T00:00:00Z",
  etags: {},
});
let next = 1;
function pr(
  over: Partial<PullFacts> = {},
  opts: { alone?: boolean; authorship?: "member" | "other" | "unlinked" } = {},
): VerifiedLinkFacts {
  const number = next++;
  return {
    ...base(`github.com/alice/app/pr/${number}`),
    ...(opts.authorship ? { authorship: opts.authorship } : {}),
    repo: repo(opts.alone),
    pr: {
      nodeId: `PR_${number}`,
      number,
      title: "A change",
      state: "closed",
      merged: true,
      mergedBy: "bob",
      mergedAt: "2026-12-01T00:00:00Z",
      author: "alice",
      authorId: 7,
      createdAt: "2026-11-30T00:00:00Z",
      size: size(40),
      approvedBy: [],
      changesRequestedBy: [],
      ...over,
    },
  };
}
const commit = (work: number, authorship?: "other"): VerifiedLinkFacts => ({
  ...base(`github.com/alice/app/commit/${next}`),
  ...(authorship ? { authorship } : {}),
  repo: repo(),
  commit: { sha: `${next++}`.padStart(40, "a"), author: "alice", authorId: 7, message: "fix", size: size(work) },
});
const issue = (): VerifiedLinkFacts => ({
  ...base(`github.com/alice/app/issues/${next}`),
  repo: repo(),
  issue: {
    nodeId: `I_${next}`,
    number: next++,
    title: "It crashes",
    state: "closed",
    stateReason: "completed",
    author: "alice",
    authorId: 7,
    closedBy: "alice",
  },
});
const claim = (): LinkFacts => ({
  status: "claim",
  key: `github.com/alice/app/pr/${next++}`,
  url: "https://github.com/alice/app/pull/1",
  readAt: "2026-12-01T00:00:00Z",
  reason: "not_found",
});

describe("a PR merged by its own author where they alone control the repository", () => {
  it("is self-merged only when merged, by its author (any case), in a repository only the author controls", () => {
    expect(isSelfMerged(pr({ mergedBy: "Alice" }, { alone: true }))).toBe(true);
    // Merged by someone else, in the same lone repository: that merge is a review.
    expect(isSelfMerged(pr({ mergedBy: "bob" }, { alone: true }))).toBe(false);
    // Merged by its author where others take part.
    expect(isSelfMerged(pr({ mergedBy: "alice" }, { alone: false }))).toBe(false);
    // Never merged: no merger at all.
    expect(isSelfMerged(pr({ merged: false, mergedBy: null, mergedAt: null, state: "open" }, { alone: true }))).toBe(
      false,
    );
    // Closed unmerged, with a merger GitHub would not give: still not a merge.
    expect(isSelfMerged(pr({ merged: false, mergedBy: "alice" }, { alone: true }))).toBe(false);
    // Merged, GitHub not saying by whom: not shown to be the author.
    expect(isSelfMerged(pr({ mergedBy: null }, { alone: true }))).toBe(false);
    // Not a PR, or not verified at all.
    expect(isSelfMerged({ ...commit(40), repo: repo(true) })).toBe(false);
    expect(isSelfMerged(claim())).toBe(false);
  });
});

describe("what verified facts add up to", () => {
  it("nothing verified: no changes, no lines, not trivial", () => {
    for (const facts of [undefined, [], [claim(), claim()]]) {
      expect(verifiedWork(facts)).toEqual({
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
      });
    }
  });

  it("counts PRs and commits with their lines of work apart from lockfiles; an issue adds no change", () => {
    const merged = pr({ size: size(40, 500), approvedBy: ["carol"] });
    const open = pr({ merged: false, mergedBy: null, mergedAt: null, state: "open", size: size(30), approvedBy: [] });
    const c = commit(25);
    const w = verifiedWork([merged, open, c, issue(), claim()]);
    expect(w).toMatchObject({
      changes: 3,
      workLines: 95,
      apartLines: 500,
      mergedPulls: 1,
      unmergedPulls: 1,
      approvers: ["carol"],
      reviewedMerges: 1,
      selfMerged: [],
      reverted: [],
      trivial: false,
    });
    expect(w.refused.size).toBe(0);
    // A commit alone, an issue alone.
    expect(verifiedWork([commit(12)])).toMatchObject({ changes: 1, workLines: 12, mergedPulls: 0, unmergedPulls: 0 });
    expect(verifiedWork([issue()])).toMatchObject({ changes: 0, workLines: 0, trivial: false });
  });

  it("lines of work are additions and deletions, less both of what is counted apart", () => {
    const s: ChangeSize = {
      additions: 30,
      deletions: 12,
      files: 3,
      apart: { additions: 5, deletions: 3, files: 1, lockfiles: 0, generated: 0, whitespaceOnly: 1 },
    };
    expect(verifiedWork([pr({ size: s })])).toMatchObject({ workLines: 34, apartLines: 8 });
  });

  it("someone else's PR is refused and adds nothing; the member's own and unproven ones count", () => {
    const theirs = pr({ size: size(400), approvedBy: ["carol"] }, { authorship: "other" });
    const mine = pr({ size: size(20) }, { authorship: "member" });
    const unproven = pr({ size: size(30) }, { authorship: "unlinked" });
    const w = verifiedWork([theirs, mine, unproven]);
    expect([...w.refused]).toEqual([theirs.key]);
    expect(w).toMatchObject({ changes: 2, workLines: 50, mergedPulls: 2, approvers: [], reviewedMerges: 2 });
  });

  it("a merge is reviewed when someone approved it or someone other than its author merged it", () => {
    const approvedSelfMerge = pr({ mergedBy: "alice", approvedBy: ["carol"] });
    const mergedByOther = pr({ mergedBy: "BOB" });
    const unreviewed = pr({ mergedBy: "ALICE" });
    const noMerger = pr({ mergedBy: null });
    const approvedOpen = pr({ merged: false, mergedBy: null, mergedAt: null, state: "open", approvedBy: ["dave"] });
    expect(verifiedWork([approvedSelfMerge]).reviewedMerges).toBe(1);
    expect(verifiedWork([mergedByOther]).reviewedMerges).toBe(1);
    expect(verifiedWork([unreviewed]).reviewedMerges).toBe(0);
    expect(verifiedWork([noMerger]).reviewedMerges).toBe(0);
    expect(verifiedWork([approvedOpen])).toMatchObject({ reviewedMerges: 0, approvers: ["dave"], unmergedPulls: 1 });
  });

  it("self-merged PRs are named and their approvals (an alt's) count for nothing", () => {
    const selfMerged = pr({ mergedBy: "alice", approvedBy: ["alice-alt"] }, { alone: true });
    const reviewed = pr({ mergedBy: "bob", approvedBy: ["carol"] }, { alone: true });
    const w = verifiedWork([selfMerged, reviewed]);
    expect(w.selfMerged).toEqual([selfMerged.key]);
    expect(w.approvers).toEqual(["carol"]);
    expect(w.reviewedMerges).toBe(1);
    expect(w).toMatchObject({ changes: 2, mergedPulls: 2, workLines: 80 });
  });

  it("a merged PR is reverted only by a merged revert", () => {
    const reverted = pr({ revertedBy: { number: 90, merged: true, createdAt: "2026-12-02T00:00:00Z" } });
    const proposed = pr({ revertedBy: { number: 91, merged: false, createdAt: "2026-12-02T00:00:00Z" } });
    const none = pr({ revertedBy: null });
    expect(verifiedWork([reverted, proposed, none]).reverted).toEqual([reverted.key]);
  });

  it("trivial below TRIVIAL_LINES lines of work, all verified code together; lockfile lines do not help", () => {
    expect(TRIVIAL_LINES).toBe(10);
    expect(verifiedWork([pr({ size: size(9, 800) })]).trivial).toBe(true);
    expect(verifiedWork([pr({ size: size(10) })]).trivial).toBe(false);
    expect(verifiedWork([pr({ size: size(4) }), commit(6)]).trivial).toBe(false);
    expect(verifiedWork([pr({ size: size(4) }), commit(5)]).trivial).toBe(true);
    expect(verifiedWork([pr({ size: size(0) })]).trivial).toBe(true);
  });
});

describe("effort points from lines of work", () => {
  it("0 below 10, 1 below 50, 2 below 300, 3 from 300", () => {
    const at = [0, 9, 10, 49, 50, 299, 300, 5000].map((n) => [n, sizePoints(n)]);
    expect(at).toEqual([
      [0, 0],
      [9, 0],
      [10, 1],
      [49, 1],
      [50, 2],
      [299, 2],
      [300, 3],
      [5000, 3],
    ]);
  });
});

describe("who authored a PR, judged per link", () => {
  it("sets authorship on verified PRs only, by GitHub id; commits, issues and claims are left as they are", () => {
    const mine = pr({ authorId: 7 });
    const theirs = pr({ authorId: 8 });
    const c = commit(20);
    const i = issue();
    const cl = claim();
    const judged = judgeAuthorship([mine, theirs, c, i, cl], { githubId: 7 });
    expect(judged.map((f) => (f.status === "verified" ? f.authorship : "claim"))).toEqual([
      "member",
      "other",
      undefined,
      undefined,
      "claim",
    ]);
    expect(judged.slice(2)).toEqual([c, i, cl]);
    const unlinked = judgeAuthorship([mine, c, cl], null);
    expect(unlinked.map((f) => (f.status === "verified" ? f.authorship : "claim"))).toEqual([
      "unlinked",
      undefined,
      "claim",
    ]);
    expect(unlinked.slice(1)).toEqual([c, cl]);
  });

  it("refuses only PRs someone else authored, never a commit or a claim", () => {
    const theirs = pr({ authorId: 8, author: "mallory" }, { authorship: "other" });
    const mine = pr({}, { authorship: "member" });
    const otherCommit = commit(20, "other");
    expect(refusedPulls([theirs, mine, otherCommit, issue(), claim()])).toEqual([
      { key: theirs.key, number: theirs.pr?.number, author: "mallory" },
    ]);
    expect(refusedPulls(undefined)).toEqual([]);
  });
});
