/** Errors worth another try: rate limits, server errors, timeouts and dropped connections. */
export function isTransient(error: unknown): boolean {
  const e = error as { status?: number; name?: string; code?: string; message?: string } | null;
  if (!e) return false;
  if (e.status === 429 || (typeof e.status === "number" && e.status >= 500)) return true;
  if (e.name === "APIConnectionTimeoutError" || e.name === "APIConnectionError" || e.name === "TimeoutError")
    return true;
  return /timed? ?out|ECONNRESET|ECONNREFUSED|socket hang up/i.test(e.message ?? "");
}

/** Retry-After (seconds or an HTTP date) from an OpenAI SDK error, in ms. */
export function retryAfterMs(error: unknown, now = Date.now()): number | undefined {
  const headers = (error as { headers?: Headers | Record<string, string> } | null)?.headers;
  if (!headers) return undefined;
  const value = headers instanceof Headers ? headers.get("retry-after") : (headers["retry-after"] ?? undefined);
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * Runs `fn`, retrying transient failures with exponential backoff (base·2^n, jittered), or exactly the server's
 * Retry-After when it sends one (capped at maxWaitMs).
 */
export async function retryTransient<T>(
  fn: (attempt: number) => Promise<T>,
  options: { retries: number; baseMs: number; maxWaitMs: number; onRetry?: (error: unknown, waitMs: number) => void },
): Promise<{ value: T; attempts: number }> {
  for (let attempt = 1; ; attempt++) {
    try {
      return { value: await fn(attempt), attempts: attempt };
    } catch (error) {
      if (attempt > options.retries || !isTransient(error)) throw error;
      const backoff = options.baseMs * 2 ** (attempt - 1) * (0.75 + Math.random() * 0.5);
      const wait = Math.min(options.maxWaitMs, retryAfterMs(error) ?? backoff);
      options.onRetry?.(error, wait);
      await new Promise((r) => setTimeout(r, wait));
    }
  }
}
