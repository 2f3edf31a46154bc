import { Octokit } from "@octokit/rest";
import type { ClaimReason } from "../../base/githubFacts.ts";
import type { GithubDeps } from "./githubDeps.ts";

/** A link that cannot be read now: it stays a claim, for this reason. */
export class LinkStaysClaim extends Error {
  constructor(readonly reason: ClaimReason) {
    super(`link stays a claim: ${reason}`);
    this.name = "LinkStaysClaim";
  }
}

/** GitHub's GraphQL API cannot answer (its answer had no data, or the request failed): read by REST instead. */
export class GraphqlUnavailable extends Error {
  constructor(why: string) {
    super(`GitHub's GraphQL API did not answer: ${why}`);
    this.name = "GraphqlUnavailable";
  }
}

/** A GraphQL answer: `data`, and `errors` beside it (a missing object is an error of type NOT_FOUND with its path). */
export interface GraphqlAnswer<T> {
  data?: T | null;
  errors?: { type?: string; path?: (string | number)[]; message: string }[];
}

export type Read<T> = { changed: true; data: T; etag: string | undefined } | { changed: false };

const quiet = { debug() {}, info() {}, warn() {}, error() {} };

/** What GitHub said of its limits, shared by every read of this process: REST's hour, GraphQL's, and a pause. */
interface Limits {
  core: PrimaryLimit;
  graphql: PrimaryLimit;
  /** No request of either API before (epoch ms): a secondary limit's retry-after. */
  secondaryUntil: number;
}
const pauses = new WeakMap<GithubDeps, Limits>();
type Resource = "core" | "graphql";

/** What GitHub last said of the hour's limit, and the requests this process has in flight against it. */
interface PrimaryLimit {
  /** No request before (epoch ms): a limit was reached. */
  until: number;
  /** x-ratelimit-remaining of the latest answer of the window ending at `reset` (undefined: not known yet). */
  remaining?: number | undefined;
  /** x-ratelimit-reset, in epoch ms. */
  reset: number;
  inFlight: number;
}

/** What a repository-wide answer last said, with its ETag and when: shared by every link of the repository. */
export type SharedReads = Map<string, { etag: string | undefined; value: unknown; readAt: number }>;
const sharedReads = new WeakMap<GithubDeps, SharedReads>();
/** Answers kept per process at most: the oldest read is forgotten first (it is asked again, with no ETag). */
const SHARED_READS_MAX = 2_000;
/** GitHub answers `cache-control: max-age=60`: a repository-wide answer younger than this is reused unasked. */
export const SHARED_MAX_AGE_MS = 60_000;
/**
 * Requests this process sends GitHub a minute at most, below GitHub's secondary limit of 900 points a minute for REST
 * (a GET is one point; a 304 too): paced here so that none is refused, with room for the clocks to differ.
 */
export const POINTS_PER_MINUTE = 800;
const sent = new WeakMap<GithubDeps, number[]>();

/**
 * Reads GitHub's REST API as GitHub asks clients to: conditional requests with the ETag of the last read (a 304 costs
 * no request of the hour's limit), and when a limit is reached (x-ratelimit-remaining 0 until x-ratelimit-reset, or
 * retry-after on a secondary limit) no request until then — waiting if that comes before the deadline, else the link
 * stays a claim. Every read gives up at `signal` (the evaluation's wait for facts).
 */
export class GithubReader {
  private readonly octokit: Octokit;
  private readonly limits: Limits;
  /** Repository-wide answers (a repository's PR list) kept across links and evaluations, asked again with their ETag. */
  readonly shared: SharedReads;
  private readonly sent: number[];
  /** GitHub Enterprise serves REST under /api/v3 and GraphQL at /api/graphql; github.com both at its API's root. */
  private readonly graphqlUrl: string;

  constructor(
    deps: GithubDeps,
    private readonly signal: AbortSignal,
    private readonly deadline: number,
    private readonly now: () => number = Date.now,
  ) {
    this.graphqlUrl = `${deps.apiUrl.replace(/\/+$/, "").replace(/\/api\/v3$/, "/api")}/graphql`;
    this.octokit = new Octokit({ baseUrl: deps.apiUrl, auth: deps.token, log: quiet, userAgent: "steward" });
    let limits = pauses.get(deps);
    if (!limits) {
      limits = {
        core: { until: 0, reset: 0, inFlight: 0 },
        graphql: { until: 0, reset: 0, inFlight: 0 },
        secondaryUntil: 0,
      };
      pauses.set(deps, limits);
    }
    this.limits = limits;
    let shared = sharedReads.get(deps);
    if (!shared) {
      shared = new Map();
      sharedReads.set(deps, shared);
    }
    this.shared = shared;
    let times = sent.get(deps);
    if (!times) {
      times = [];
      sent.set(deps, times);
    }
    this.sent = times;
  }

  /**
   * A repository-wide answer (the repository, its contributors, a page of its PRs) shared by every link and
   * evaluation of this process: reused unasked for SHARED_MAX_AGE_MS, then asked again with its ETag.
   */
  async sharedRead<T, V>(
    key: string,
    route: string,
    params: Record<string, string | number>,
    derive: (data: T) => V,
  ): Promise<V> {
    const before = this.shared.get(key);
    if (before && this.now() - before.readAt < SHARED_MAX_AGE_MS) return before.value as V;
    const read = await this.get<T>(route, params, before?.etag);
    const value = read.changed ? derive(read.data) : (before?.value as V);
    if (!read.changed && !before) throw new Error(`GitHub answered 304 to ${route} asked without an ETag`);
    this.shared.delete(key);
    this.shared.set(key, { etag: read.changed ? read.etag : before?.etag, value, readAt: this.now() });
    if (this.shared.size > SHARED_READS_MAX) this.shared.delete(this.shared.keys().next().value as string);
    return value;
  }

  /** GET `route` with `params`; `etag`: the last read's, for a 304. */
  async get<T>(route: string, params: Record<string, string | number>, etag?: string): Promise<Read<T>> {
    for (;;) {
      const primary = await this.admit("core");
      if (!primary) continue;
      primary.inFlight += 1;
      try {
        const res = await this.octokit.request(`GET ${route}`, {
          ...params,
          headers: etag ? { "if-none-match": etag } : {},
          request: { signal: this.signal },
        });
        this.noteLimit(res.headers as Record<string, string | undefined>);
        return { changed: true, data: res.data as T, etag: res.headers.etag };
      } catch (error) {
        if (this.signal.aborted) throw new LinkStaysClaim("timeout");
        const status = (error as { status?: number }).status;
        const headers = ((error as { response?: { headers?: Record<string, string | undefined> } }).response?.headers ??
          {}) as Record<string, string | undefined>;
        this.noteLimit(headers);
        if (status === 304) return { changed: false };
        if (status === 404 || status === 422 || status === 410) throw new LinkStaysClaim("not_found");
        if ((status === 403 || status === 429) && this.limited(headers)) continue;
        throw new LinkStaysClaim("unreachable");
      } finally {
        primary.inFlight -= 1;
      }
    }
  }

  /**
   * POST `query` to GitHub's GraphQL API, paced and limited as `get` is, against GraphQL's own hour. GitHub answers
   * the hour's limit reached with 200 and an error of type RATE_LIMITED: waited for, then asked again. Throws
   * `GraphqlUnavailable` when the API cannot answer the query (an older GitHub Enterprise, a schema without a field):
   * the caller reads by REST instead.
   */
  async graphql<T>(query: string, variables: Record<string, unknown>): Promise<GraphqlAnswer<T>> {
    for (;;) {
      const primary = await this.admit("graphql");
      if (!primary) continue;
      primary.inFlight += 1;
      try {
        const res = await this.octokit.request("POST {+url}", {
          url: this.graphqlUrl,
          query,
          variables,
          request: { signal: this.signal },
        });
        const headers = res.headers as Record<string, string | undefined>;
        this.noteLimit(headers);
        const body = res.data as GraphqlAnswer<T>;
        if (body.errors?.some((e) => e.type === "RATE_LIMITED")) {
          this.limited({ ...headers, "x-ratelimit-remaining": "0" }, "graphql");
          continue;
        }
        if (!body.data) throw new GraphqlUnavailable(body.errors?.[0]?.message ?? "no data");
        return body;
      } catch (error) {
        if (this.signal.aborted) throw new LinkStaysClaim("timeout");
        if (error instanceof GraphqlUnavailable) throw error;
        const status = (error as { status?: number }).status;
        const headers = ((error as { response?: { headers?: Record<string, string | undefined> } }).response?.headers ??
          {}) as Record<string, string | undefined>;
        this.noteLimit(headers);
        if ((status === 403 || status === 429) && this.limited(headers, "graphql")) continue;
        throw new GraphqlUnavailable(`HTTP ${status ?? "error"}`);
      } finally {
        primary.inFlight -= 1;
      }
    }
  }

  /**
   * Waits until a request of `resource` may be sent: no limit's pause, the minute's pace kept, and no request sent
   * that could find the hour's limit reached by those already in flight (undefined: wait and ask again).
   */
  private async admit(resource: Resource): Promise<PrimaryLimit | undefined> {
    const primary = this.limits[resource];
    await this.sleepUntil(Math.max(primary.until, this.limits.secondaryUntil));
    await this.paceRequest();
    if (primary.remaining !== undefined && primary.inFlight >= primary.remaining && primary.reset > this.now()) {
      // They may come back 304 (free): wait for them, not for the reset.
      await this.sleepUntil(this.now() + 50);
      return undefined;
    }
    return primary;
  }

  /** Whether the refusal was a rate limit (then the pause is set and the request is tried again after it). */
  private limited(headers: Record<string, string | undefined>, resource: Resource = "core"): boolean {
    const retryAfter = Number(headers["retry-after"]);
    if (Number.isFinite(retryAfter) && retryAfter > 0) {
      this.limits.secondaryUntil = Math.max(this.limits.secondaryUntil, this.now() + retryAfter * 1000);
      return true;
    }
    if (headers["x-ratelimit-remaining"] === "0") {
      // GitHub: without retry-after, wait until x-ratelimit-reset; with neither, at least a minute.
      const reset = Number(headers["x-ratelimit-reset"]);
      const p = this.limits[resource];
      p.until = Math.max(p.until, Number.isFinite(reset) ? reset * 1000 : this.now() + 60_000);
      return true;
    }
    return false;
  }

  /** The last request used the hour's last one: none until the reset. */
  private noteLimit(headers: Record<string, string | undefined>) {
    const remaining = Number(headers["x-ratelimit-remaining"]);
    const reset = Number(headers["x-ratelimit-reset"]) * 1000;
    if (headers["x-ratelimit-remaining"] === undefined || !Number.isFinite(remaining) || !Number.isFinite(reset))
      return;
    // Answers come back out of order: within an hour's window the lowest count is the latest.
    const p = this.limits[headers["x-ratelimit-resource"] === "graphql" ? "graphql" : "core"];
    if (reset < p.reset) return;
    p.remaining = p.reset === reset && p.remaining !== undefined ? Math.min(p.remaining, remaining) : remaining;
    p.reset = reset;
    if (remaining === 0) p.until = Math.max(p.until, reset);
  }

  /** No more than POINTS_PER_MINUTE requests in any minute: waits for the oldest to leave it, within the deadline. */
  private async paceRequest() {
    for (;;) {
      const now = this.now();
      while ((this.sent[0] ?? now) <= now - 60_000) this.sent.shift();
      if (this.sent.length < POINTS_PER_MINUTE) {
        this.sent.push(now);
        return;
      }
      await this.sleepUntil((this.sent[0] ?? now) + 60_000);
    }
  }

  private async sleepUntil(at: number) {
    const wait = at - this.now();
    if (wait <= 0) return;
    if (at > this.deadline) throw new LinkStaysClaim("rate_limited");
    await new Promise<void>((resolve) => {
      // Removed once done: a paced reader waits many times on the same signal.
      const done = () => {
        clearTimeout(timer);
        this.signal.removeEventListener("abort", done);
        resolve();
      };
      const timer = setTimeout(done, wait);
      this.signal.addEventListener("abort", done, { once: true });
    });
    if (this.signal.aborted) throw new LinkStaysClaim("timeout");
  }
}
