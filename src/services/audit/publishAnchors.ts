import type { ServiceDeps } from "../deps.ts";
import { enqueuePosts } from "../publishing/enqueuePosts.ts";
import { holdingNonces } from "../settlement/holdingNonces.ts";
import type { SettlementDeps } from "../settlement/settlementDeps.ts";
import { withTreasury } from "../settlement/withTreasury.ts";

export interface AnchorReport {
  published: { eventId: string; txHash: string; blockNumber: number }[];
  /** Why anchors were left in the database only (no contract, no key), or null. */
  skipped: AnchorSkip | null;
}

/** Why the audit head was not put on chain now, as facts (the CLI and jobs word them). */
export type AnchorSkip =
  | { kind: "no_anchor_contract" }
  | { kind: "safe_treasury" }
  | { kind: "no_chain" }
  /** `reason`: the words the settlement's setup gave for refusing the chain (SettlementDeps.blocked). */
  | { kind: "blocked"; reason: string }
  | { kind: "settle_running" }
  | { kind: "payout_waiting" };

/**
 * Emits every recorded anchor not yet on chain from the treasury's account through the AuditAnchor contract,
 * oldest first. The caller holds the treasury (settlement's lock, with no signed payout waiting for its nonce). A
 * crash after sending is recovered by finding the event on chain instead of sending it again.
 */
export async function publishAnchors(
  deps: Pick<ServiceDeps, "db" | "now">,
  settlement: SettlementDeps,
): Promise<AnchorReport> {
  const { audit } = settlement;
  if (!audit.anchorContract) {
    return { published: [], skipped: { kind: "no_anchor_contract" } };
  }
  if (!audit.publisher) {
    return { published: [], skipped: { kind: "safe_treasury" } };
  }
  const pending = await deps.db.auditAnchor.findMany({ where: { txHash: null }, orderBy: { eventId: "asc" } });
  const report: AnchorReport = { published: [], skipped: null };
  // Stryker disable next-line ConditionalExpression: with nothing pending the loop does nothing; returning early only spares reading the chain's anchors
  if (pending.length === 0) return report;
  const onChain = await audit.anchors(audit.publisher);
  for (const a of pending) {
    const found = onChain.find((o) => o.sequence === a.eventId && o.head === a.hash);
    const sent = found ?? (await audit.publish(a.eventId, a.hash));
    const proposal = a.epochId ? await deps.db.proposal.findUnique({ where: { epochId: a.epochId } }) : null;
    await deps.db.$transaction(async (tx) => {
      await tx.auditAnchor.update({
        where: { id: a.id },
        data: {
          chainId: audit.chainId,
          contract: audit.anchorContract,
          txHash: sent.txHash,
          blockNumber: sent.blockNumber,
          anchoredAt: deps.now(),
        },
      });
      // The distribution's post shows the anchor: brought up to date with the block.
      if (proposal)
        await enqueuePosts(tx, deps.now(), [{ guildId: proposal.guildId, kind: "proposal", subjectId: proposal.id }]);
    });
    report.published.push({ eventId: a.eventId.toString(), txHash: sent.txHash, blockNumber: sent.blockNumber });
  }
  return report;
}

/**
 * Publishes pending anchors if the treasury is idle: no signed payout waits for its nonce (an anchor sent first
 * would take it). The caller holds the treasury. A failure to anchor is reported, never a reason to fail payouts.
 */
export async function publishWhenTreasuryIdle(
  deps: Pick<ServiceDeps, "db" | "now">,
  settlement: SettlementDeps,
): Promise<AnchorReport | { error: string } | undefined> {
  if (settlement.mode !== "send" || settlement.blocked) return undefined;
  const { chain } = settlement;
  const waiting =
    (await deps.db.payoutIntent.count({ where: holdingNonces(chain) })) +
    (await deps.db.heldLine.count({ where: { chainId: chain.chainId, treasury: chain.treasury, status: "sent" } }));
  if (waiting > 0) return undefined;
  try {
    return await publishAnchors(deps, settlement);
  } catch (error) {
    return { error: (error as Error)?.message?.split("\n")[0] ?? String(error) };
  }
}

/** Publishes pending anchors now (epoch close, `steward audit anchor`), taking the treasury; says why if it cannot. */
export async function anchorNow(
  deps: Pick<ServiceDeps, "db" | "now" | "settlement" | "votes">,
): Promise<AnchorReport | { error: string }> {
  const settlement = deps.settlement;
  if (!settlement) return { published: [], skipped: { kind: "no_chain" } };
  if (settlement.blocked) return { published: [], skipped: { kind: "blocked", reason: settlement.blocked } };
  const ran = await withTreasury(deps, settlement, () => publishWhenTreasuryIdle(deps, settlement));
  if (ran === null) return { published: [], skipped: { kind: "settle_running" } };
  return ran ?? { published: [], skipped: { kind: "payout_waiting" } };
}
