import type { AuditCheck, AuditChunkRef, AuditMismatch } from "../../base/auditFindings.ts";
import { readPayoutBatch } from "../../db/json/payoutBatch.ts";
import { type PayoutLine, readPayoutEntries } from "../../db/json/payoutEntries.ts";
import { JsonColumnError } from "../../db/json/readJsonColumn.ts";
import type { ServiceDeps } from "../deps.ts";
import { type BatchEntry, batchHash } from "../epochs/batchHash.ts";
import { chunkBatchId } from "../settlement/chunkBatch.ts";
import { linesHashOf } from "../settlement/linesHash.ts";
import { verifyAuditChain } from "./verifyAuditChain.ts";

export interface AuditVerification {
  ok: boolean;
  /** What was checked, in order (words: `base/auditFindingsText.ts`). */
  checked: AuditCheck[];
  /** Every difference found, with the facts of what differs from what. */
  mismatches: AuditMismatch[];
  events: number;
  head: { id: string; hash: string } | null;
  anchors: { recorded: number; onChain: number; lastBlock: number | null };
  settled: { proposals: number; chunks: number; transfers: number };
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/**
 * Everything an auditor can check without trusting Steward's word: the audit log's hash chain; every published
 * anchor of its head (on chain when a chain is configured: a history rewritten end to end no longer holds them);
 * and every paid proposal — its batch against the hash the vote bound and the audit log's records of it, each
 * chunk against the chain's own receipt: the distributor's `Settled` event and the token's `Transfer` logs.
 */
export async function verifyAudit(deps: Pick<ServiceDeps, "db" | "settlement">): Promise<AuditVerification> {
  const checked: AuditCheck[] = [];
  const mismatches: AuditMismatch[] = [];
  const chain = await verifyAuditChain(deps.db);
  if (chain.intact) {
    checked.push({ kind: "chain", events: chain.events, head: chain.head ?? null });
  } else {
    checked.push({ kind: "chain_broken", upTo: chain.firstBrokenId ?? "" });
    // Stryker disable next-line ConditionalExpression: verifyAuditChain names the break of every chain it reports broken
    if (chain.broken) mismatches.push(chain.broken);
  }
  const anchors = await checkAnchors(deps, checked, mismatches);
  const settled = await checkSettlements(deps, checked, mismatches);
  return {
    ok: mismatches.length === 0,
    checked,
    mismatches,
    events: chain.events,
    head: chain.head ?? null,
    anchors,
    settled,
  };
}

/** The audit log's hash of each event id asked for, in one read; an id the log lacks is absent. */
async function eventHashes(deps: Pick<ServiceDeps, "db">, ids: bigint[]): Promise<Map<bigint, string>> {
  const rows = await deps.db.auditEvent.findMany({ where: { id: { in: ids } }, select: { id: true, hash: true } });
  return new Map(rows.map((r) => [r.id, r.hash]));
}

async function checkAnchors(
  deps: Pick<ServiceDeps, "db" | "settlement">,
  checked: AuditCheck[],
  mismatches: AuditMismatch[],
) {
  const recorded = await deps.db.auditAnchor.findMany({ orderBy: { eventId: "asc" } });
  const recordedHashes = await eventHashes(
    deps,
    recorded.map((a) => a.eventId),
  );
  for (const a of recorded) {
    const hash = recordedHashes.get(a.eventId);
    const eventId = a.eventId.toString();
    if (hash === undefined) mismatches.push({ kind: "anchor_event_missing", eventId, reason: a.reason });
    else if (hash !== a.hash) {
      mismatches.push({ kind: "anchor_hash", eventId, reason: a.reason, recorded: a.hash, found: hash });
    }
  }
  checked.push({ kind: "anchors", recorded: recorded.length });
  const audit = deps.settlement?.audit;
  if (!audit?.anchorContract || !audit.publisher) {
    checked.push({ kind: "anchors_onchain_none" });
    return { recorded: recorded.length, onChain: 0, lastBlock: null };
  }
  const published = await audit.anchors(audit.publisher);
  const publishedHashes = await eventHashes(
    deps,
    published.map((p) => p.sequence),
  );
  for (const p of published) {
    const hash = publishedHashes.get(p.sequence);
    if (hash !== p.head) {
      mismatches.push({
        kind: "onchain_anchor_rewritten",
        blockNumber: p.blockNumber,
        txHash: p.txHash,
        eventId: p.sequence.toString(),
        anchored: p.head,
        found: hash ?? null,
      });
    }
  }
  for (const a of recorded) {
    if (a.txHash && !published.some((p) => same(p.txHash, a.txHash ?? ""))) {
      mismatches.push({
        kind: "anchor_not_on_chain",
        eventId: a.eventId.toString(),
        txHash: a.txHash,
        publisher: audit.publisher,
      });
    }
  }
  const lastBlock = published.at(-1)?.blockNumber ?? null;
  checked.push({
    kind: "anchors_onchain",
    published: published.length,
    publisher: audit.publisher,
    chainId: audit.chainId,
    contract: audit.anchorContract,
  });
  return { recorded: recorded.length, onChain: published.length, lastBlock };
}

async function checkSettlements(
  deps: Pick<ServiceDeps, "db" | "settlement">,
  checked: AuditCheck[],
  mismatches: AuditMismatch[],
) {
  const proposals = await deps.db.proposal.findMany({
    where: { payouts: { some: { status: "confirmed" } } },
    include: { payouts: { orderBy: { chunkIndex: "asc" } } },
    orderBy: { id: "asc" },
  });
  const audit = deps.settlement?.audit;
  let chunks = 0;
  let transfers = 0;
  for (const p of proposals) {
    const proposalId = p.id;
    let entries: BatchEntry[];
    let linesOf: Map<number, PayoutLine[]>;
    try {
      // Stryker disable next-line LogicalOperator,ArrayDeclaration: a paid proposal always has a batch (planning refuses one without)
      entries = readPayoutBatch(p) ?? [];
      linesOf = new Map(p.payouts.map((i) => [i.id, readPayoutEntries(i)]));
    } catch (error) {
      // A stored batch or chunk that is not what Steward writes is itself a finding, named, not a crash of the check.
      if (!(error instanceof JsonColumnError)) throw error;
      const { table, column, id, problems } = error;
      mismatches.push({ kind: "record_unreadable", proposalId, table, column, id, problems });
      continue;
    }
    const recomputed = batchHash(entries);
    if (recomputed !== p.batchHash) {
      mismatches.push({ kind: "batch_hash", proposalId, computed: recomputed, recorded: p.batchHash });
    }
    const events = await deps.db.auditEvent.findMany({
      where: {
        subjectType: "proposal",
        subjectId: String(p.id),
        // Stryker disable next-line ObjectLiteral: the filter only narrows the read; each action is looked up by name below
        action: { in: ["proposal.opened", "proposal.settled"] },
      },
      // Stryker disable next-line ObjectLiteral: each is appended once per proposal (status-guarded), so order cannot matter
      orderBy: { id: "asc" },
    });
    const opened = events.find((e) => e.action === "proposal.opened")?.payload as { batchHash?: string } | undefined;
    if (!opened) mismatches.push({ kind: "vote_missing", proposalId });
    else if (opened.batchHash !== p.batchHash) {
      mismatches.push({ kind: "vote_hash", proposalId, voted: opened.batchHash ?? null, recorded: p.batchHash });
    }
    const settledEvent = events.find((e) => e.action === "proposal.settled")?.payload as
      | { transactions?: { chunk: number; txHash: string | null }[] }
      | undefined;
    const chunkLines = p.payouts.flatMap((i) => linesOf.get(i.id) ?? []);
    const batchLines = entries.map((e) => ({ recipient: e.recipient, amount: e.amount }));
    const firstDiff = batchLines.findIndex(
      (l, n) => !chunkLines[n] || !same(chunkLines[n].recipient, l.recipient) || chunkLines[n].amount !== l.amount,
    );
    if (firstDiff >= 0 || chunkLines.length !== batchLines.length) {
      mismatches.push({ kind: "chunk_lines", proposalId, line: firstDiff + 1 });
    }
    for (const intent of p.payouts) {
      if (intent.status !== "confirmed" || !intent.txHash) continue;
      chunks++;
      const chunk: AuditChunkRef = {
        proposalId,
        index: intent.chunkIndex,
        count: intent.chunkCount,
        txHash: intent.txHash,
      };
      const identity = { chainId: intent.chainId, distributor: intent.distributor, proposalId: p.id };
      if (p.batchHash && intent.batchId !== chunkBatchId(identity, p.batchHash, intent.chunkIndex, intent.idScheme)) {
        mismatches.push({ kind: "chunk_batch_id", chunk, batchId: intent.batchId });
      }
      if (settledEvent) {
        // Stryker disable next-line OptionalChaining: `proposal.settled` always lists its transactions; the guard only keeps a damaged payload from crashing the check
        const recorded = settledEvent.transactions?.find((t) => t.chunk === intent.chunkIndex)?.txHash;
        if (!recorded || !same(recorded, intent.txHash)) {
          mismatches.push({ kind: "chunk_tx_recorded", chunk, recordedTx: recorded ?? null });
        }
      }
      if (!audit) continue;
      const evidence = await audit.settlementEvidence(intent.txHash, intent.distributor, intent.token);
      if (!evidence) {
        mismatches.push({ kind: "chunk_tx_missing", chunk });
        continue;
      }
      if (!evidence.success) mismatches.push({ kind: "chunk_reverted", chunk });
      const lines = linesOf.get(intent.id) ?? [];
      const total = BigInt(intent.total.toFixed());
      const event = evidence.settled.find((s) => same(s.batchId, intent.batchId));
      if (!event) mismatches.push({ kind: "chunk_no_settled_event", chunk, batchId: intent.batchId });
      else if (event.count !== BigInt(lines.length) || event.total !== total || !same(event.token, intent.token)) {
        mismatches.push({
          kind: "chunk_settled_totals",
          chunk,
          settled: { count: event.count.toString(), total: event.total.toString() },
          recorded: { count: lines.length, total: total.toString() },
        });
      }
      const paid = event?.transfers ?? [];
      // Stryker disable next-line ArrayDeclaration: without a Settled event every line is already reported missing
      const held = event?.held ?? [];
      transfers += paid.length;
      if (event?.linesHash && !same(event.linesHash, safeLinesHash(lines))) {
        mismatches.push({ kind: "chunk_lines_hash", chunk, linesHash: event.linesHash });
      }
      const recordedHeld =
        // Stryker disable next-line ConditionalExpression,EqualityOperator,ArrayDeclaration: the records are only looked at for a held line: with none held, reading them is merely wasted
        held.length > 0 ? await deps.db.heldLine.findMany({ where: { intentId: intent.id } }) : [];
      let next = 0;
      for (let n = 0; n < Math.max(lines.length, paid.length + held.length); n++) {
        const line = lines[n];
        const pays = line ? { recipient: line.recipient, amount: BigInt(line.amount).toString() } : null;
        const h = held.find((x) => x.index === n);
        if (h) {
          if (!line || !same(line.recipient, h.recipient) || BigInt(line.amount) !== h.amount) {
            const heldLine = { recipient: h.recipient, amount: h.amount.toString() };
            mismatches.push({ kind: "line_held_other", chunk, line: n + 1, pays, held: heldLine });
          }
          if (!recordedHeld.some((r) => r.lineIndex === n)) {
            mismatches.push({ kind: "line_held_unrecorded", chunk, line: n + 1 });
          }
          continue;
        }
        const t = paid[next++];
        if (line && t && same(line.recipient, t.to) && BigInt(line.amount) === t.amount) continue;
        const transfer = t ? { to: t.to, amount: t.amount.toString() } : null;
        mismatches.push({ kind: "line_transfer", chunk, line: n + 1, pays, transfer });
      }
    }
  }
  checked.push({ kind: "settlements", proposals: proposals.length, chunks, transfers: audit ? transfers : null });
  return { proposals: proposals.length, chunks, transfers };
}

/** The chunk's lines' hash, or "" when a line is one no distributor could pay (its amount out of range). */
function safeLinesHash(lines: PayoutLine[]): string {
  try {
    return linesHashOf(lines);
  } catch {
    return "";
  }
}
