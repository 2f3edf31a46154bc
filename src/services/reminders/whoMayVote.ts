import type { ServiceDeps } from "../deps.ts";
import { ElectorateUnavailableError } from "../votes/offlineElectorate.ts";
import { ineligibility, voterWeight } from "../votes/voterWeight.ts";

/**
 * Which of these members may vote now, as a vote would check it (castVote): still in the server, not refused by
 * VOTER_ROLES or VOTER_MIN_MEMBERSHIP, and with voting power (a role weight; a linked wallet for token votes, whose
 * balance is not read here). The member list may be minutes old. `unavailable` when it cannot be read: then nobody
 * is known to be eligible.
 */
export async function whoMayVote(
  deps: Pick<ServiceDeps, "db" | "governance">,
  guildId: string,
  discordIds: string[],
  now: Date,
): Promise<{ eligible: Set<string>; unavailable?: string }> {
  if (discordIds.length === 0) return { eligible: new Set() };
  const electorate = deps.governance.electorate;
  let profiles: Awaited<ReturnType<typeof electorate.members>>;
  try {
    profiles = await (electorate.recentMembers ?? electorate.members).call(electorate, guildId);
  } catch (error) {
    if (error instanceof ElectorateUnavailableError) return { eligible: new Set(), unavailable: error.reason };
    throw error;
  }
  const wanted = new Set(discordIds);
  const candidates = profiles.filter((m) => wanted.has(m.discordId) && ineligibility(deps, m, now) === null);
  const eligible = new Set<string>();
  if (deps.governance.weight.strategy === "erc20-balance") {
    const wallets = await deps.db.wallet.findMany({
      where: { activeFor: { not: null }, member: { guildId, discordId: { in: candidates.map((m) => m.discordId) } } },
      select: { member: { select: { discordId: true } } },
    });
    for (const w of wallets) eligible.add(w.member.discordId);
    return { eligible };
  }
  for (const m of candidates) if ((await voterWeight(deps, m, null, null)) > 0) eligible.add(m.discordId);
  return { eligible };
}
