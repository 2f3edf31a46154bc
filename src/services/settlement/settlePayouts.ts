import { appendAuditEvent } from "../audit/appendAuditEvent.ts";
import { type AnchorReport, publishWhenTreasuryIdle } from "../audit/publishAnchors.ts";
import { runAudited } from "../audit/runAudited.ts";
import type { ServiceDeps } from "../deps.ts";
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
export async function settlePayouts(deps: ServiceDeps): Promise<SettleReport> {
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
    await run(deps, settlement, report);
    report.anchors = await publishWhenTreasuryIdle(deps, settlement);
    return report;
  });
  return ran ?? { ...report, skipped: "another process is settling from this treasury" };
}

async function run(deps: ServiceDeps, settlement: SettlementDeps, report: SettleReport) {
  const { notifier } = deps;
  for (const o of await planSettlements(deps, settlement)) {
    if ("planned" in o) report.planned.push(o.proposalId);
    else if ("refused" in o) {
      report.refused.push({ proposalId: o.proposalId, reason: o.refused });
      await notifier.tellModerators(o.guildId, `Proposal #${o.proposalId} was not paid: ${o.refused}.`, "payouts");
    } else {
      report.waitingForCap.push(o.proposalId);
      if (o.tell) {
        await notifier.tellModerators(
          o.guildId,
          `Proposal #${o.proposalId} waits to be paid: ${o.waiting}.`,
          "payouts",
        );
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
    const outcome = await advanceIntent(deps, settlement, intent);
    if (outcome.state === "confirmed") {
      report.confirmed.push(intent.id);
      deps.metrics.settlement("confirmed", 1);
    } else if (outcome.state === "failed") {
      report.failed.push({ intentId: intent.id, proposalId: intent.proposalId, reason: outcome.reason });
      deps.metrics.settlement("failed", 1);
      await notifier.tellModerators(
        intent.proposal.guildId,
        `Payout of proposal #${intent.proposalId} (chunk ${intent.chunkIndex + 1} of ${intent.chunkCount}, ${tokenText(BigInt(intent.total.toFixed()), deps.proposals)}) failed and was not retried: ${outcome.reason}. Fix the cause, then \`/payout retry proposal:${intent.proposalId}\`.`,
        "payouts",
      );
    } else {
      report.pending.push({ intentId: intent.id, why: outcome.why });
      // One transaction at a time per treasury: what comes after waits for this one. A Safe's chunks are all
      // exported at once: its owners execute them.
      if (settlement.mode === "send") break;
    }
  }
  const exported = await deps.db.payoutIntent.findMany({
    where: { status: "awaiting_execution", exportedAt: null },
    orderBy: [{ proposalId: "asc" }, { chunkIndex: "asc" }],
    select: { id: true },
  });
  for (const e of exported) {
    if (await notifier.safeBatchExported(e.id)) {
      await deps.db.payoutIntent.update({ where: { id: e.id }, data: { exportedAt: deps.now() } });
    }
  }
  report.settled = await finishSettled(deps, settlement);
  // Receipts not posted yet (this run's, or one a crash interrupted).
  const unposted = await deps.db.proposal.findMany({
    where: { status: "settled", receiptMessageId: null },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  for (const p of unposted) {
    settlement.checkpoint("before-receipt", p.id);
    await notifier.payoutSettled(p.id);
    settlement.checkpoint("after-receipt", p.id);
  }
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
      return true;
    });
    if (changed) done.push(id);
    settlement.checkpoint("after-save-settled", id);
  }
  return done;
}
