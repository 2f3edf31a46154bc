import { randomBytes } from "node:crypto";
import { Octokit } from "@octokit/rest";
import type { Actor, ServiceDeps } from "../deps.ts";
import { UserError } from "../errors.ts";
import { saveLinkAttempt } from "./deviceLinks.ts";
import type { GithubDeps } from "./githubDeps.ts";
import { linkGithubAccount } from "./linkGithub.ts";

type Deps = Pick<ServiceDeps, "db" | "now" | "github">;

/** How long a gist challenge can be found: enough to create a gist, short enough that an old one is not reused. */
export const GIST_CHALLENGE_TTL_MS = 60 * 60_000;
/** How long one check of the member's gists may take before GitHub counts as not answering. */
export const GIST_READ_TIMEOUT_MS = 10_000;
/** The newest gists read: the challenge was just created, so it is among the first page GitHub lists. */
const GISTS_READ = 30;

/** GitHub's rule for a login: letters, digits and single hyphens inside, at most 39 characters. */
export const isGithubLogin = (login: string) => /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/.test(login);

/** The text the member puts in a public gist: it names the guild, the member and the account, and a random nonce. */
export function gistChallenge(p: { guildId: string; discordId: string; login: string; nonce: string }): string {
  return `Steward: GitHub account ${p.login} belongs to Discord member ${p.discordId} of server ${p.guildId} (proof ${p.nonce})`;
}

/** Whether a gist of `owner` proves the challenge: it is theirs and one of its files holds the exact text. */
export function gistProves(
  gist: { owner?: { login: string } | null; files?: Record<string, { content?: string } | null> },
  owner: string,
  challenge: string,
): boolean {
  if (gist.owner?.login.toLowerCase() !== owner.toLowerCase()) return false;
  return Object.values(gist.files ?? {}).some((f) => f?.content?.includes(challenge) === true);
}

export type GistOutcome =
  | { status: "waiting"; login: string; challenge: string; expiresAt: Date; notFound: boolean }
  | { status: "linked" | "relinked"; login: string };

/**
 * `/github link login:<name>`: a gist proof of the account, for a Steward without a GitHub OAuth app (or a member who
 * prefers it). The first call checks the user exists and stores a challenge (guild, member, login, nonce) with an
 * expiry; while it waits, the same command (or the Check button) reads the user's public gists for it.
 */
export async function startGistLink(deps: Deps, actor: Actor, login: string): Promise<GistOutcome> {
  const github = deps.github;
  if (!github) throw new UserError("github_off", {});
  if (!isGithubLogin(login)) throw new UserError("github_login_invalid", { login });
  const now = deps.now();
  const current = await deps.db.githubLinkAttempt.findUnique({
    where: { guildId_discordId: { guildId: actor.guildId, discordId: actor.discordId } },
  });
  if (
    current?.method === "gist" &&
    current.status === "pending" &&
    current.expiresAt > now &&
    current.login?.toLowerCase() === login.toLowerCase()
  ) {
    return checkGistLink(deps, actor);
  }
  const user = await readGithub(github, (o, signal) =>
    o.rest.users.getByUsername({ username: login, request: { signal } }),
  );
  if (!user) throw new UserError("github_user_unknown", { login });
  const nonce = randomBytes(12).toString("hex");
  const challenge = gistChallenge({
    guildId: actor.guildId,
    discordId: actor.discordId,
    login: user.data.login,
    nonce,
  });
  const expiresAt = new Date(now.getTime() + GIST_CHALLENGE_TTL_MS);
  const row = {
    username: actor.username,
    method: "gist",
    status: "pending",
    reason: null,
    login: user.data.login,
    deviceCode: null,
    userCode: null,
    verificationUri: null,
    interval: null,
    nonce,
    challenge,
    startedAt: now,
    expiresAt,
    endedAt: null,
  };
  await saveLinkAttempt(deps.db, actor, row);
  return { status: "waiting", login: user.data.login, challenge, expiresAt, notFound: false };
}

/**
 * Reads the public gists of the account the member's challenge names; when one holds the challenge, links the
 * account by GitHub's numeric id as the device flow does (same one-account rules, audited with the gist).
 */
export async function checkGistLink(deps: Deps, actor: Actor): Promise<GistOutcome> {
  const github = deps.github;
  if (!github) throw new UserError("github_off", {});
  const row = await deps.db.githubLinkAttempt.findUnique({
    where: { guildId_discordId: { guildId: actor.guildId, discordId: actor.discordId } },
  });
  if (row?.method !== "gist" || !row.login || !row.challenge) throw new UserError("github_gist_none", {});
  if (row.status === "linked") return { status: "linked", login: row.login };
  if (row.status !== "pending") throw new UserError("github_gist_none", {});
  const login = row.login;
  const challenge = row.challenge;
  const end = (data: { status: "linked" | "failed"; reason?: string }) =>
    deps.db.githubLinkAttempt.updateMany({
      where: { id: row.id, nonce: row.nonce, status: "pending" },
      data: { status: data.status, reason: data.reason ?? null, endedAt: deps.now() },
    });
  if (row.expiresAt <= deps.now()) {
    await end({ status: "failed", reason: "expired" });
    throw new UserError("github_gist_expired", { login });
  }
  const found = await readGithub(github, async (o, signal) => {
    const user = await o.rest.users.getByUsername({ username: login, request: { signal } });
    const listed = await o.rest.gists.listForUser({ username: login, per_page: GISTS_READ, request: { signal } });
    for (const item of listed.data) {
      const gist = await o.rest.gists.get({ gist_id: item.id, request: { signal } });
      if (gistProves(gist.data, user.data.login, challenge))
        return { user: user.data, gistId: gist.data.id ?? item.id };
    }
    return { user: user.data, gistId: null };
  });
  if (!found) {
    await end({ status: "failed", reason: "unknown_user" });
    throw new UserError("github_user_unknown", { login });
  }
  if (!found.gistId) return { status: "waiting", login, challenge, expiresAt: row.expiresAt, notFound: true };
  const outcome = await linkGithubAccount(
    deps,
    actor,
    { login: found.user.login, githubId: found.user.id },
    { method: "gist", gistId: found.gistId },
  );
  if (outcome === "taken") {
    await end({ status: "failed", reason: "taken" });
    throw new UserError("github_taken", { login: found.user.login });
  }
  await end({ status: "linked" });
  return { status: outcome, login: found.user.login };
}

/** Runs `read` against GitHub within GIST_READ_TIMEOUT_MS (and Steward's shutdown): null for a 404. */
async function readGithub<T>(
  github: GithubDeps,
  read: (o: Octokit, signal: AbortSignal) => Promise<T>,
): Promise<T | null> {
  const octokit = new Octokit({
    baseUrl: github.apiUrl,
    auth: github.token,
    log: { debug() {}, info() {}, warn() {}, error() {} },
    userAgent: "steward",
  });
  const signal = AbortSignal.any([github.links.signal, AbortSignal.timeout(GIST_READ_TIMEOUT_MS)]);
  try {
    return await read(octokit, signal);
  } catch (error) {
    if ((error as { status?: number }).status === 404 && !signal.aborted) return null;
    throw new UserError("github_gist_unreachable", {});
  }
}
