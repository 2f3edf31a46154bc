import type { HeldLine } from "../../../generated/prisma/client.ts";
import type { ServiceDeps } from "../../deps.ts";
import { UserError } from "../../errors.ts";

/** A held line of this server by its number, or UserError held_line_not_found. */
export async function findHeldLine(deps: Pick<ServiceDeps, "db">, guildId: string, id: number): Promise<HeldLine> {
  const line = await deps.db.heldLine.findFirst({ where: { id, guildId } });
  if (!line) throw new UserError("held_line_not_found", { id });
  return line;
}

/** Every address the member has linked in this server, the replaced ones too (lower case). */
export async function addressesOf(
  deps: Pick<ServiceDeps, "db">,
  guildId: string,
  discordId: string,
): Promise<string[]> {
  const wallets = await deps.db.wallet.findMany({
    where: { guildId, member: { discordId } },
    select: { address: true },
  });
  return [...new Set(wallets.map((w) => w.address.toLowerCase()))];
}

export const RESOLVED_STATUSES = ["claimed", "redirected", "returned"] as const;

/** The line was paid out already: UserError held_line_resolved. */
export function refuseResolved(line: HeldLine): void {
  if ((RESOLVED_STATUSES as readonly string[]).includes(line.status)) {
    throw new UserError("held_line_resolved", { id: line.id, status: line.status, to: line.paidTo });
  }
}
