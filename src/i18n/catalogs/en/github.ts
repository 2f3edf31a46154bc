/** English: the source every other catalog translates. Keys start with "github.". */
export const github = {
  "github.fact.claim":
    "{key}: not checked ({reason, select, not_found {not found on GitHub, or private} rate_limited {GitHub's rate limit was reached} timeout {GitHub did not answer in time} unreachable {GitHub did not answer} other {GitHub did not answer}}), counted as described",
  "github.fact.otherAuthor": "PR #{number} was authored by {author}: only its author can claim it.",
  "github.fact.pr": "PR #{number} {details}",
  "github.fact.separator": ", ",
  "github.fact.listSeparator": ", ",
  "github.fact.merged": "merged",
  "github.fact.mergedBy": "merged by {login}",
  "github.fact.closed": "closed without merging",
  "github.fact.open": "open, not merged",
  "github.fact.byYou": "authored by you ✓",
  "github.fact.byUnchecked":
    "authored by {login} (not checked against you: link your GitHub account with /github link)",
  "github.fact.approvedBy": "approved by {logins}",
  "github.fact.noApproval": "no approving review",
  "github.fact.selfMerged": "merged by its author in a repository only they control: paid at most as unreviewed work",
  "github.fact.authorAlone": "in a repository only its author controls",
  "github.fact.closes": "closes {issues}",
  "github.fact.reverted": "reverted by PR #{number} ⚠",
  "github.fact.revertProposed": "a revert is proposed in PR #{number}",
  "github.fact.size": "+{additions}/−{deletions} in {fileCount, plural, one {{files} file} other {{files} files}}",
  "github.fact.sizeApart":
    "+{additions}/−{deletions} in {fileCount, plural, one {{files} file} other {{files} files}} (+{apartAdditions}/−{apartDeletions} of it lockfiles, generated or whitespace)",
  "github.fact.commit": "Commit {sha} by {author}, {size}",
  "github.fact.unknownAuthor": "an account GitHub does not know",
  "github.fact.issueOpen": "Issue #{number} open, opened by {author}",
  "github.fact.issueClosed": "Issue #{number} closed, opened by {author}",
  "github.fact.issueClosedBy": "Issue #{number} closed by {closer}, opened by {author}",
  "github.link.open": "Open {uri} , sign in to GitHub as the account you want to link, and enter this code:",
  "github.link.openAgain":
    "Your GitHub link is still waiting. Open {uri} , sign in to GitHub as the account you want to link, and enter this code:",
  "github.link.expires":
    "The code expires {expires}. Steward checks with GitHub in the background: once you authorize it, `/github show` shows your account. Steward asks for no access to your repositories: it only reads who you are.",
  "github.failed.expired": "Your last `/github link` code expired before it was entered. Run `/github link` again.",
  "github.failed.denied": "You cancelled your last `/github link` on GitHub. Nothing was linked.",
  "github.failed.taken":
    "GitHub account @{login} is already linked to another member of this server: each GitHub account can belong to one member only. Nothing was linked.",
  "github.failed.unreachable":
    "Your last `/github link` did not finish: GitHub stopped answering. Run `/github link` again.",
  "github.failed.unknownUser": "GitHub no longer has a user @{login}: your last `/github link` could not finish.",
  "github.show.linked":
    "Your GitHub account: **@{login}** (GitHub id {githubId}), linked {linked}. Pull requests it authored count as yours.",
  "github.show.none":
    "You have no GitHub account linked. Link one with `/github link`: until then your code links are claims, not checked facts.",
  "github.show.gistPending":
    "A gist proof for @{login} is waiting (expires {expires}): put the text `/github link login:{login}` gives you in a public gist, then run it again.",
  "github.show.devicePending": "A link is waiting for you: enter `{code}` at {uri} (expires {expires}).",
  "github.unlinked":
    "GitHub account @{login} is no longer linked. Your pull requests are claims again until you run `/github link`.",
  "github.gist.linked":
    "GitHub account **@{login}** is linked to you: Steward found your challenge in its public gist. Pull requests it authored count as yours.",
  "github.gist.relinked":
    "GitHub account **@{login}** is now linked to you, replacing your previous one: Steward found your challenge in its public gist. Pull requests it authored count as yours.",
  "github.gist.notFound":
    "No public gist of @{login} contains your challenge yet (Steward read its newest public gists). Create one with exactly this text, then check again:",
  "github.gist.create":
    "To prove you control GitHub account @{login}, create a **public** gist (https://gist.github.com) as @{login} containing exactly this text:",
  "github.gist.expires":
    "The challenge expires {expires}. Then press **{button}** (or run `/github link login:{login}` again). You may delete the gist once linked.",
  "github.gist.check.button": "Check my gist",
  "github.draft.post":
    "<@{member}>, your pull request {url} was merged. Steward drafted a code contribution from it (draft #{id}): **{title}**.\nNothing is submitted unless you confirm it; once submitted it is evaluated with what GitHub says about the PR.",
  "github.draft.submit.button": "Submit it",
  "github.draft.discard.button": "Discard",
  "github.draft.confirmed":
    "Draft #{id} from {url} was submitted as contribution #{contributionId}; its evaluation follows.",
  "github.draft.discarded": "Draft #{id} from {url} was discarded: nothing was submitted.",
} as const;
