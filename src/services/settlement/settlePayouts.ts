import { appendAuditEvent } from "../audit/appendAuditEvent.ts";
import { type AnchorReport, publishWhenTreasuryIdle } from "../audit/publishAnchors.ts";
import { runAudited } from "../audit/runAudited.ts";
import type { ServiceDeps } from "../deps.ts";
import { enqueuePosts } from "../publishing/enqueuePosts.ts";
import { tokenText } from "../tokenText.ts";
import { advanceIntent } from "./advanceIntent.ts";
import { planSettlements } from "./planSettlements.ts";
import type { SettlementDeps } from "./settlementDeps.ts";
import { withTreasury } from "./withTreasury.ts";

export interface SettleReport {
  planned: number[];
  refused: { proposalId: number; reason: string }[];
  waitingForCap: number[];
  confirmed: number[];
  failed: { intentId: number; proposalId: number; reason: string }[];
  pending: { intentId: number; why: string }[];
  settled: number[];
  /** The audit chain heads this run published on chain (after the payouts, with no payout waiting for a nonce). */
  anchors?: AnchorReport | { error: string };
  /** Set when this run did nothing: another process holds the treasury, or settlement is blocked. */
  skipped?: string;
}

/**
 * One settlement run: plan what was approved, move every unfinished payout intent forward one transaction at a time
 * (the treasury's nonce orders them), mark proposals whose chunks are all confirmed `settled`, and tell people.
 * Runs of several processes exclude each other with a session advisory lock per treasury.
 */
export async function settlePayouts(deps: ServiceDeps, signal?: AbortSignal): Promise<SettleReport> {
  const report: SettleReport = {
    planned: [],
    refused: [],
    waitingForCap: [],
    confirmed: [],
    failed: [],
    pending: [],
    settled: [],
  };
  const settlement = deps.settlement;
  if (!settlement) return { ...report, skipped: "no chain is configured (RPC_URL), so payouts stop at approved" };
  if (settlement.blocked) return { ...report, skipped: settlement.blocked };
  const ran = await withTreasury(deps, settlement, async () => {
    await run(deps, settlement, report, signal);
    if (!signal?.aborted) report.anchors = await publishWhenTreasuryIdle(deps, settlement);
    return report;
  });
  return ran ?? { ...report, skipped: "another process is settling from this treasury" };
}

async function run(deps: ServiceDeps, settlement: SettlementDeps, report: SettleReport, signal?: AbortSignal) {
  const tell = (guildId: string, text: string) =>
    enqueuePosts(deps.db, deps.now(), [{ guildId, kind: "note", note: { text, channel: "payouts" } }]);
  for (const o of await planSettlements(deps, settlement)) {
    if ("planned" in o) report.planned.push(o.proposalId);
    else if ("refused" in o) {
      report.refused.push({ proposalId: o.proposalId, reason: o.refused });
      await tell(o.guildId, `Proposal #${o.proposalId} was not paid: ${o.refused}.`);
    } else {
      report.waitingForCap.push(o.proposalId);
      if (o.tell) {
        await tell(o.guildId, `Proposal #${o.proposalId} waits to be paid: ${o.waiting}.`);
      }
    }
  }
  const open = await deps.db.payoutIntent.findMany({
    where: {
      chainId: settlement.chain.chainId,
      treasury: settlement.chain.treasury,
      status: { in: ["planned", "signed", "broadcast", "mined", "awaiting_execution"] },
    },
    orderBy: [{ proposalId: "asc" }, { chunkIndex: "asc" }],
    include: { proposal: { select: { guildId: true } } },
  });
  for (const intent of open) {
    // Stopping: each chunk's state is in the database, so the next start resumes exactly here.
    if (signal?.aborted) break;
    const outcome = await advanceIntent(deps, settlement, intent);
    if (outcome.state === "confirmed") {
      report.confirmed.push(intent.id);
      deps.metrics.settlement("confirmed", 1);
    } else if (outcome.state === "failed") {
      report.failed.push({ intentId: intent.id, proposalId: intent.proposalId, reason: outcome.reason });
      deps.metrics.settlement("failed", 1);
      await tell(
        intent.proposal.guildId,
        `Payout of proposal #${intent.proposalId} (chunk ${intent.chunkIndex + 1} of ${intent.chunkCount}, ${tokenText(BigInt(intent.total.toFixed()), deps.proposals)}) failed and was not retried: ${outcome.reason}. Fix the cause, then \`/payout retry proposal:${intent.proposalId}\`.`,
      );
    } else {
      report.pending.push({ intentId: intent.id, why: outcome.why });
      // One transaction at a time per treasury: what comes after waits for this one. A Safe's chunks are all
      // exported at once: its owners execute them.
      if (settlement.mode === "send") break;
    }
  }
  report.settled = await finishSettled(deps, settlement);
}

/** Proposals whose every chunk is confirmed become `settled`, audited with their transactions. */
async function finishSettled(deps: ServiceDeps, settlement: SettlementDeps): Promise<number[]> {
  const settling = await deps.db.proposal.findMany({
    where: { status: "settling", payouts: { some: {}, every: { status: "confirmed" } } },
    select: { id: true },
  });
  const done: number[] = [];
  for (const { id } of settling) {
    settlement.checkpoint("before-save-settled", id);
    const changed = await runAudited(deps.db, async (tx) => {
      const now = deps.now();
      const claimed = await tx.proposal.updateMany({
        where: { id, status: "settling" },
        data: { status: "settled", settledAt: now },
      });
      if (claimed.count === 0) return false;
      const p = await tx.proposal.findUniqueOrThrow({
        where: { id },
        include: { payouts: { orderBy: { chunkIndex: "asc" } } },
      });
      await appendAuditEvent(tx, {
        guildId: p.guildId,
        actorId: "system:settle",
        action: "proposal.settled",
        subjectType: "proposal",
        subjectId: String(id),
        payload: {
          batchHash: p.batchHash,
          total: p.payouts.reduce((n, i) => n + BigInt(i.total.toFixed()), 0n).toString(),
          transactions: p.payouts.map((i) => ({
            chunk: i.chunkIndex,
            batchId: i.batchId,
            txHash: i.txHash,
            block: i.blockNumber,
          })),
        },
        createdAt: now,
      });
      // The receipt in the payouts channel (then the result says it was paid), posted by the publisher.
      await enqueuePosts(tx, now, [{ guildId: p.guildId, kind: "receipt", subjectId: id }]);
      return true;
    });
    if (changed) done.push(id);
    settlement.checkpoint("after-save-settled", id);
  }
  return done;
}
