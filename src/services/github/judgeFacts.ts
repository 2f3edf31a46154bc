import type { LinkFacts } from "../../base/githubFacts.ts";

/** A PR someone else authored, claimed by this member: refused as their evidence. */
export interface RefusedPull {
  key: string;
  number: number;
  author: string;
}

/**
 * Each PR's author against the member's verified GitHub account (by GitHub's numeric id, which survives a renamed
 * login): the member's own, someone else's, or unproven when the member linked no account.
 */
export function judgeAuthorship(facts: readonly LinkFacts[], account: { githubId: number } | null): LinkFacts[] {
  return facts.map((f) => {
    if (f.status !== "verified" || !f.pr) return f;
    const authorship = !account ? "unlinked" : f.pr.authorId === account.githubId ? "member" : "other";
    return { ...f, authorship };
  });
}

/** The PRs of these facts that someone else authored: they earn nothing for this member. */
export function refusedPulls(facts: readonly LinkFacts[] | undefined): RefusedPull[] {
  return (facts ?? []).flatMap((f) =>
    f.status === "verified" && f.pr && f.authorship === "other"
      ? [{ key: f.key, number: f.pr.number, author: f.pr.author }]
      : [],
  );
}
