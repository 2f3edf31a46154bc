import type { Prisma } from "../../generated/prisma/client.ts";
import { mentored, sharedWallet } from "../conflicts/refuseSelfDealing.ts";
import type { Actor, ServiceDeps } from "../deps.ts";
import { UserError } from "../errors.ts";

/** Only holders of JUROR_ROLE sit on the jury (roles as the adapter read them from Discord). */
export function requireJuror(deps: Pick<ServiceDeps, "calibration">, roles: readonly string[]) {
  if (!roles.includes(deps.calibration.jurorRole))
    throw new UserError("missing_role", { role: deps.calibration.jurorRole });
}

/**
 * Why this juror may not score this item, or null: the existing conflict rules, as for a moderator deciding
 * money — the author, anyone who ever shared a wallet address with the author (an alt), and the author's mentor
 * (whose share of a newcomer's first reward a jury score can move) are conflicted.
 */
export async function jurorConflict(
  tx: Prisma.TransactionClient,
  juror: Actor,
  authorId: string,
): Promise<{ reason: "author" } | { reason: "mentor" } | { reason: "shared_wallet"; address: string } | null> {
  const author = await tx.member.findUniqueOrThrow({ where: { id: authorId }, select: { discordId: true } });
  if (author.discordId === juror.discordId) return { reason: "author" };
  const address = await sharedWallet(tx, juror.guildId, juror, author);
  if (address !== null) return { reason: "shared_wallet", address };
  return (await mentored(tx, juror, authorId)) ? { reason: "mentor" } : null;
}
