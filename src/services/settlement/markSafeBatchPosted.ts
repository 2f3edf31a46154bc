import type { ServiceDeps } from "../deps.ts";

/** The chunk's Safe file is in the payouts channel: the owners have what they need to execute it. */
export async function markSafeBatchPosted(deps: Pick<ServiceDeps, "db" | "now">, intentId: number): Promise<void> {
  await deps.db.payoutIntent.updateMany({
    where: { id: intentId, exportedAt: null },
    data: { exportedAt: deps.now() },
  });
}
