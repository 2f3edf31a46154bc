import { isDeepStrictEqual } from "node:util";
import type { PayoutFailureRecord } from "../../base/payoutFailure.ts";
import type { PayoutStuck, PlannedElsewhere } from "../../base/payoutStuck.ts";
import { urlOriginsIn } from "../../base/urlOrigin.ts";
import { appendAuditEvent } from "../audit/appendAuditEvent.ts";
import { type AnchorReport, publishWhenTreasuryIdle } from "../audit/publishAnchors.ts";
import { runAudited } from "../audit/runAudited.ts";
import type { ServiceDeps } from "../deps.ts";
import { enqueuePosts } from "../publishing/enqueuePosts.ts";
import type { ChunkRef, ModeratorFact } from "../publishing/moderatorFacts.ts";
import { advanceIntent, type IntentOutcome, type IntentWait } from "./advanceIntent.ts";
import { type RelayReport, relayHeldLines } from "./held/relayHeldLines.ts";
import { holdingNonces } from "./holdingNonces.ts";
import { planSettlements } from "./planSettlements.ts";
import { InjectedCrash, type SettlementDeps } from "./settlementDeps.ts";
import { withTreasury } from "./withTreasury.ts";

export interface SettleReport {
  planned: number[];
  refused: { proposalId: number; reason: string }[];
  waitingForCap: number[];
  confirmed: number[];
  failed: { intentId: number; proposalId: number; failure: PayoutFailureRecord }[];
  pending: { intentId: number; wait: IntentWait }[];
  /** Proposals or chunks a run could not move (an error: recorded on them, tried again next run). */
  stuck: { proposalId: number; intentId?: number; reason: string }[];
  settled: number[];
  /** Claims and returns of held lines this run sent (after the payouts, with no payout waiting for a nonce). */
  heldLines?: RelayReport | { error: string };
  /** The audit chain heads this run published on chain (after the payouts, with no payout waiting for a nonce). */
  anchors?: AnchorReport | { error: string };
  /** Set when this run did nothing: another process holds the treasury, or settlement is blocked. */
  skipped?: SettleSkip;
}

/** Why a settle run did nothing, as facts (the job's summary words them). */
export type SettleSkip =
  | { kind: "no_chain" }
  /** `reason`: the words the settlement's setup gave for refusing to pay (SettlementDeps.blocked). */
  | { kind: "blocked"; reason: string }
  /** `stopped`: the facts stored on each such chunk as why it is stuck (and told to moderators once). */
  | { kind: "planned_elsewhere"; stopped: PlannedElsewhere }
  | { kind: "treasury_busy" };

/**
 * One settlement run: plan what was approved, move every unfinished payout intent forward one transaction at a time
 * (the treasury's nonce orders them), mark proposals whose chunks are all confirmed `settled`, and tell people.
 * Runs of several processes exclude each other with a session advisory lock per treasury.
 */
export async function settlePayouts(
  deps: Pick<ServiceDeps, "db" | "metrics" | "now" | "settlement" | "token" | "votes">,
  signal?: AbortSignal,
): Promise<SettleReport> {
  const report: SettleReport = {
    planned: [],
    refused: [],
    waitingForCap: [],
    confirmed: [],
    failed: [],
    pending: [],
    stuck: [],
    settled: [],
  };
  const settlement = deps.settlement;
  if (!settlement) return { ...report, skipped: { kind: "no_chain" } };
  if (settlement.blocked) return { ...report, skipped: { kind: "blocked", reason: settlement.blocked } };
  const moved = await plannedElsewhere(deps, settlement);
  if (moved) return { ...report, skipped: { kind: "planned_elsewhere", stopped: moved } };
  const ran = await withTreasury(deps, settlement, async () => {
    await run(deps, settlement, report, signal);
    if (!signal?.aborted) report.heldLines = await relayWhenTreasuryIdle(deps, settlement);
    if (!signal?.aborted) report.anchors = await publishWhenTreasuryIdle(deps, settlement);
    return report;
  });
  return ran ?? { ...report, skipped: { kind: "treasury_busy" } };
}

async function run(
  deps: Pick<ServiceDeps, "db" | "metrics" | "now" | "token">,
  settlement: SettlementDeps,
  report: SettleReport,
  signal?: AbortSignal,
) {
  const tell = (guildId: string, fact: ModeratorFact) =>
    enqueuePosts(deps.db, deps.now(), [{ guildId, kind: "note", note: { fact, channel: "payouts" } }]);
  for (const o of await planSettlements(deps, settlement)) {
    if ("planned" in o) report.planned.push(o.proposalId);
    else if ("refused" in o) {
      report.refused.push({ proposalId: o.proposalId, reason: o.refused });
      await tell(o.guildId, { kind: "proposal_not_paid", proposalId: o.proposalId, reason: o.refused });
    } else if ("stuck" in o) {
      report.stuck.push({ proposalId: o.proposalId, reason: o.stuck });
      if (o.tell) {
        await tell(o.guildId, { kind: "proposal_not_planned", proposalId: o.proposalId, reason: o.stuck });
      }
    } else {
      report.waitingForCap.push(o.proposalId);
      if (o.tell) {
        await tell(o.guildId, { kind: "proposal_waits", proposalId: o.proposalId, reason: o.waiting });
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
  // Transactions already signed go first, in nonce order: a later nonce is mined only after them.
  open.sort((a, b) => (a.nonce ?? Number.MAX_SAFE_INTEGER) - (b.nonce ?? Number.MAX_SAFE_INTEGER));
  for (const intent of open) {
    // Stopping: each chunk's state is in the database, so the next start resumes exactly here.
    if (signal?.aborted) break;
    let outcome: IntentOutcome;
    try {
      outcome = await advanceIntent(deps, settlement, intent);
    } catch (error) {
      if (error instanceof InjectedCrash) throw error;
      // One chunk's trouble (an RPC timing out, a node in trouble, a bug) is recorded on it and never stops the
      // others: it is tried again next run, and moderators are told once, when it first sticks.
      const reason = inWords(error);
      const latest = await deps.db.payoutIntent.findUniqueOrThrow({ where: { id: intent.id } });
      const stuck: PayoutStuck = { kind: "error", message: reason };
      await deps.db.payoutIntent.update({ where: { id: intent.id }, data: { stuck } });
      report.stuck.push({ proposalId: intent.proposalId, intentId: intent.id, reason });
      if (latest.stuck === null && latest.stuckReason === null) {
        await tell(intent.proposal.guildId, { kind: "chunk_stuck", chunk: chunkRef(intent), reason });
      }
      // A chunk holding a nonce holds every later one: the treasury's next transaction waits for it.
      if (settlement.mode === "send" && latest.nonce !== null && latest.status !== "mined") break;
      continue;
    }
    if (outcome.state === "confirmed") {
      report.confirmed.push(intent.id);
      deps.metrics.settlement("confirmed", 1);
    } else if (outcome.state === "failed") {
      report.failed.push({ intentId: intent.id, proposalId: intent.proposalId, failure: outcome.failure });
      deps.metrics.settlement("failed", 1);
      await tell(intent.proposal.guildId, {
        kind: "chunk_failed",
        chunk: chunkRef(intent),
        total: intent.total.toFixed(),
        failure: outcome.failure,
      });
    } else {
      report.pending.push({ intentId: intent.id, wait: outcome.wait });
      // One transaction at a time per treasury: what comes after waits for this one. A Safe's chunks are all
      // exported at once: its owners execute them.
      if (settlement.mode === "send") break;
    }
  }
  report.settled = await finishSettled(deps, settlement);
}

const chunkRef = (i: ChunkRef): ChunkRef => ({
  proposalId: i.proposalId,
  chunkIndex: i.chunkIndex,
  chunkCount: i.chunkCount,
});

/** Held lines' claims and returns go once no payout holds a nonce; an error is reported and tried next run. */
async function relayWhenTreasuryIdle(
  deps: Pick<ServiceDeps, "db" | "now">,
  settlement: SettlementDeps,
): Promise<RelayReport | { error: string } | undefined> {
  if (settlement.mode !== "send" || settlement.blocked) return undefined;
  if ((await deps.db.payoutIntent.count({ where: holdingNonces(settlement.chain) })) > 0) return undefined;
  try {
    return await relayHeldLines(deps, settlement);
  } catch (error) {
    if (error instanceof InjectedCrash) throw error;
    return { error: inWords(error) };
  }
}

/**
 * An unexpected error in words for a moderator: its first line, without stack or request dumps (for a database
 * error, the database's own message, not the ORM's preamble).
 */
function inWords(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const lines = text.split("\n").map((l) => l.trim());
  const database = lines.find((l) => l.startsWith("Database error.") || l.startsWith("Message:"));
  const line = database?.replace(/^Database error\. Code: `\w+`\. Message: `?/, "").replace(/`$/, "");
  // An RPC provider's error quotes its URL, key included: only scheme and host are shown.
  return urlOriginsIn(line ?? lines.find((l) => l !== "") ?? "an unexpected error").slice(0, 300);
}

/**
 * Unfinished chunks planned for another chain, token or distributor than the settings now name: paying them through
 * the new settings could pay old amounts in a new token, or a chunk again through a new distributor, so nothing is
 * settled until the settings are put back. Moderators are told once (the chunks keep the reason). The facts, or null.
 */
async function plannedElsewhere(
  deps: Pick<ServiceDeps, "db" | "now">,
  settlement: SettlementDeps,
): Promise<PlannedElsewhere | null> {
  const { chain } = settlement;
  const others = await deps.db.payoutIntent.findMany({
    where: {
      status: { in: ["planned", "signed", "broadcast", "mined", "awaiting_execution"] },
      NOT: {
        chainId: chain.chainId,
        token: { equals: chain.token, mode: "insensitive" },
        distributor: { equals: chain.distributor, mode: "insensitive" },
      },
    },
    orderBy: [{ proposalId: "asc" }, { chunkIndex: "asc" }],
    include: { proposal: { select: { guildId: true } } },
  });
  if (others.length === 0) return null;
  const stopped: PlannedElsewhere = {
    kind: "planned_elsewhere",
    now: { chainId: chain.chainId, token: chain.token, distributor: chain.distributor },
    count: others.length,
    chunks: others.slice(0, 10).map((i) => ({
      proposalId: i.proposalId,
      chunkIndex: i.chunkIndex,
      chainId: i.chainId,
      token: i.token,
      distributor: i.distributor,
    })),
  };
  // Told once: a chunk already holding these very facts was told of them (JSON keys come back in another order).
  const untold = others.filter((i) => !isDeepStrictEqual(i.stuck, stopped));
  if (untold.length > 0) {
    await deps.db.payoutIntent.updateMany({
      where: { id: { in: untold.map((i) => i.id) } },
      data: { stuck: stopped },
    });
    for (const guildId of new Set(untold.map((i) => i.proposal.guildId))) {
      await enqueuePosts(deps.db, deps.now(), [
        { guildId, kind: "note", note: { fact: { kind: "settlement_stopped", stopped }, channel: "payouts" } },
      ]);
    }
  }
  return stopped;
}

/** Proposals whose every chunk is confirmed become `settled`, audited with their transactions. */
async function finishSettled(deps: Pick<ServiceDeps, "db" | "now">, settlement: SettlementDeps): Promise<number[]> {
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
