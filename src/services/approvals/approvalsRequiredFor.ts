import type { ServiceDeps } from "../deps.ts";

/** Tiers: below AUTO_APPROVE_BELOW none; above LARGE_PAYOUT_ABOVE one more than APPROVALS_REQUIRED. */
export function approvalsRequiredFor(deps: Pick<ServiceDeps, "governance">, total: bigint): number {
  const g = deps.governance;
  if (total < g.autoApproveBelow) return 0;
  if (g.largePayoutAbove !== undefined && total > g.largePayoutAbove) return g.approvalsRequired + 1;
  return g.approvalsRequired;
}
