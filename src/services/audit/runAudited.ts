import { isUniqueViolation } from "../../db/isUniqueViolation.ts";
import type { Db } from "../../db/openDatabase.ts";
import type { Prisma } from "../../generated/prisma/client.ts";

const MAX_ATTEMPTS = 8;

/** The unique index that makes two appends on one chain head collide instead of forking the chain. */
const CHAIN_HEAD_INDEX = "AuditEvent_prevHash_key";

/**
 * Whether the error is the audit chain's head race (two appends on the same head), not another constraint: the
 * constraint's name, from the driver adapter's error (Prisma) or from plain SQL.
 */
export function isChainFork(error: unknown): boolean {
  if (!isUniqueViolation(error)) return false;
  const e = error as {
    constraint?: unknown;
    meta?: {
      target?: unknown;
      driverAdapterError?: { cause?: { constraint?: { index?: unknown; fields?: unknown } } };
    };
  };
  const named = [e.constraint, e.meta?.driverAdapterError?.cause?.constraint?.index, e.meta?.target];
  return named.some((n) => n === CHAIN_HEAD_INDEX || (Array.isArray(n) && n.includes("prevHash")));
}

/**
 * Runs a state change and its audit event in one transaction. Two writers appending at once collide on the
 * chain head's unique prevHash; the loser re-runs the whole transaction, re-reading state, so business checks
 * inside `fn` see the winner's change. Another unique constraint's violation is re-run once (a concurrent writer
 * of the same row, e.g. two clicks: the re-run's checks see the first one's row and say so); a second violation is
 * the caller's: it would only fail the same way again (a settle run once took a duplicate batch id for a chain
 * race and retried it eight times before giving up on every payout).
 */
export function runAudited<T>(db: Db, fn: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
  return retryOnChainFork(() => db.$transaction(fn));
}

/** Re-runs a whole audited transaction that lost the race for the chain head (or once, another row's race). */
export async function retryOnChainFork<T>(run: () => Promise<T>): Promise<T> {
  let otherRaces = 0;
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      const fork = isChainFork(error);
      if (!fork && isUniqueViolation(error)) otherRaces++;
      if ((!fork && (!isUniqueViolation(error) || otherRaces > 1)) || attempt >= MAX_ATTEMPTS) throw error;
      await new Promise((r) => setTimeout(r, Math.random() * 10 * attempt));
    }
  }
}
