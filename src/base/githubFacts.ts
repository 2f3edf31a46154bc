import { z } from "zod";

/** Why a code link stays a claim: GitHub could not tell Steward what it is. */
export const CLAIM_REASONS = [
  /** 404: no such PR/commit/issue, or a private repository (GitHub answers both alike). */
  "not_found",
  /** GitHub's primary or secondary limit, with its reset beyond the evaluation's wait. */
  "rate_limited",
  /** GITHUB_FACTS_TIMEOUT passed before the link was read. */
  "timeout",
  /** GitHub did not answer, or answered something else (5xx, a network error). */
  "unreachable",
] as const;
export type ClaimReason = (typeof CLAIM_REASONS)[number];

const login = z.string();

/** Lines of a change: all of them, and those counted apart (lockfiles, generated/vendored files, whitespace only). */
export const changeSizeSchema = z.object({
  additions: z.number().int().nonnegative(),
  deletions: z.number().int().nonnegative(),
  files: z.number().int().nonnegative(),
  /** Of the above, in lockfiles, generated or vendored files, or changing only whitespace: not the work itself. */
  apart: z.object({
    additions: z.number().int().nonnegative(),
    deletions: z.number().int().nonnegative(),
    files: z.number().int().nonnegative(),
    lockfiles: z.number().int().nonnegative(),
    generated: z.number().int().nonnegative(),
    whitespaceOnly: z.number().int().nonnegative(),
  }),
});
export type ChangeSize = z.infer<typeof changeSizeSchema>;

export const repoFactsSchema = z.object({
  owner: login,
  name: z.string(),
  ownerType: z.enum(["User", "Organization"]),
  /** The link's author owns the repository (a user, not an organisation) and no one else contributed to it. */
  authorAloneControls: z.boolean(),
});
export type RepoFacts = z.infer<typeof repoFactsSchema>;

export const pullFactsSchema = z.object({
  /** GitHub's node id: the same PR however the repository is renamed or the link written. */
  nodeId: z.string(),
  number: z.number().int(),
  title: z.string(),
  state: z.enum(["open", "closed"]),
  merged: z.boolean(),
  mergedBy: login.nullable(),
  mergedAt: z.string().nullable(),
  author: login,
  authorId: z.number().int(),
  createdAt: z.string(),
  size: changeSizeSchema,
  /** Each reviewer's last approval or change request (comment-only reviews approve nothing). */
  approvedBy: z.array(login),
  changesRequestedBy: z.array(login),
  /**
   * False when the reviews were not asked for: someone other than its author merged it, which is itself the review
   * (absent in facts read before this was recorded: the reviews were read).
   */
  reviewsRead: z.boolean().optional(),
  /** Issues of its repository its description closes with GitHub's closing keywords ("Closes #12"): closed at merge. */
  closesIssues: z.array(z.number().int()).optional(),
  /** A later PR of its repository that reverts it (GitHub's "Revert" button: `Reverts owner/repo#n`); null: none. */
  revertedBy: z.object({ number: z.number().int(), merged: z.boolean(), createdAt: z.string() }).nullable().optional(),
});
export type PullFacts = z.infer<typeof pullFactsSchema>;

export const commitFactsSchema = z.object({
  sha: z.string(),
  /** The GitHub account the commit is attributed to (null: an email GitHub does not know). */
  author: login.nullable(),
  authorId: z.number().int().nullable(),
  message: z.string(),
  size: changeSizeSchema,
});
export type CommitFacts = z.infer<typeof commitFactsSchema>;

export const issueFactsSchema = z.object({
  nodeId: z.string(),
  number: z.number().int(),
  title: z.string(),
  state: z.enum(["open", "closed"]),
  stateReason: z.string().nullable(),
  author: login,
  authorId: z.number().int(),
  closedBy: login.nullable(),
});
export type IssueFacts = z.infer<typeof issueFactsSchema>;

/** What GitHub said a code link is, when it was read, and the ETags to ask again with. */
export const linkFactsSchema = z.discriminatedUnion("status", [
  z.object({
    status: z.literal("verified"),
    key: z.string(),
    url: z.string(),
    readAt: z.string(),
    etags: z.record(z.string(), z.string()),
    /**
     * A PR's author against the member's verified GitHub account: `member` (theirs), `other` (someone else's: refused
     * as their evidence), `unlinked` (the member linked no account: authorship unproven). Set at evaluation.
     */
    authorship: z.enum(["member", "other", "unlinked"]).optional(),
    repo: repoFactsSchema,
    pr: pullFactsSchema.optional(),
    commit: commitFactsSchema.optional(),
    issue: issueFactsSchema.optional(),
  }),
  z.object({
    status: z.literal("claim"),
    key: z.string(),
    url: z.string(),
    readAt: z.string(),
    reason: z.enum(CLAIM_REASONS),
  }),
]);
export type LinkFacts = z.infer<typeof linkFactsSchema>;
export type VerifiedLinkFacts = Extract<LinkFacts, { status: "verified" }>;

export const linkFactsListSchema = z.array(linkFactsSchema);
