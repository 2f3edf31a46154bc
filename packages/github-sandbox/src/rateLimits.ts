/**
 * GitHub's limits on the REST API, as documented in "Rate limits for the REST API":
 * - primary: a number of requests per hour per token (5,000 for a user's token; 60 per address without one), told in
 *   x-ratelimit-* headers on every answer; a 304 to a conditional request does not count;
 * - secondary: no more than a number of requests at once, and no more than a number of points a minute (a GET is one
 *   point); exceeding one is answered 403 with retry-after.
 * And on the GraphQL API ("Rate limits and query limits for the GraphQL API"), limits of their own: points an hour
 * (a query's cost) and a minute, under the key `graphqlKey(key)`.
 */
export interface RateLimitSettings {
  /** Requests an hour for an authenticated token. GitHub: 5,000. */
  perHour: number;
  /** Requests an hour without a token, per client address. GitHub: 60. */
  unauthenticatedPerHour: number;
  /** Requests in flight at once per user (or address). GitHub: 100. */
  maxConcurrent: number;
  /** Points a minute per token (a GET or HEAD is one point). GitHub: 900 for REST. */
  pointsPerMinute: number;
  /** Seconds told in retry-after when a secondary limit is hit. */
  retryAfterSeconds: number;
  /** GraphQL points an hour for an authenticated token (its own limit, apart from REST's). GitHub: 5,000. */
  graphqlPerHour: number;
  /** GraphQL points a minute (a query is one point here). GitHub: 2,000. */
  graphqlPointsPerMinute: number;
}

export const GITHUB_LIMITS: RateLimitSettings = {
  perHour: 5000,
  unauthenticatedPerHour: 60,
  maxConcurrent: 100,
  pointsPerMinute: 900,
  retryAfterSeconds: 60,
  graphqlPerHour: 5000,
  graphqlPointsPerMinute: 2000,
};

/** The key of `key`'s GraphQL limits: GitHub keeps them apart from REST's (x-ratelimit-resource: graphql). */
export const graphqlKey = (key: string) => `${key}#graphql`;
const isGraphql = (key: string) => key.endsWith("#graphql");

interface Window {
  used: number;
  resetAt: number;
}

export type LimitVerdict =
  | { ok: true; headers: Record<string, string> }
  | { ok: false; status: 403 | 429; headers: Record<string, string>; message: string };

const DOCS = "https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api";
export const RATE_LIMIT_DOCS = DOCS;

export class RateLimits {
  settings: RateLimitSettings;
  private readonly hourly = new Map<string, Window>();
  private readonly minutely = new Map<string, Window>();
  private readonly inFlight = new Map<string, number>();
  /** Every refusal since start, by kind: what benchmarks and tests read (a client that honours limits has none). */
  readonly refused = { primary: 0, secondary: 0 };

  constructor(
    private readonly now: () => number,
    settings: Partial<RateLimitSettings> = {},
  ) {
    this.settings = { ...GITHUB_LIMITS, ...settings };
  }

  private window(map: Map<string, Window>, key: string, lengthMs: number): Window {
    const now = this.now();
    let w = map.get(key);
    if (!w || w.resetAt <= now) {
      w = { used: 0, resetAt: now + lengthMs };
      map.set(key, w);
    }
    return w;
  }

  private limitFor(key: string) {
    if (isGraphql(key)) return this.settings.graphqlPerHour;
    return key.startsWith("ip:") ? this.settings.unauthenticatedPerHour : this.settings.perHour;
  }

  /** The x-ratelimit-* headers for `key` (the token's user id, or "ip:<address>") as they stand now. */
  headers(key: string): Record<string, string> {
    const w = this.window(this.hourly, key, 3_600_000);
    const limit = this.limitFor(key);
    return {
      "x-ratelimit-limit": String(limit),
      "x-ratelimit-remaining": String(Math.max(0, limit - w.used)),
      "x-ratelimit-used": String(w.used),
      "x-ratelimit-reset": String(Math.ceil(w.resetAt / 1000)),
      "x-ratelimit-resource": isGraphql(key) ? "graphql" : "core",
    };
  }

  /**
   * Admits a request before it is answered. The secondary limits are checked first (they protect the service);
   * then the primary. Nothing is counted against the primary limit yet: `count` does that once the answer is known
   * not to be a 304.
   */
  admit(key: string, points: number, cost = 1): LimitVerdict {
    const s = this.settings;
    // The requests at once are limited across REST and GraphQL alike.
    if ((this.inFlight.get(key.replace(/#graphql$/, "")) ?? 0) >= s.maxConcurrent) return this.secondary(key);
    const minute = this.window(this.minutely, key, 60_000);
    if (minute.used + points > (isGraphql(key) ? s.graphqlPointsPerMinute : s.pointsPerMinute))
      return this.secondary(key);
    const hour = this.window(this.hourly, key, 3_600_000);
    // A query is refused when its cost passes what is left of the hour (a REST request costs 1).
    if (hour.used + cost > this.limitFor(key)) {
      this.refused.primary += 1;
      const who = key.startsWith("ip:") ? key.slice(3) : `user ID ${key}`;
      return {
        ok: false,
        status: 403,
        headers: this.headers(key),
        message: key.startsWith("ip:")
          ? `API rate limit exceeded for ${who}. (But here's the good news: Authenticated requests get a higher rate limit. Check out the documentation for more details.)`
          : `API rate limit exceeded for ${who}.`,
      };
    }
    minute.used += points;
    return { ok: true, headers: {} };
  }

  private secondary(key: string): LimitVerdict {
    this.refused.secondary += 1;
    return {
      ok: false,
      status: 403,
      headers: { ...this.headers(key), "retry-after": String(this.settings.retryAfterSeconds) },
      message:
        "You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID.",
    };
  }

  /** Counts an answered request (or a query's cost in points) against the token's hour (not called for a 304). */
  count(key: string, cost = 1) {
    this.window(this.hourly, key, 3_600_000).used += cost;
  }

  begin(key: string) {
    this.inFlight.set(key, (this.inFlight.get(key) ?? 0) + 1);
  }

  end(key: string) {
    const left = (this.inFlight.get(key) ?? 1) - 1;
    if (left > 0) this.inFlight.set(key, left);
    else this.inFlight.delete(key);
  }
}
