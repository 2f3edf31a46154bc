import { Prisma } from "../../../generated/prisma/client.ts";
import { appendAuditEvent } from "../../audit/appendAuditEvent.ts";
import { runAudited } from "../../audit/runAudited.ts";
import type { Actor, ServiceDeps } from "../../deps.ts";
import { UserError } from "../../errors.ts";
import { ChainRefusal, type LineCall } from "../settlementChain.ts";
import { addressesOf, findHeldLine, refuseResolved } from "./findHeldLine.ts";
import { heldLineChain } from "./heldLineChain.ts";

/** What became of a signed claim: queued for Steward's next settle run, or a transaction for anyone to send. */
export type ClaimOutcome =
  | { queued: true; id: number; to: string }
  | { queued: false; id: number; to: string; transaction: { to: string; data: string } };

/**
 * The recipient's signature of the claim `askClaim` gave: simulated on chain exactly as it will be sent (the
 * distributor checks the signer, ECDSA or EIP-1271, the deadline and that the line is still held), then queued for
 * the settle run to relay from Steward's key — or, with a Safe treasury, given back as a transaction anyone may send.
 */
export async function submitClaim(
  deps: Pick<ServiceDeps, "db" | "now" | "settlement">,
  actor: Actor,
  id: number,
  signature: string,
): Promise<ClaimOutcome> {
  const { chain, relays } = heldLineChain(deps);
  const line = await findHeldLine(deps, actor.guildId, id);
  refuseResolved(line);
  const mine = await addressesOf(deps, actor.guildId, actor.discordId);
  if (!mine.includes(line.recipient.toLowerCase())) {
    throw new UserError("held_line_not_yours", { id, recipient: line.recipient });
  }
  if (line.status === "sent") throw new UserError("held_line_busy", { id });
  const sig = signature.trim();
  if (!/^0x([0-9a-fA-F]{2})+$/.test(sig) || sig.length > 4_002) {
    throw new UserError("claim_signature_malformed", { id });
  }
  if (line.claimTo === null || line.claimDeadline === null) throw new UserError("claim_not_asked", { id });
  const call: LineCall = {
    kind: "claim",
    lineId: line.lineId,
    to: line.claimTo,
    deadline: BigInt(line.claimDeadline),
    signature: sig,
  };
  try {
    await chain.checkLineCall(call);
  } catch (error) {
    if (!(error instanceof ChainRefusal)) throw error;
    throw new UserError("claim_refused", { id, recipient: line.recipient, refusal: error.fact });
  }
  const now = deps.now();
  await runAudited(deps.db, async (tx) => {
    await tx.heldLine.update({
      where: { id: line.id },
      data: {
        status: relays ? "claim_signed" : "held",
        claimSignature: sig,
        problem: null,
        problemFacts: Prisma.DbNull,
      },
    });
    await appendAuditEvent(tx, {
      guildId: actor.guildId,
      actorId: actor.discordId,
      action: "held_line.claim_signed",
      subjectType: "held_line",
      subjectId: String(line.id),
      payload: { lineId: line.lineId, to: line.claimTo, deadline: line.claimDeadline, relayed: relays },
      createdAt: now,
    });
  });
  if (relays) return { queued: true, id: line.id, to: line.claimTo };
  return {
    queued: false,
    id: line.id,
    to: line.claimTo,
    transaction: { to: chain.distributor, data: chain.lineCallData(call) },
  };
}
