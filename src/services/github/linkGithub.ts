import { createOAuthDeviceAuth } from "@octokit/auth-oauth-device";
import { Octokit } from "@octokit/rest";
import { isUniqueViolation } from "../../db/isUniqueViolation.ts";
import type { Logger } from "../../logger.ts";
import { appendAuditEvent } from "../audit/appendAuditEvent.ts";
import { runAudited } from "../audit/runAudited.ts";
import type { Actor, ServiceDeps } from "../deps.ts";
import { UserError } from "../errors.ts";
import { ensureMember } from "../members/ensureMember.ts";
import { withTimeout } from "../withTimeout.ts";
import { attemptKey, type LinkAttempt } from "./deviceLinks.ts";

type Deps = Pick<ServiceDeps, "db" | "now" | "github">;
type Pending = Extract<LinkAttempt, { status: "pending" }>;

const quiet = { debug() {}, info() {}, warn() {}, error() {} };

/** How long `/github link` waits for GitHub's device code before saying GitHub did not answer. */
export const DEVICE_CODE_TIMEOUT_MS = 10_000;

/**
 * Starts `/github link`: asks GitHub for a device code and returns the URL and code for the member to enter. GitHub
 * is then polled in the background (at the interval it asks for, until the member approves, cancels, or the code
 * expires): once approved, the token's owner is read and stored as the member's verified account, audited. A flow
 * already in progress for the member is returned again rather than started twice.
 */
export async function startGithubLink(
  deps: Deps,
  actor: Actor,
  logger?: Logger,
  codeTimeoutMs = DEVICE_CODE_TIMEOUT_MS,
): Promise<Pending & { again: boolean }> {
  const github = deps.github;
  if (!github?.clientId) throw new UserError("github_off", {});
  const { links } = github;
  const key = attemptKey(actor.guildId, actor.discordId);
  const current = links.attempts.get(key);
  if (current?.status === "pending" && current.expiresAt > deps.now()) return { ...current, again: true };
  const octokit = new Octokit({ baseUrl: github.apiUrl, log: quiet, userAgent: "steward" });
  // Each request refused once Steward stops, so the library's polling loop ends at its next turn.
  const request = octokit.request.defaults({
    request: {
      fetch: (url: string, init: RequestInit) => {
        if (links.signal.aborted) return Promise.reject(new Error("Steward is stopping"));
        return fetch(url, { ...init, signal: links.signal });
      },
    },
  });
  let shown: (p: Pending) => void = () => {};
  const verification = new Promise<Pending>((resolve) => {
    shown = resolve;
  });
  const auth = createOAuthDeviceAuth({
    clientType: "oauth-app",
    clientId: github.clientId,
    scopes: [],
    request,
    onVerification(v) {
      const pending: Pending = {
        status: "pending",
        verificationUri: v.verification_uri,
        userCode: v.user_code,
        expiresAt: new Date(deps.now().getTime() + v.expires_in * 1000),
      };
      links.attempts.set(key, pending);
      shown(pending);
    },
  });
  const flow = auth({ type: "oauth" });
  links.track(
    flow
      .then(
        async ({ token }) => {
          const me = await new Octokit({
            baseUrl: github.apiUrl,
            auth: token,
            log: quiet,
          }).rest.users.getAuthenticated();
          const outcome = await linkGithubAccount(deps, actor, { login: me.data.login, githubId: me.data.id });
          links.attempts.set(
            key,
            outcome === "taken"
              ? { status: "failed", reason: "taken", login: me.data.login }
              : { status: "linked", login: me.data.login },
          );
        },
        (error: unknown) => {
          const code = (error as { response?: { data?: { error?: string } } }).response?.data?.error;
          const reason = code === "expired_token" ? "expired" : code === "access_denied" ? "denied" : "unreachable";
          links.attempts.set(key, { status: "failed", reason });
          if (reason === "unreachable") logger?.warn({ err: error }, "GitHub device flow ended without a token");
        },
      )
      .catch((err: unknown) => {
        links.attempts.set(key, { status: "failed", reason: "unreachable" });
        logger?.warn({ err }, "could not store a GitHub account linked by device flow");
      }),
  );
  // The code comes first; a flow that fails before showing one is GitHub not answering.
  const first = await withTimeout(
    Promise.race([
      verification,
      flow.then(
        () => null,
        () => null,
      ),
    ]),
    codeTimeoutMs,
    "GitHub",
  ).catch(() => null);
  if (!first) throw new UserError("github_unreachable", {});
  return { ...first, again: false };
}

/**
 * Stores the GitHub account a member proved they control: replacing their previous one (audited with both), refused
 * ("taken") when that account is already another member's in this guild.
 */
export async function linkGithubAccount(
  deps: Pick<ServiceDeps, "db" | "now">,
  actor: Actor,
  account: { login: string; githubId: number },
): Promise<"linked" | "relinked" | "taken"> {
  const now = deps.now();
  try {
    return await runAudited(deps.db, async (tx) => {
      const member = await ensureMember(tx, actor, now);
      const holder = await tx.githubAccount.findUnique({
        where: { guildId_githubId: { guildId: actor.guildId, githubId: account.githubId } },
      });
      if (holder && holder.memberId !== member.id) return "taken" as const;
      const previous = await tx.githubAccount.findUnique({ where: { memberId: member.id } });
      const data = { githubId: account.githubId, login: account.login, linkedAt: now };
      await tx.githubAccount.upsert({
        where: { memberId: member.id },
        create: { guildId: actor.guildId, memberId: member.id, ...data },
        update: data,
      });
      await appendAuditEvent(tx, {
        guildId: actor.guildId,
        actorId: actor.discordId,
        action: previous ? "github.relinked" : "github.linked",
        subjectType: "member",
        subjectId: member.id,
        payload: {
          login: account.login,
          githubId: account.githubId,
          previousLogin: previous?.login ?? null,
          previousGithubId: previous?.githubId ?? null,
          proof: "oauth-device-flow",
        },
        createdAt: now,
      });
      return previous ? ("relinked" as const) : ("linked" as const);
    });
  } catch (error) {
    // Two members approving the same account at once: the unique (guild, GitHub id) keeps one.
    if (isUniqueViolation(error)) return "taken";
    throw error;
  }
}

/** The member's linked GitHub account (null: none) and their last `/github link` in this process. */
export async function githubAccountOf(deps: Deps, actor: Actor) {
  const account = await deps.db.githubAccount.findFirst({
    where: { guildId: actor.guildId, member: { discordId: actor.discordId } },
  });
  const attempt = deps.github?.links.attempts.get(attemptKey(actor.guildId, actor.discordId)) ?? null;
  return { account, attempt };
}

/** Removes the member's linked GitHub account, audited; their PRs are then claims until they link again. */
export async function unlinkGithub(deps: Pick<ServiceDeps, "db" | "now">, actor: Actor) {
  const now = deps.now();
  return runAudited(deps.db, async (tx) => {
    const account = await tx.githubAccount.findFirst({
      where: { guildId: actor.guildId, member: { discordId: actor.discordId } },
    });
    if (!account) throw new UserError("github_not_linked", {});
    await tx.githubAccount.delete({ where: { id: account.id } });
    await appendAuditEvent(tx, {
      guildId: actor.guildId,
      actorId: actor.discordId,
      action: "github.unlinked",
      subjectType: "member",
      subjectId: account.memberId,
      payload: { login: account.login, githubId: account.githubId },
      createdAt: now,
    });
    return { login: account.login };
  });
}
