import type { Db } from "../../db/openDatabase.ts";
import type { Prisma } from "../../generated/prisma/client.ts";

const MAX_ATTEMPTS = 8;

export function isUniqueViolation(error: unknown): boolean {
  // P2002's `meta` differs between driver adapters; the code alone is reliable. 23505: the same from plain SQL.
  const code = (error as { code?: unknown } | null)?.code;
  return code === "P2002" || code === "23505";
}

/**
 * Runs a state change and its audit event in one transaction. Two writers appending at once collide on the
 * chain head's unique prevHash; the loser re-runs the whole transaction, re-reading state, so business checks
 * inside `fn` see the winner's change.
 */
export function runAudited<T>(db: Db, fn: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
  return retryOnChainFork(() => db.$transaction(fn));
}

/** Re-runs a whole audited transaction that lost the race for the chain head (a unique violation), with jitter. */
export async function retryOnChainFork<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= MAX_ATTEMPTS) throw error;
      await new Promise((r) => setTimeout(r, Math.random() * 10 * attempt));
    }
  }
}
