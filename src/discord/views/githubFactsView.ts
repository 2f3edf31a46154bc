import type { ChangeSize, ClaimReason, LinkFacts } from "../../base/githubFacts.ts";
import { isSelfMerged } from "../../llm/verifiedWork.ts";
import { userLine } from "./userText.ts";

const CLAIM: Record<ClaimReason, string> = {
  not_found: "not found on GitHub, or private",
  rate_limited: "GitHub's rate limit was reached",
  timeout: "GitHub did not answer in time",
  unreachable: "GitHub did not answer",
};

const files = (n: number) => `${n} file${n === 1 ? "" : "s"}`;
const login = (l: string) => `@${userLine(l, 40)}`;

function sizeText(s: ChangeSize): string {
  const apart =
    s.apart.files > 0 ? ` (+${s.apart.additions}/−${s.apart.deletions} of it lockfiles, generated or whitespace)` : "";
  return `+${s.additions}/−${s.deletions} in ${files(s.files)}${apart}`;
}

/** One line per code link: what GitHub says it is ("PR #81 merged by @bob, authored by you ✓, +120/−30 in 4 files"). */
export function githubFactLine(f: LinkFacts): string {
  if (f.status === "claim") return `${userLine(f.key, 120)}: not checked (${CLAIM[f.reason]}), counted as described`;
  if (f.pr) {
    const pr = f.pr;
    if (f.authorship === "other")
      return `PR #${pr.number} was authored by ${login(pr.author)}: only its author can claim it.`;
    const state = pr.merged
      ? `merged${pr.mergedBy ? ` by ${login(pr.mergedBy)}` : ""}`
      : pr.state === "closed"
        ? "closed without merging"
        : "open, not merged";
    const by =
      f.authorship === "member"
        ? "authored by you ✓"
        : `authored by ${login(pr.author)} (not checked against you: link your GitHub account with /github link)`;
    // Reviews not asked (reviewsRead false): someone else merged it, which the state already says.
    const reviews =
      pr.approvedBy.length > 0
        ? `, approved by ${pr.approvedBy.map(login).join(", ")}`
        : pr.reviewsRead === false
          ? ""
          : ", no approving review";
    const alone = isSelfMerged(f)
      ? ", merged by its author in a repository only they control: paid at most as unreviewed work"
      : f.repo.authorAloneControls
        ? ", in a repository only its author controls"
        : "";
    const closes =
      (pr.closesIssues?.length ?? 0) > 0 ? `, closes ${(pr.closesIssues ?? []).map((n) => `#${n}`).join(", ")}` : "";
    const reverted = pr.revertedBy
      ? pr.revertedBy.merged
        ? `, reverted by PR #${pr.revertedBy.number} ⚠`
        : `, a revert is proposed in PR #${pr.revertedBy.number}`
      : "";
    return `PR #${pr.number} ${state}, ${by}, ${sizeText(pr.size)}${reviews}${closes}${alone}${reverted}`;
  }
  if (f.commit) {
    const author = f.commit.author ? login(f.commit.author) : "an account GitHub does not know";
    return `Commit ${f.commit.sha.slice(0, 7)} by ${author}, ${sizeText(f.commit.size)}`;
  }
  if (f.issue) {
    const i = f.issue;
    const state = i.state === "closed" ? `closed${i.closedBy ? ` by ${login(i.closedBy)}` : ""}` : "open";
    return `Issue #${i.number} ${state}, opened by ${login(i.author)}`;
  }
  return userLine(f.key, 120);
}
