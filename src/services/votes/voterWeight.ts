import type { ServiceDeps } from "../deps.ts";
import { type Ineligibility, UserError } from "../errors.ts";
import { formatDuration } from "../formatDuration.ts";
import type { GuildMemberProfile } from "./governanceSettings.ts";

export type { Ineligibility };

/** Why a member may not vote, or null when they may. */
export function ineligibility(
  deps: Pick<ServiceDeps, "governance">,
  member: Pick<GuildMemberProfile, "roles" | "joinedAt" | "bot">,
  at: Date,
): Ineligibility | null {
  const g = deps.governance;
  if (member.bot) return { kind: "bot" };
  if (g.voterRoles.length > 0 && !member.roles.some((r) => g.voterRoles.includes(r))) {
    return { kind: "roles", roles: [...g.voterRoles] };
  }
  if (g.minMembershipMs > 0) {
    const since = member.joinedAt?.getTime() ?? at.getTime();
    if (at.getTime() - since < g.minMembershipMs) {
      const from = new Date(since + g.minMembershipMs).toISOString().replace(/\.\d+Z$/, "Z");
      return { kind: "too_new", after: formatDuration(g.minMembershipMs), from };
    }
  }
  return null;
}

/**
 * A member's weight under the configured strategy: 1 each; the highest weight among their roles; or their
 * linked wallet's token balance at the proposal's snapshot block.
 */
export async function voterWeight(
  deps: Pick<ServiceDeps, "governance">,
  member: Pick<GuildMemberProfile, "roles">,
  wallet: string | null,
  snapshotBlock: number | null,
): Promise<number> {
  const { strategy, roleWeights } = deps.governance.weight;
  if (strategy === "one-member-one-vote") return 1;
  if (strategy === "role-weighted") return Math.max(0, ...member.roles.map((r) => roleWeights[r] ?? 0));
  if (!wallet) return 0;
  const balances = deps.governance.balances;
  if (!balances || snapshotBlock === null) throw new Error("erc20-balance voting without a chain reader or snapshot");
  return balances.balanceAt(wallet, snapshotBlock);
}

export function requireEligible(deps: Pick<ServiceDeps, "governance">, member: GuildMemberProfile, at: Date): void {
  const reason = ineligibility(deps, member, at);
  if (reason) throw new UserError("not_eligible", { reason });
}
