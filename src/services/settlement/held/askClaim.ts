import { appendAuditEvent } from "../../audit/appendAuditEvent.ts";
import { runAudited } from "../../audit/runAudited.ts";
import type { Actor, ServiceDeps } from "../../deps.ts";
import { UserError } from "../../errors.ts";
import { getActiveWallet } from "../../wallets/getActiveWallet.ts";
import type { ClaimTypedData } from "../settlementChain.ts";
import { addressesOf, findHeldLine, refuseResolved } from "./findHeldLine.ts";
import { heldLineChain } from "./heldLineChain.ts";

/** How long a claim's signature stays good: a week of chain time. */
export const CLAIM_VALID_S = 7 * 24 * 3600;

/**
 * A member asks to be paid a line the distributor holds for a wallet of theirs: the claim names their active wallet
 * and a deadline, and is returned as EIP-712 typed data for the line's recipient to sign. Only a member who linked
 * the recipient address (now or before) may ask; the signature is what the distributor checks.
 */
export async function askClaim(
  deps: Pick<ServiceDeps, "db" | "now" | "settlement">,
  actor: Actor,
  id: number,
): Promise<{
  line: { id: number; recipient: string; amount: bigint };
  to: string;
  deadline: Date;
  typedData: ClaimTypedData;
}> {
  const { chain } = heldLineChain(deps);
  const line = await findHeldLine(deps, actor.guildId, id);
  refuseResolved(line);
  const mine = await addressesOf(deps, actor.guildId, actor.discordId);
  if (!mine.includes(line.recipient.toLowerCase())) {
    throw new UserError("held_line_not_yours", { id, recipient: line.recipient });
  }
  if (line.status === "sent") throw new UserError("held_line_busy", { id });
  const wallet = await getActiveWallet(deps, actor.guildId, actor.discordId);
  if (!wallet) throw new UserError("no_wallet", {});
  const deadline = (await chain.chainTime()) + CLAIM_VALID_S;
  const now = deps.now();
  await runAudited(deps.db, async (tx) => {
    await tx.heldLine.update({
      where: { id: line.id },
      // A new request replaces an earlier unsent one (its signature named another wallet or deadline).
      data: {
        status: "held",
        claimTo: wallet.address,
        claimDeadline: deadline,
        claimSignature: null,
        askedBy: actor.discordId,
      },
    });
    await appendAuditEvent(tx, {
      guildId: actor.guildId,
      actorId: actor.discordId,
      action: "held_line.claim_asked",
      subjectType: "held_line",
      subjectId: String(line.id),
      payload: { lineId: line.lineId, to: wallet.address, deadline },
      createdAt: now,
    });
  });
  return {
    line: { id: line.id, recipient: line.recipient, amount: BigInt(line.amount.toFixed()) },
    to: wallet.address,
    deadline: new Date(deadline * 1000),
    typedData: chain.claimTypedData({ lineId: line.lineId, to: wallet.address, deadline: BigInt(deadline) }),
  };
}
