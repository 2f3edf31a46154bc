import { Prisma } from "../../../generated/prisma/client.ts";
import { appendAuditEvent } from "../../audit/appendAuditEvent.ts";
import { runAudited } from "../../audit/runAudited.ts";
import type { Actor, ServiceDeps } from "../../deps.ts";
import { UserError } from "../../errors.ts";
import { ChainRefusal } from "../settlementChain.ts";
import { findHeldLine, refuseResolved } from "./findHeldLine.ts";
import { heldLineChain } from "./heldLineChain.ts";

export type ReturnOutcome =
  | { queued: true; id: number; treasury: string }
  | { queued: false; id: number; treasury: string; transaction: { to: string; data: string } };

/**
 * A moderator sends a held line back to the treasury once its claim period is over (before that it is its
 * recipient's alone; the distributor refuses earlier too). Queued for the settle run, or with a Safe treasury given
 * as the transaction its owners send.
 */
export async function askReturn(
  deps: Pick<ServiceDeps, "db" | "now" | "settlement">,
  actor: Actor,
  id: number,
): Promise<ReturnOutcome> {
  const { chain, relays } = heldLineChain(deps);
  const line = await findHeldLine(deps, actor.guildId, id);
  refuseResolved(line);
  // Its recipient's signed claim goes first.
  if (line.status === "sent" || line.status === "claim_signed") throw new UserError("held_line_busy", { id });
  const [period, now] = await Promise.all([chain.claimPeriod(), chain.chainTime()]);
  if (now < line.heldAt + period) {
    throw new UserError("held_line_claim_period", { id, until: new Date((line.heldAt + period) * 1000) });
  }
  try {
    await chain.checkLineCall({ kind: "return", lineId: line.lineId });
  } catch (error) {
    if (!(error instanceof ChainRefusal)) throw error;
    throw new UserError("return_refused", { id, refusal: error.fact });
  }
  const treasury = await chain.fundsSource();
  await runAudited(deps.db, async (tx) => {
    await tx.heldLine.update({
      where: { id: line.id },
      data: {
        status: relays ? "return_asked" : line.status,
        askedBy: actor.discordId,
        problem: null,
        problemFacts: Prisma.DbNull,
      },
    });
    await appendAuditEvent(tx, {
      guildId: actor.guildId,
      actorId: actor.discordId,
      action: "held_line.return_asked",
      subjectType: "held_line",
      subjectId: String(line.id),
      payload: { lineId: line.lineId, treasury, relayed: relays },
      createdAt: deps.now(),
    });
  });
  if (relays) return { queued: true, id: line.id, treasury };
  return {
    queued: false,
    id: line.id,
    treasury,
    transaction: { to: chain.distributor, data: chain.lineCallData({ kind: "return", lineId: line.lineId }) },
  };
}
