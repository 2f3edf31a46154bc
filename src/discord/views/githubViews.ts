import type { LinkAttempt } from "../../services/github/deviceLinks.ts";

const relative = (d: Date) => `<t:${Math.floor(d.getTime() / 1000)}:R>`;

/** The device flow's code and where to enter it. */
export function githubLinkView(p: { verificationUri: string; userCode: string; expiresAt: Date; again: boolean }) {
  return [
    `${p.again ? "Your GitHub link is still waiting. " : ""}Open ${p.verificationUri} , sign in to GitHub as the account you want to link, and enter this code:`,
    `# \`${p.userCode}\``,
    `The code expires ${relative(p.expiresAt)}. Steward checks with GitHub in the background: once you authorize it, \`/github show\` shows your account. Steward asks for no access to your repositories: it only reads who you are.`,
  ].join("\n");
}

const FAILED: Record<Extract<LinkAttempt, { status: "failed" }>["reason"], (login?: string) => string> = {
  expired: () => "Your last `/github link` code expired before it was entered. Run `/github link` again.",
  denied: () => "You cancelled your last `/github link` on GitHub. Nothing was linked.",
  taken: (login) =>
    `GitHub account @${login ?? "?"} is already linked to another member of this server: each GitHub account can belong to one member only. Nothing was linked.`,
  unreachable: () => "Your last `/github link` did not finish: GitHub stopped answering. Run `/github link` again.",
};

/** The member's linked account, and what became of their last `/github link`. */
export function githubShowView(
  account: { login: string; githubId: number; linkedAt: Date } | null,
  attempt: LinkAttempt | null,
): string {
  const lines = [
    account
      ? `Your GitHub account: **@${account.login}** (GitHub id ${account.githubId}), linked ${relative(account.linkedAt)}. Pull requests it authored count as yours.`
      : "You have no GitHub account linked. Link one with `/github link`: until then your code links are claims, not checked facts.",
  ];
  if (attempt?.status === "pending") {
    lines.push(
      `A link is waiting for you: enter \`${attempt.userCode}\` at ${attempt.verificationUri} (expires ${relative(attempt.expiresAt)}).`,
    );
  } else if (attempt?.status === "failed") {
    lines.push(FAILED[attempt.reason](attempt.login));
  }
  return lines.join("\n");
}

export function githubUnlinkedView(login: string): string {
  return `GitHub account @${login} is no longer linked. Your pull requests are claims again until you run \`/github link\`.`;
}
