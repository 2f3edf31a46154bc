/** A member's `/github link` in progress or just ended, as `/github show` tells it. */
export type LinkAttempt =
  | { status: "pending"; verificationUri: string; userCode: string; expiresAt: Date }
  | { status: "linked"; login: string }
  | { status: "failed"; reason: "expired" | "denied" | "taken" | "unreachable"; login?: string };

/**
 * The device flows this process is polling, one per member (by guild and Discord id). They live in memory: a restart
 * drops them and the member runs `/github link` again (the code on GitHub expires on its own after 15 minutes).
 */
export class DeviceLinks {
  readonly attempts = new Map<string, LinkAttempt>();
  private readonly running = new Set<Promise<void>>();
  private readonly stopping = new AbortController();

  get signal(): AbortSignal {
    return this.stopping.signal;
  }

  /** Runs a flow's polling in the background, never awaited by an interaction. */
  track(work: Promise<void>) {
    const p = work.finally(() => this.running.delete(p));
    this.running.add(p);
  }

  /** Resolves once no flow is being polled (tests). */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  /** No more polling: flows in progress stop at their next request. */
  stop() {
    this.stopping.abort();
  }
}

export const attemptKey = (guildId: string, discordId: string) => `${guildId}:${discordId}`;
