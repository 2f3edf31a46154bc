import type { ServiceDeps } from "../deps.ts";

/**
 * The newest link request for `address` that can still be signed (unused, unexpired), with the exact message it
 * asks to sign; null when there is none.
 */
export async function findPendingChallenge(deps: Pick<ServiceDeps, "db" | "now">, address: string) {
  return deps.db.walletChallenge.findFirst({
    where: { address, usedAt: null, expiresAt: { gt: deps.now() } },
    orderBy: { issuedAt: "desc" },
    select: { message: true, issuedAt: true, expiresAt: true, guildId: true },
  });
}
