import { createOAuthDeviceAuth } from "@octokit/auth-oauth-device";
import { Octokit } from "@octokit/rest";
import { isUniqueViolation } from "../../db/isUniqueViolation.ts";
import type { GithubLinkAttempt } from "../../generated/prisma/client.ts";
import type { Logger } from "../../logger.ts";
import { appendAuditEvent } from "../audit/appendAuditEvent.ts";
import { runAudited } from "../audit/runAudited.ts";
import type { Actor, ServiceDeps } from "../deps.ts";
import { UserError } from "../errors.ts";
import { ensureMember } from "../members/ensureMember.ts";
import { withTimeout } from "../withTimeout.ts";
import { attemptOf, type LinkAttempt, type LinkFailure, saveLinkAttempt } from "./deviceLinks.ts";
import type { GithubDeps } from "./githubDeps.ts";

type Deps = Pick<ServiceDeps, "db" | "now" | "github">;
type Pending = Extract<LinkAttempt, { method: "device" }>;
type Connected = Deps & { github: GithubDeps & { clientId: string } };

const quiet = { debug() {}, info() {}, warn() {}, error() {} };

/** How long `/github link` waits for GitHub's device code before saying GitHub did not answer. */
export const DEVICE_CODE_TIMEOUT_MS = 10_000;

/**
 * Starts `/github link`: asks GitHub for a device code and returns the URL and code for the member to enter. The flow
 * is stored (`GithubLinkAttempt`) before GitHub is polled in the background (at the interval it asks for, until the
 * member approves, cancels, or the code expires), so a restart resumes it; once approved, the token's owner is stored
 * as the member's verified account, audited. A flow already in progress for the member is returned again rather than
 * started twice. Without an OAuth app the member links with a gist (`startGistLink`).
 */
export async function startGithubLink(
  deps: Deps,
  actor: Actor,
  logger?: Logger,
  codeTimeoutMs = DEVICE_CODE_TIMEOUT_MS,
): Promise<Pending & { again: boolean }> {
  const github = deps.github;
  if (!github) throw new UserError("github_off", {});
  if (!github.clientId) throw new UserError("github_login_needed", {});
  const current = await deps.db.githubLinkAttempt.findUnique({
    where: { guildId_discordId: { guildId: actor.guildId, discordId: actor.discordId } },
  });
  const attempt = current && attemptOf(current, deps.now());
  if (attempt?.status === "pending" && attempt.method === "device") return { ...attempt, again: true };
  const connected = { ...deps, github: { ...github, clientId: github.clientId } };
  // The code comes first; a flow that fails before showing one is GitHub not answering.
  const first = await withTimeout(runDeviceFlow(connected, actor, logger), codeTimeoutMs, "GitHub").catch(() => null);
  if (!first) throw new UserError("github_unreachable", {});
  return { ...first, again: false };
}

/**
 * Polls GitHub again for each device flow a previous run of Steward left pending (the member may have entered the
 * code while Steward was down); flows past their expiry are recorded as expired. Returns how many it resumed.
 */
export async function resumeDeviceFlows(deps: Deps, logger?: Logger): Promise<number> {
  const github = deps.github;
  if (!github?.clientId) return 0;
  const now = deps.now();
  await deps.db.githubLinkAttempt.updateMany({
    where: { method: "device", status: "pending", expiresAt: { lte: now } },
    data: { status: "failed", reason: "expired", endedAt: now },
  });
  const rows = await deps.db.githubLinkAttempt.findMany({ where: { method: "device", status: "pending" } });
  const connected = { ...deps, github: { ...github, clientId: github.clientId } };
  for (const row of rows) {
    void runDeviceFlow(
      connected,
      { guildId: row.guildId, discordId: row.discordId, username: row.username },
      logger,
      row,
    );
  }
  return rows.length;
}

/**
 * One device flow: asks for a code (or, `resume`d, reuses the stored one), stores it, then polls in the background
 * until it ends, recording how. Resolves with the code to show, or null when the flow ended before there was one.
 */
function runDeviceFlow(
  deps: Connected,
  actor: Actor,
  logger: Logger | undefined,
  resume?: GithubLinkAttempt,
): Promise<Pending | null> {
  const { github } = deps;
  const { links } = github;
  const octokit = new Octokit({ baseUrl: github.apiUrl, log: quiet, userAgent: "steward" });
  // Each request refused once Steward stops, so the library's polling loop ends at its next turn.
  const request = octokit.request.defaults({
    request: {
      fetch: (url: string, init: RequestInit) => {
        if (links.signal.aborted) return Promise.reject(new Error("Steward is stopping"));
        // Resumed: the member may already have entered the code GitHub gave before the restart, so no new one.
        if (resume && String(url).endsWith("/login/device/code"))
          return Promise.resolve(storedCode(resume, deps.now()));
        return fetch(url, { ...init, signal: links.signal });
      },
    },
  });
  let shown: (p: Pending | null) => void = () => {};
  const verification = new Promise<Pending | null>((resolve) => {
    shown = resolve;
  });
  let deviceCode = resume?.deviceCode ?? "";
  const auth = createOAuthDeviceAuth({
    clientType: "oauth-app",
    clientId: github.clientId,
    scopes: [],
    request,
    async onVerification(v) {
      deviceCode = v.device_code;
      const now = deps.now();
      const expiresAt = resume?.expiresAt ?? new Date(now.getTime() + v.expires_in * 1000);
      if (!resume) {
        // Stored before GitHub is polled: a restart from here on resumes the flow.
        const row = {
          username: actor.username,
          method: "device",
          status: "pending",
          reason: null,
          login: null,
          deviceCode: v.device_code,
          userCode: v.user_code,
          verificationUri: v.verification_uri,
          interval: v.interval,
          nonce: null,
          challenge: null,
          startedAt: now,
          expiresAt,
          endedAt: null,
        };
        await saveLinkAttempt(deps.db, actor, row);
      }
      shown({
        status: "pending",
        method: "device",
        verificationUri: v.verification_uri,
        userCode: v.user_code,
        expiresAt,
      });
    },
  });
  const end = (data: { status: "linked" | "failed"; reason?: LinkFailure; login?: string }) =>
    deps.db.githubLinkAttempt.updateMany({
      where: { guildId: actor.guildId, discordId: actor.discordId, method: "device", deviceCode, status: "pending" },
      data: { status: data.status, reason: data.reason ?? null, login: data.login ?? null, endedAt: deps.now() },
    });
  links.track(
    auth({ type: "oauth" })
      .then(
        async ({ token }) => {
          const me = await new Octokit({
            baseUrl: github.apiUrl,
            auth: token,
            log: quiet,
          }).rest.users.getAuthenticated();
          const outcome = await linkGithubAccount(deps, actor, { login: me.data.login, githubId: me.data.id });
          await end(
            outcome === "taken"
              ? { status: "failed", reason: "taken", login: me.data.login }
              : { status: "linked", login: me.data.login },
          );
        },
        async (error: unknown) => {
          // Stopped by a shutdown, not ended by GitHub: the flow stays pending and the next start resumes it.
          if (links.signal.aborted) return;
          const code = (error as { response?: { data?: { error?: string } } }).response?.data?.error;
          const reason = code === "expired_token" ? "expired" : code === "access_denied" ? "denied" : "unreachable";
          await end({ status: "failed", reason });
          if (reason === "unreachable") logger?.warn({ err: error }, "GitHub device flow ended without a token");
        },
      )
      .catch(async (err: unknown) => {
        logger?.warn({ err }, "could not store a GitHub account linked by device flow");
        await end({ status: "failed", reason: "unreachable" }).catch(() => undefined);
      })
      .finally(() => shown(null)),
  );
  return verification;
}

/** GitHub's answer to the code request of a flow started before a restart, from what was stored then. */
function storedCode(row: GithubLinkAttempt, now: Date): Response {
  const body = {
    device_code: row.deviceCode,
    user_code: row.userCode,
    verification_uri: row.verificationUri,
    expires_in: Math.max(1, Math.ceil((row.expiresAt.getTime() - now.getTime()) / 1000)),
    interval: row.interval ?? 5,
  };
  return new Response(JSON.stringify(body), { status: 200, headers: { "content-type": "application/json" } });
}

/**
 * Stores the GitHub account a member proved they control: replacing their previous one (audited with both), refused
 * ("taken") when that account is already another member's in this guild.
 */
export async function linkGithubAccount(
  deps: Pick<ServiceDeps, "db" | "now">,
  actor: Actor,
  account: { login: string; githubId: number },
  proof: { method: "oauth-device-flow" } | { method: "gist"; gistId: string } = { method: "oauth-device-flow" },
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
          proof: proof.method,
          ...(proof.method === "gist" ? { gistId: proof.gistId } : {}),
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

/** The member's linked GitHub account (null: none) and what became of their last `/github link`. */
export async function githubAccountOf(deps: Deps, actor: Actor) {
  const account = await deps.db.githubAccount.findFirst({
    where: { guildId: actor.guildId, member: { discordId: actor.discordId } },
  });
  const row = await deps.db.githubLinkAttempt.findUnique({
    where: { guildId_discordId: { guildId: actor.guildId, discordId: actor.discordId } },
  });
  return { account, attempt: row ? attemptOf(row, deps.now()) : null };
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
