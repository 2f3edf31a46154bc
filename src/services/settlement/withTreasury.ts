import type { ServiceDeps } from "../deps.ts";
import type { SettlementDeps } from "./settlementDeps.ts";

/**
 * Runs `fn` holding the treasury: one session advisory lock per chain and treasury, so that two processes never
 * pick the same nonce (payouts and audit anchors are both sent from it). Null when another process holds it.
 */
export function withTreasury<T>(deps: Pick<ServiceDeps, "votes">, settlement: SettlementDeps, fn: () => Promise<T>) {
  const { chain } = settlement;
  return deps.votes.sql.withConnection(async (conn): Promise<T | null> => {
    const key = `steward:settle:${chain.chainId}:${chain.treasury.toLowerCase()}`;
    const [lock] = await conn.query<{ ok: boolean }>("SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS ok", [
      key,
    ]);
    if (!lock?.ok) return null;
    try {
      return await fn();
    } finally {
      await conn.query("SELECT pg_advisory_unlock(hashtextextended($1, 0))", [key]);
    }
  });
}
