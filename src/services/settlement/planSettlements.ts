import { urlOriginsIn } from "../../base/urlOrigin.ts";
import { readPayoutBatch } from "../../db/json/payoutBatch.ts";
import type { Prisma } from "../../generated/prisma/client.ts";
import { appendAuditEvent } from "../audit/appendAuditEvent.ts";
import { runAudited } from "../audit/runAudited.ts";
import type { ServiceDeps } from "../deps.ts";
import { type BatchEntry, batchHash } from "../epochs/batchHash.ts";
import { isPayoutKind } from "../proposals/payoutOf.ts";
import { BATCH_ID_SCHEME, chunkBatch } from "./chunkBatch.ts";
import { InjectedCrash, type SettlementDeps } from "./settlementDeps.ts";

export type PlanOutcome =
  | { proposalId: number; guildId: string; planned: number }
  | { proposalId: number; guildId: string; refused: string }
  | { proposalId: number; guildId: string; waiting: string; tell: boolean }
  /** Planning it failed (an error, recorded on it): it stays approved and is tried again next run. */
  | { proposalId: number; guildId: string; stuck: string; tell: boolean };

// Stryker disable next-line ArithmeticOperator: a module-level constant the vitest runner does not reload per mutant; made by hand, a 24-second "day" fails both daily-cap tests
const DAY_MS = 24 * 60 * 60_000;

/**
 * Claims every approved payout proposal for settlement, exactly once across processes (`approved → settling`, a
 * conditional update), and plans one payout intent per chunk in the same transaction. A batch whose canonical hash
 * is not the voted one is refused (`failed`): what was voted is what is paid. A batch that would take the last 24
 * hours over SETTLEMENT_DAILY_CAP stays approved and waits.
 */
export async function planSettlements(
  deps: Pick<ServiceDeps, "db" | "now">,
  settlement: SettlementDeps,
): Promise<PlanOutcome[]> {
  const approved = await deps.db.proposal.findMany({
    where: { status: "approved" },
    // Stryker disable next-line ObjectLiteral: order only (oldest first under the daily cap); rows come back in id order anyway
    orderBy: { id: "asc" },
    select: {
      id: true,
      guildId: true,
      kind: true,
      batch: true,
      batchHash: true,
      capNoticeAt: true,
      settlementError: true,
    },
  });
  const outcomes: PlanOutcome[] = [];
  for (const p of approved) {
    if (!isPayoutKind(p.kind)) continue;
    let entries: BatchEntry[];
    try {
      entries = readPayoutBatch(p) ?? [];
    } catch (error) {
      outcomes.push(await recordStuck(deps, p, error));
      continue;
    }
    const total = entries.reduce((n, e) => n + BigInt(e.amount), 0n);
    const waiting = await overDailyCap(deps, settlement, total);
    if (waiting) {
      const now = deps.now();
      const tell = !p.capNoticeAt;
      if (tell) await deps.db.proposal.update({ where: { id: p.id }, data: { capNoticeAt: now } });
      outcomes.push({ proposalId: p.id, guildId: p.guildId, waiting, tell });
      continue;
    }
    try {
      const size = await chunkSizeFor(settlement, entries);
      const outcome = await runAudited(deps.db, (tx) => claim(tx, deps, settlement, p, entries, size));
      // Stryker disable next-line ConditionalExpression: null only when another process claimed it between the read and the claim (a race one connection cannot stage)
      if (outcome) outcomes.push({ proposalId: p.id, guildId: p.guildId, ...outcome });
    } catch (error) {
      if (error instanceof InjectedCrash) throw error;
      outcomes.push(await recordStuck(deps, p, error));
    }
  }
  return outcomes;
}

/** One proposal's trouble never keeps the others from being planned: recorded on it, told once, tried again. */
async function recordStuck(
  deps: Pick<ServiceDeps, "db">,
  p: { id: number; guildId: string; settlementError: string | null },
  error: unknown,
): Promise<PlanOutcome> {
  // Stryker disable next-line StringLiteral: split always gives a first element; the fallback only satisfies the type
  const text = (error instanceof Error ? error.message : String(error)).split("\n")[0] ?? "error";
  const stuck = urlOriginsIn(text).slice(0, 300);
  await deps.db.proposal.update({ where: { id: p.id }, data: { settlementError: stuck } });
  return { proposalId: p.id, guildId: p.guildId, stuck, tell: p.settlementError === null };
}

/**
 * Lines per settle transaction: what this token costs per line on this chain (two probes of the batch's own first
 * lines estimated), with a margin, so that a chunk never needs more gas than one transaction may use; never above
 * the configured size. Without an estimate (one line, or a chain that cannot give one) the configured size. A Safe
 * file too: its owners may execute several chunks in one transaction, never one larger than the block takes.
 */
async function chunkSizeFor(settlement: SettlementDeps, entries: BatchEntry[]): Promise<number> {
  const configured = settlement.chunkSize;
  const measured = await settlement.chain.lineGas(entries);
  // Stryker disable next-line EqualityOperator,ConditionalExpression: every line is a token transfer, never free: a measured cost of 0 only guards the division
  if (!measured || measured.perLine <= 0n) return configured;
  // 85 % of the cap for the call, 25 % over the measured cost per line (fresh holders cost more than the probes').
  const fits = (measured.cap * 85n) / 100n - measured.base;
  const lines = Number(fits / ((measured.perLine * 125n) / 100n));
  return Math.max(1, Math.min(configured, lines));
}

async function overDailyCap(
  deps: Pick<ServiceDeps, "db" | "now">,
  settlement: SettlementDeps,
  total: bigint,
): Promise<string | null> {
  if (settlement.dailyCap === undefined) return null;
  const since = new Date(deps.now().getTime() - DAY_MS);
  const recent = await deps.db.payoutIntent.aggregate({
    where: { createdAt: { gte: since }, status: { not: "failed" } },
    _sum: { total: true },
  });
  // Stryker disable next-line StringLiteral: BigInt("") is 0n too (an equivalent mutant)
  const spent = BigInt(recent._sum.total?.toFixed() ?? "0");
  if (spent + total <= settlement.dailyCap) return null;
  return `the last 24 hours paid ${spent} and this batch is ${total}: together above SETTLEMENT_DAILY_CAP (${settlement.dailyCap}, smallest units)`;
}

async function claim(
  tx: Prisma.TransactionClient,
  deps: Pick<ServiceDeps, "now">,
  settlement: SettlementDeps,
  proposal: { id: number; guildId: string; batchHash: string | null },
  entries: BatchEntry[],
  chunkSize: number,
): Promise<{ planned: number } | { refused: string } | null> {
  const { id, guildId, batchHash: voted } = proposal;
  const now = deps.now();
  const claimed = await tx.proposal.updateMany({
    where: { id, status: "approved" },
    data: { status: "settling", settlingAt: now, settlementError: null },
  });
  // Stryker disable next-line ConditionalExpression: another process claimed it first (a race one connection cannot stage); the unique (proposalId, chunkIndex) would refuse a second plan anyway
  if (claimed.count === 0) return null;
  const actual = entries.length > 0 ? batchHash(entries) : null;
  if (!voted || actual !== voted) {
    const refused = `its batch hashes to ${actual ?? "nothing (empty)"}, not to the voted ${voted ?? "(none)"}: nothing was paid`;
    await tx.proposal.update({ where: { id }, data: { status: "failed", settlementError: refused } });
    await appendAuditEvent(tx, {
      guildId,
      actorId: "system:settle",
      action: "payout.refused",
      subjectType: "proposal",
      subjectId: String(id),
      payload: { reason: refused, votedBatchHash: voted, actualBatchHash: actual },
      createdAt: now,
    });
    return { refused };
  }
  const { chain } = settlement;
  const identity = { chainId: chain.chainId, distributor: chain.distributor, proposalId: id };
  const chunks = chunkBatch(identity, voted, entries, chunkSize);
  await tx.payoutIntent.createMany({
    data: chunks.map((c) => ({
      proposalId: id,
      chunkIndex: c.index,
      chunkCount: chunks.length,
      batchId: c.batchId,
      idScheme: BATCH_ID_SCHEME,
      chainId: chain.chainId,
      token: chain.token,
      distributor: chain.distributor,
      treasury: chain.treasury,
      entries: c.entries,
      total: c.total.toString(),
      createdAt: now,
    })),
  });
  await appendAuditEvent(tx, {
    guildId,
    actorId: "system:settle",
    action: "payout.planned",
    subjectType: "proposal",
    subjectId: String(id),
    payload: {
      batchHash: voted,
      chainId: chain.chainId,
      token: chain.token,
      distributor: chain.distributor,
      chunks: chunks.map((c) => ({
        index: c.index,
        batchId: c.batchId,
        lines: c.entries.length,
        total: c.total.toString(),
      })),
    },
    createdAt: now,
  });
  return { planned: chunks.length };
}
