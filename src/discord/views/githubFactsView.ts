import type { ChangeSize, LinkFacts } from "../../base/githubFacts.ts";
import type { Translator } from "../../i18n/translator.ts";
import { isSelfMerged } from "../../llm/verifiedWork.ts";
import { userLine } from "./userText.ts";

const login = (l: string) => `@${userLine(l, 40)}`;
/** Counts of lines and files stay bare digits ("+1200/−30 in 1234 files"), as diffs show them. */
const digits = (n: number) => String(n);

function sizeText(t: Translator, s: ChangeSize): string {
  const size = {
    additions: digits(s.additions),
    deletions: digits(s.deletions),
    files: digits(s.files),
    fileCount: s.files,
  };
  return s.apart.files > 0
    ? t.t("github.fact.sizeApart", {
        ...size,
        apartAdditions: digits(s.apart.additions),
        apartDeletions: digits(s.apart.deletions),
      })
    : t.t("github.fact.size", size);
}

/** One line per code link: what GitHub says it is ("PR #81 merged by @bob, authored by you ✓, +120/−30 in 4 files"). */
export function githubFactLine(t: Translator, f: LinkFacts): string {
  if (f.status === "claim") return t.t("github.fact.claim", { key: userLine(f.key, 120), reason: f.reason });
  const list = (items: string[]) => items.join(t.t("github.fact.listSeparator"));
  if (f.pr) {
    const pr = f.pr;
    const number = String(pr.number);
    if (f.authorship === "other") return t.t("github.fact.otherAuthor", { number, author: login(pr.author) });
    const details = [
      pr.merged
        ? pr.mergedBy
          ? t.t("github.fact.mergedBy", { login: login(pr.mergedBy) })
          : t.t("github.fact.merged")
        : pr.state === "closed"
          ? t.t("github.fact.closed")
          : t.t("github.fact.open"),
      f.authorship === "member"
        ? t.t("github.fact.byYou")
        : t.t("github.fact.byUnchecked", { login: login(pr.author) }),
      sizeText(t, pr.size),
    ];
    // Reviews not asked (reviewsRead false): someone else merged it, which the state already says.
    if (pr.approvedBy.length > 0)
      details.push(t.t("github.fact.approvedBy", { logins: list(pr.approvedBy.map(login)) }));
    else if (pr.reviewsRead !== false) details.push(t.t("github.fact.noApproval"));
    const closes = pr.closesIssues ?? [];
    if (closes.length > 0) details.push(t.t("github.fact.closes", { issues: list(closes.map((n) => `#${n}`)) }));
    if (isSelfMerged(f)) details.push(t.t("github.fact.selfMerged"));
    else if (f.repo.authorAloneControls) details.push(t.t("github.fact.authorAlone"));
    if (pr.revertedBy) {
      const revert = { number: String(pr.revertedBy.number) };
      details.push(t.t(pr.revertedBy.merged ? "github.fact.reverted" : "github.fact.revertProposed", revert));
    }
    return t.t("github.fact.pr", { number, details: details.join(t.t("github.fact.separator")) });
  }
  if (f.commit) {
    const author = f.commit.author ? login(f.commit.author) : t.t("github.fact.unknownAuthor");
    return t.t("github.fact.commit", { sha: f.commit.sha.slice(0, 7), author, size: sizeText(t, f.commit.size) });
  }
  if (f.issue) {
    const i = f.issue;
    const values = { number: String(i.number), author: login(i.author) };
    if (i.state !== "closed") return t.t("github.fact.issueOpen", values);
    return i.closedBy
      ? t.t("github.fact.issueClosedBy", { ...values, closer: login(i.closedBy) })
      : t.t("github.fact.issueClosed", values);
  }
  return userLine(f.key, 120);
}
