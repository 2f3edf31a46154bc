import { createHash } from "node:crypto";
import type { Db } from "../../db/openDatabase.ts";

/** A member's stable public pseudonym: derived from Steward's own member id, never from a Discord id. */
export const pseudonym = (memberId: string) =>
  `member-${createHash("sha256").update(`steward-member:${memberId}`).digest("hex").slice(0, 8)}`;

export const shortAddress = (address: string) => `${address.slice(0, 6)}…${address.slice(-4)}`;

/**
 * How people appear in public (the transparency page and API, `/audit trace`): a pseudonym unless they opted in
 * with `/privacy show-name on`, and an abbreviated wallet address unless `/privacy show-wallet on`. No Discord id
 * ever leaves through it.
 */
export interface PublicIdentities {
  /** By Discord id (voters, approvers, proposal authors). */
  byDiscordId(discordId: string): string;
  /** By Steward's member id (contribution authors, node providers). */
  byMemberId(memberId: string): string;
  /** A payout address: in full only when its owner opted in. */
  address(address: string): string;
}

export async function publicIdentities(
  db: Db,
  guildId: string,
  wanted: { discordIds?: string[]; memberIds?: string[]; addresses?: string[] },
): Promise<PublicIdentities> {
  const members = await db.member.findMany({
    where: {
      guildId,
      OR: [{ discordId: { in: wanted.discordIds ?? [] } }, { id: { in: wanted.memberIds ?? [] } }],
    },
    select: { id: true, discordId: true, username: true, showName: true },
  });
  const wallets = await db.wallet.findMany({
    where: { guildId, address: { in: wanted.addresses ?? [], mode: "insensitive" } },
    select: { address: true, member: { select: { showWallet: true } } },
  });
  const nameOf = (m: (typeof members)[number]) => (m.showName ? m.username : pseudonym(m.id));
  const byDiscord = new Map(members.map((m) => [m.discordId, nameOf(m)]));
  const byId = new Map(members.map((m) => [m.id, nameOf(m)]));
  const openAddresses = new Set(wallets.filter((w) => w.member.showWallet).map((w) => w.address.toLowerCase()));
  return {
    byDiscordId: (id) => byDiscord.get(id) ?? (id.startsWith("system:") ? "Steward" : "a member"),
    byMemberId: (id) => byId.get(id) ?? pseudonym(id),
    address: (a) => (openAddresses.has(a.toLowerCase()) ? a : shortAddress(a)),
  };
}
