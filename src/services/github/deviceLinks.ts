import type { GithubLinkAttempt, Prisma } from "../../generated/prisma/client.ts";

export type LinkFailure = "expired" | "denied" | "taken" | "unreachable" | "unknown_user";

/** A member's `/github link` in progress or just ended, as `/github show` tells it. */
export type LinkAttempt =
  | { status: "pending"; method: "device"; verificationUri: string; userCode: string; expiresAt: Date }
  | { status: "pending"; method: "gist"; login: string; challenge: string; expiresAt: Date }
  | { status: "linked"; login: string }
  | { status: "failed"; reason: LinkFailure; login?: string };

/** The stored attempt (`GithubLinkAttempt`) as `/github show` tells it; a pending one past its expiry has expired. */
export function attemptOf(row: GithubLinkAttempt, now: Date): LinkAttempt {
  if (row.status === "linked") return { status: "linked", login: row.login ?? "?" };
  if (row.status === "pending" && row.expiresAt > now) {
    if (row.method === "gist") {
      return {
        status: "pending",
        method: "gist",
        login: row.login ?? "",
        challenge: row.challenge ?? "",
        expiresAt: row.expiresAt,
      };
    }
    return {
      status: "pending",
      method: "device",
      verificationUri: row.verificationUri ?? "",
      userCode: row.userCode ?? "",
      expiresAt: row.expiresAt,
    };
  }
  const reason = (row.status === "pending" ? "expired" : (row.reason ?? "unreachable")) as LinkFailure;
  return row.login && reason === "taken"
    ? { status: "failed", reason, login: row.login }
    : { status: "failed", reason };
}

/**
 * The device flows this process is polling. The flows themselves are rows of `GithubLinkAttempt`: a restart resumes
 * polling the pending ones (`resumeDeviceFlows`); this only tracks the polling loops and stops them at shutdown.
 */
export class DeviceLinks {
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

  /** No more polling: flows in progress stop at their next request and stay pending for the next start. */
  stop() {
    this.stopping.abort();
  }
}

/** A member's new attempt, replacing whatever attempt of theirs came before (one row per member per guild). */
export function saveLinkAttempt(
  db: Prisma.TransactionClient,
  actor: { guildId: string; discordId: string },
  row: Omit<Prisma.GithubLinkAttemptUncheckedCreateInput, "guildId" | "discordId">,
) {
  return db.githubLinkAttempt.upsert({
    where: { guildId_discordId: { guildId: actor.guildId, discordId: actor.discordId } },
    create: { guildId: actor.guildId, discordId: actor.discordId, ...row },
    update: row,
  });
}
