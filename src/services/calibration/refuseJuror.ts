import type { Prisma } from "../../generated/prisma/client.ts";
import { sharedWallet } from "../conflicts/refuseSelfDealing.ts";
import type { Actor, ServiceDeps } from "../deps.ts";
import { UserError } from "../errors.ts";

/** Only holders of JUROR_ROLE sit on the jury (roles as the adapter read them from Discord). */
export function requireJuror(deps: Pick<ServiceDeps, "calibration">, roles: readonly string[]) {
  if (!roles.includes(deps.calibration.jurorRole))
    throw new UserError("missing_role", { role: deps.calibration.jurorRole });
}

/**
 * Why this juror may not score this item, or null: the existing conflict rules, as for a moderator deciding
 * money — the author, or anyone who ever shared a wallet address with the author (an alt), is conflicted.
 */
export async function jurorConflict(
  tx: Prisma.TransactionClient,
  juror: Actor,
  authorId: string,
): Promise<{ reason: "author" } | { reason: "shared_wallet"; address: string } | null> {
  const author = await tx.member.findUniqueOrThrow({ where: { id: authorId }, select: { discordId: true } });
  if (author.discordId === juror.discordId) return { reason: "author" };
  const address = await sharedWallet(tx, juror.guildId, juror, author);
  // Stryker disable next-line StringLiteral: callers tell `author` apart; any other conflict is a shared wallet
  return address === null ? null : { reason: "shared_wallet", address };
}
