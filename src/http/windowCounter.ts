/**
 * Counts events per key in fixed windows (a node's heartbeats, an address's refused requests), in memory: one
 * process serves the HTTP API. Keys whose window has passed are dropped as the map grows, and at most `maxKeys` are
 * kept (the oldest go first), so a sender rotating addresses cannot grow it without bound.
 */
export class WindowCounter {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();

  constructor(
    readonly max: number,
    readonly windowMs: number,
    private readonly now: () => number = Date.now,
    private readonly maxKeys = 100_000,
  ) {}

  private current(key: string) {
    const now = this.now();
    let w = this.windows.get(key);
    if (!w || w.resetAt <= now) {
      if (w) this.windows.delete(key);
      else if (this.windows.size >= this.maxKeys) this.prune(now);
      w = { count: 0, resetAt: now + this.windowMs };
      this.windows.set(key, w);
    }
    return w;
  }

  /** Counts one event if the key is under its limit: whether it was. */
  take(key: string): boolean {
    const w = this.current(key);
    if (w.count >= this.max) return false;
    w.count++;
    return true;
  }

  /** Counts one event whatever the count (a refusal already made). */
  add(key: string): void {
    this.current(key).count++;
  }

  /** Gives back an event taken for something that did not happen after all. */
  refund(key: string): void {
    const w = this.windows.get(key);
    if (w && w.count > 0) w.count--;
  }

  /** Whether the key has used up its window. */
  exhausted(key: string): boolean {
    const w = this.windows.get(key);
    return w !== undefined && w.resetAt > this.now() && w.count >= this.max;
  }

  /** Seconds until the key's window starts over (at least 1). */
  retryAfterSeconds(key: string): number {
    const w = this.windows.get(key);
    return Math.max(1, Math.ceil(((w?.resetAt ?? 0) - this.now()) / 1000));
  }

  private prune(now: number) {
    for (const [key, w] of this.windows) if (w.resetAt <= now) this.windows.delete(key);
    for (const key of this.windows.keys()) {
      if (this.windows.size < this.maxKeys) break;
      this.windows.delete(key);
    }
  }
}
