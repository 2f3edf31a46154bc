import type { DeviceFlow } from "../deviceFlow.ts";
import { type GithubReview, type GithubState, HttpError } from "../githubState.ts";
import type { RateLimitSettings, RateLimits } from "../rateLimits.ts";
import type { SpecViolation } from "../specValidator.ts";
import { count, files, type Json, logins, numbers, optionalBoolean, optionalText, text } from "./controlInputs.ts";

export interface ControlParts {
  state: GithubState;
  deviceFlow: DeviceFlow;
  limits: RateLimits;
  stats: { requests: number; notModified: number; byPath: Map<string, number> };
  violations: SpecViolation[];
  latency: { ms: number };
  /** Off: POST /graphql answers 404, as an API without GraphQL would (clients must read by REST). */
  graphql: { enabled: boolean };
}

/** A control API answer that created something (HTTP 201). */
export class Created {
  constructor(readonly body: unknown) {}
}

const REVIEW_STATES: Record<string, GithubReview["state"]> = {
  approve: "APPROVED",
  approved: "APPROVED",
  comment: "COMMENTED",
  commented: "COMMENTED",
  request_changes: "CHANGES_REQUESTED",
  changes_requested: "CHANGES_REQUESTED",
};

/** The control API under /sandbox: what tests, benchmarks and people use to set the local GitHub up. */
export function control(parts: ControlParts, method: string, path: string, body: Json): unknown {
  const { state } = parts;
  const route = `${method} ${path}`;

  if (route === "GET /sandbox/state") {
    return {
      users: [...state.users.values()].map((u) => ({ login: u.login, id: u.id })),
      repos: [...state.repos.values()].map((r) => ({
        full_name: `${r.owner}/${r.name}`,
        private: r.private,
        contributors: r.contributors,
        pulls: state.pulls
          .filter((p) => p.repoId === r.id)
          .map((p) => ({ number: p.number, author: p.author, state: p.state, merged_by: p.mergedBy })),
        issues: state.issues.filter((i) => i.repoId === r.id).map((i) => ({ number: i.number, state: i.state })),
      })),
      gists: [...state.gists.values()].map((g) => ({ id: g.id, owner: g.owner })),
    };
  }
  if (route === "POST /sandbox/users") {
    const type = optionalText(body, "type");
    if (type !== undefined && type !== "User" && type !== "Organization") {
      throw new HttpError(400, `"type" is User or Organization.`);
    }
    const { user, token } = state.addUser({
      login: text(body, "login"),
      name: optionalText(body, "name") ?? null,
      ...(optionalText(body, "token") !== undefined ? { token: text(body, "token") } : {}),
      ...(type ? { type } : {}),
    });
    return new Created({ login: user.login, id: user.id, token });
  }
  const tokenFor = /^POST \/sandbox\/users\/([^/]+)\/tokens$/.exec(route)?.[1];
  if (tokenFor) return new Created({ token: state.issueToken(state.user(tokenFor).login) });
  if (route === "POST /sandbox/repos") {
    const repo = state.addRepo({
      owner: text(body, "owner"),
      name: text(body, "name"),
      private: optionalBoolean(body, "private") ?? false,
      contributors: logins(body, "contributors"),
      ...(optionalText(body, "description") !== undefined ? { description: text(body, "description") } : {}),
    });
    return new Created({ id: repo.id, full_name: `${repo.owner}/${repo.name}`, private: repo.private });
  }
  const m = /^(\w+) \/sandbox\/repos\/([^/]+)\/([^/]+)(\/.*)?$/.exec(route);
  if (m) {
    const repo = state.repo(m[2] ?? "", m[3] ?? "");
    const rest = `${m[1]} ${m[4] ?? ""}`;
    const [, pullNumber, action] = /^POST \/pulls\/(\d+)\/(reviews|merge|close)$/.exec(rest) ?? [];
    if (rest === "POST /contributors") {
      state.addContributor(repo, text(body, "login"));
      return { contributors: repo.contributors };
    }
    if (rest === "POST /commits") {
      const commit = state.addCommit(repo, {
        author: text(body, "author"),
        message: text(body, "message"),
        files: files(body),
      });
      if (commit.author !== repo.owner) state.addContributor(repo, commit.author);
      return new Created({ sha: commit.sha });
    }
    if (rest === "POST /issues") {
      const issue = state.addIssue(repo, {
        author: text(body, "author"),
        title: text(body, "title"),
        body: optionalText(body, "body") ?? null,
      });
      return new Created({ id: issue.id, number: issue.number });
    }
    if (rest === "POST /pulls") {
      const reverts = body.reverts === undefined ? undefined : count(body.reverts, "reverts");
      const pull = state.addPull(repo, {
        author: text(body, "author"),
        title: reverts === undefined ? text(body, "title") : (optionalText(body, "title") ?? ""),
        body: optionalText(body, "body") ?? null,
        files: files(body),
        closes: numbers(body, "closes"),
        ...(optionalText(body, "head") !== undefined ? { head: text(body, "head") } : {}),
        ...(optionalText(body, "base") !== undefined ? { base: text(body, "base") } : {}),
        ...(reverts !== undefined ? { reverts } : {}),
      });
      return new Created({ id: pull.id, number: pull.number, head_sha: pull.headSha });
    }
    if (action === "reviews") {
      const pull = state.pull(repo, Number(pullNumber));
      const reviewState = REVIEW_STATES[text(body, "state").toLowerCase()];
      if (!reviewState) throw new HttpError(400, `"state" is approve, comment or request_changes.`);
      const review = state.addReview(pull, {
        reviewer: text(body, "reviewer"),
        state: reviewState,
        body: optionalText(body, "body") ?? "",
      });
      return new Created({ id: review.id, state: review.state });
    }
    if (action === "merge") {
      const pull = state.merge(repo, state.pull(repo, Number(pullNumber)), text(body, "merged_by"));
      return { number: pull.number, merged_by: pull.mergedBy, merge_commit_sha: pull.mergeCommitSha };
    }
    if (action === "close") {
      const pull = state.close(state.pull(repo, Number(pullNumber)));
      return { number: pull.number, state: pull.state };
    }
  }
  if (route === "POST /sandbox/gists") {
    const raw = body.files;
    if (typeof raw !== "object" || raw === null || Object.values(raw).some((v) => typeof v !== "string")) {
      throw new HttpError(400, `"files" must map file names to their text.`);
    }
    const gist = state.addGist({
      owner: text(body, "owner"),
      files: raw as Record<string, string>,
      description: optionalText(body, "description") ?? null,
      public: optionalBoolean(body, "public") ?? true,
    });
    return new Created({ id: gist.id });
  }
  if (route === "POST /sandbox/oauth-apps") {
    state.clientIds.add(text(body, "client_id"));
    return new Created({ client_id: body.client_id });
  }
  if (route === "POST /sandbox/device/approve") {
    const code = parts.deviceFlow.approve(text(body, "user_code"), text(body, "login"));
    return { user_code: code.userCode, login: code.approvedFor };
  }
  if (route === "POST /sandbox/device/deny") {
    const code = parts.deviceFlow.deny(text(body, "user_code"));
    return { user_code: code.userCode, denied: true };
  }
  if (route === "GET /sandbox/device") {
    return state.deviceCodes.map((c) => ({
      user_code: c.userCode,
      client_id: c.clientId,
      approved_for: c.approvedFor,
      denied: c.denied,
      exchanged: c.exchanged,
      expires_at: new Date(c.expiresAt).toISOString(),
    }));
  }
  if (route === "GET /sandbox/rate-limits") return { ...parts.limits.settings, refused: parts.limits.refused };
  if (route === "PUT /sandbox/rate-limits") {
    const next: Partial<RateLimitSettings> = {};
    for (const key of Object.keys(parts.limits.settings) as (keyof RateLimitSettings)[]) {
      if (body[key] !== undefined) next[key] = count(body[key], key);
    }
    parts.limits.settings = { ...parts.limits.settings, ...next };
    return parts.limits.settings;
  }
  if (route === "PUT /sandbox/latency") {
    parts.latency.ms = count(body.ms, "ms");
    return { ms: parts.latency.ms };
  }
  if (route === "PUT /sandbox/graphql") {
    const enabled = optionalBoolean(body, "enabled");
    if (enabled === undefined) throw new HttpError(400, "Send { enabled: true } or { enabled: false }.");
    parts.graphql.enabled = enabled;
    return { enabled };
  }
  if (route === "POST /sandbox/clock") {
    state.clockOffsetMs += count(body.advance_ms, "advance_ms");
    return { now: state.nowIso() };
  }
  if (route === "GET /sandbox/stats") {
    return {
      requests: parts.stats.requests,
      not_modified: parts.stats.notModified,
      refused: parts.limits.refused,
      by_path: Object.fromEntries(parts.stats.byPath),
    };
  }
  if (route === "GET /sandbox/violations") return parts.violations;
  throw new HttpError(404, `No control route ${method} ${path}: see the package README.`);
}
