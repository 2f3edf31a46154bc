import { ButtonStyle, ComponentType } from "discord-api-types/v10";
import type { MessageKey } from "../../i18n/catalogs/index.ts";
import type { Translator } from "../../i18n/translator.ts";
import type { LinkAttempt } from "../../services/github/deviceLinks.ts";
import type { GistOutcome } from "../../services/github/gistProof.ts";

/** The gist proof's Check button: `github:check` (stateless: the click checks the clicking member's own challenge). */
export const GITHUB_BUTTON_PREFIX = "github";

const relative = (d: Date) => `<t:${Math.floor(d.getTime() / 1000)}:R>`;

/** The device flow's code and where to enter it. */
export function githubLinkView(
  t: Translator,
  p: { verificationUri: string; userCode: string; expiresAt: Date; again: boolean },
) {
  return [
    t.t(p.again ? "github.link.openAgain" : "github.link.open", { uri: p.verificationUri }),
    `# \`${p.userCode}\``,
    t.t("github.link.expires", { expires: relative(p.expiresAt) }),
  ].join("\n");
}

const FAILED: Record<Extract<LinkAttempt, { status: "failed" }>["reason"], MessageKey> = {
  expired: "github.failed.expired",
  denied: "github.failed.denied",
  taken: "github.failed.taken",
  unreachable: "github.failed.unreachable",
  unknown_user: "github.failed.unknownUser",
};

/** The member's linked account, and what became of their last `/github link`. */
export function githubShowView(
  t: Translator,
  account: { login: string; githubId: number; linkedAt: Date } | null,
  attempt: LinkAttempt | null,
): string {
  const lines = [
    account
      ? t.t("github.show.linked", {
          login: account.login,
          githubId: String(account.githubId),
          linked: relative(account.linkedAt),
        })
      : t.t("github.show.none"),
  ];
  if (attempt?.status === "pending" && attempt.method === "gist") {
    lines.push(t.t("github.show.gistPending", { login: attempt.login, expires: relative(attempt.expiresAt) }));
  } else if (attempt?.status === "pending") {
    lines.push(
      t.t("github.show.devicePending", {
        code: attempt.userCode,
        uri: attempt.verificationUri,
        expires: relative(attempt.expiresAt),
      }),
    );
  } else if (attempt?.status === "failed") {
    lines.push(t.t(FAILED[attempt.reason], { login: attempt.login ?? "?" }));
  }
  return lines.join("\n");
}

export function githubUnlinkedView(t: Translator, login: string): string {
  return t.t("github.unlinked", { login });
}

/** The gist proof: the challenge to put in a public gist and a button to check, or the account it linked. */
export function githubGistView(t: Translator, o: GistOutcome) {
  if (o.status !== "waiting") {
    return {
      content: t.t(o.status === "relinked" ? "github.gist.relinked" : "github.gist.linked", { login: o.login }),
      components: [],
    };
  }
  const button = t.t("github.gist.check.button");
  return {
    content: [
      t.t(o.notFound ? "github.gist.notFound" : "github.gist.create", { login: o.login }),
      `\`\`\`\n${o.challenge}\n\`\`\``,
      t.t("github.gist.expires", { expires: relative(o.expiresAt), button, login: o.login }),
    ].join("\n"),
    components: [
      {
        type: ComponentType.ActionRow,
        components: [
          {
            type: ComponentType.Button,
            style: ButtonStyle.Primary,
            custom_id: `${GITHUB_BUTTON_PREFIX}:check`,
            label: button,
          },
        ],
      },
    ],
  };
}
