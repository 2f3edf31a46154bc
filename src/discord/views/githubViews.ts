import { ButtonStyle, ComponentType } from "discord-api-types/v10";
import type { LinkAttempt } from "../../services/github/deviceLinks.ts";
import type { GistOutcome } from "../../services/github/gistProof.ts";

/** The gist proof's Check button: `github:check` (stateless: the click checks the clicking member's own challenge). */
export const GITHUB_BUTTON_PREFIX = "github";

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
  unknown_user: (login) => `GitHub no longer has a user @${login ?? "?"}: your last \`/github link\` could not finish.`,
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
  if (attempt?.status === "pending" && attempt.method === "gist") {
    lines.push(
      `A gist proof for @${attempt.login} is waiting (expires ${relative(attempt.expiresAt)}): put the text \`/github link login:${attempt.login}\` gives you in a public gist, then run it again.`,
    );
  } else if (attempt?.status === "pending") {
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

/** The gist proof: the challenge to put in a public gist and a button to check, or the account it linked. */
export function githubGistView(o: GistOutcome) {
  if (o.status !== "waiting") {
    return {
      content: `GitHub account **@${o.login}** is ${o.status === "relinked" ? "now linked to you, replacing your previous one" : "linked to you"}: Steward found your challenge in its public gist. Pull requests it authored count as yours.`,
      components: [],
    };
  }
  const lead = o.notFound
    ? `No public gist of @${o.login} contains your challenge yet (Steward read its newest public gists). Create one with exactly this text, then check again:`
    : `To prove you control GitHub account @${o.login}, create a **public** gist (https://gist.github.com) as @${o.login} containing exactly this text:`;
  return {
    content: [
      lead,
      `\`\`\`\n${o.challenge}\n\`\`\``,
      `The challenge expires ${relative(o.expiresAt)}. Then press **Check my gist** (or run \`/github link login:${o.login}\` again). You may delete the gist once linked.`,
    ].join("\n"),
    components: [
      {
        type: ComponentType.ActionRow,
        components: [
          {
            type: ComponentType.Button,
            style: ButtonStyle.Primary,
            custom_id: `${GITHUB_BUTTON_PREFIX}:check`,
            label: "Check my gist",
          },
        ],
      },
    ],
  };
}
