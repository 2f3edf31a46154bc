/** How many calls a bucket allows per window; `perWindow: 0` turns rate limiting off. */
export interface RateLimitSettings {
  perWindow: number;
  windowMs: number;
}

/** Discord's default for creating (and, separately, editing) messages in one channel: 5 per 5 seconds. */
export const DISCORD_CHANNEL_MESSAGE_LIMIT: RateLimitSettings = { perWindow: 5, windowMs: 5_000 };

export type Taken =
  | { ok: true; limit: number; remaining: number; resetAfterMs: number }
  | { ok: false; limit: number; retryAfterMs: number };

/** Fixed-window buckets by key (route and channel), as Discord's per-route buckets behave for a client. */
export class RateLimits {
  private readonly windows = new Map<string, { start: number; used: number }>();

  constructor(public settings: RateLimitSettings = DISCORD_CHANNEL_MESSAGE_LIMIT) {}

  take(key: string, now = Date.now()): Taken {
    const { perWindow, windowMs } = this.settings;
    if (perWindow <= 0) return { ok: true, limit: 0, remaining: 0, resetAfterMs: 0 };
    let w = this.windows.get(key);
    if (!w || now - w.start >= windowMs) {
      w = { start: now, used: 0 };
      this.windows.set(key, w);
    }
    const resetAfterMs = w.start + windowMs - now;
    if (w.used >= perWindow) return { ok: false, limit: perWindow, retryAfterMs: resetAfterMs };
    w.used++;
    return { ok: true, limit: perWindow, remaining: perWindow - w.used, resetAfterMs };
  }
}
