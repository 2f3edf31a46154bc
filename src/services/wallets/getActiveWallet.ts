import type { ServiceDeps } from "../deps.ts";

export async function getActiveWallet(deps: Pick<ServiceDeps, "db">, guildId: string, discordId: string) {
  const member = await deps.db.member.findUnique({ where: { guildId_discordId: { guildId, discordId } } });
  if (!member) return null;
  return deps.db.wallet.findUnique({ where: { activeFor: member.id } });
}
