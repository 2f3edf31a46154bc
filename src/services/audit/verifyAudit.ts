import { tokenAmountText } from "../../base/token.ts";
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
  /** What was checked, one line each, for people. */
  checked: string[];
  /** Every difference found, each naming what differs from what. */
  mismatches: string[];
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
export async function verifyAudit(deps: Pick<ServiceDeps, "db" | "settlement" | "token">): Promise<AuditVerification> {
  const checked: string[] = [];
  const mismatches: string[] = [];
  const chain = await verifyAuditChain(deps.db);
  if (chain.intact) {
    checked.push(
      `audit log: ${chain.events} events, every hash and link recomputed${chain.head ? `; head #${chain.head.id} ${chain.head.hash.slice(0, 16)}…` : ""}`,
    );
  } else {
    checked.push(`audit log: recomputed up to event #${chain.firstBrokenId}`);
    // Stryker disable next-line StringLiteral: verifyAuditChain explains every break it reports; the fallback never shows
    mismatches.push(chain.explanation ?? `audit event #${chain.firstBrokenId}: ${chain.problem}`);
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

async function checkAnchors(deps: Pick<ServiceDeps, "db" | "settlement">, checked: string[], mismatches: string[]) {
  const recorded = await deps.db.auditAnchor.findMany({ orderBy: { eventId: "asc" } });
  const recordedHashes = await eventHashes(
    deps,
    recorded.map((a) => a.eventId),
  );
  for (const a of recorded) {
    const hash = recordedHashes.get(a.eventId);
    if (hash === undefined)
      mismatches.push(`anchor of event #${a.eventId} (${a.reason}): the audit log has no event #${a.eventId}`);
    else if (hash !== a.hash) {
      mismatches.push(
        `anchor of event #${a.eventId} (${a.reason}) recorded hash ${a.hash.slice(0, 16)}…, but the audit log's event #${a.eventId} now hashes to ${hash.slice(0, 16)}…`,
      );
    }
  }
  checked.push(`anchors recorded by Steward: ${recorded.length}, each compared with the audit log`);
  const audit = deps.settlement?.audit;
  if (!audit?.anchorContract || !audit.publisher) {
    checked.push(
      "on-chain anchors: none to read (no chain or no AuditAnchor contract): compare the heads in #governance's distribution posts by hand",
    );
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
      mismatches.push(
        `the anchor published in block ${p.blockNumber} (tx ${p.txHash}) says event #${p.sequence} had hash ${p.head.slice(0, 16)}…, but the audit log's event #${p.sequence} ${hash === undefined ? "does not exist" : `has ${hash.slice(0, 16)}…`}: the history was rewritten after it was anchored`,
      );
    }
  }
  for (const a of recorded.filter((r) => r.txHash)) {
    if (!published.some((p) => same(p.txHash, a.txHash ?? ""))) {
      mismatches.push(
        `Steward recorded event #${a.eventId} as anchored in tx ${a.txHash}, but the AuditAnchor contract has no such anchor from ${audit.publisher}`,
      );
    }
  }
  const lastBlock = published.at(-1)?.blockNumber ?? null;
  checked.push(
    `on-chain anchors: ${published.length} from ${audit.publisher} on chain ${audit.chainId} (contract ${audit.anchorContract}), each compared with the audit log`,
  );
  return { recorded: recorded.length, onChain: published.length, lastBlock };
}

async function checkSettlements(
  deps: Pick<ServiceDeps, "db" | "settlement" | "token">,
  checked: string[],
  mismatches: string[],
) {
  const proposals = await deps.db.proposal.findMany({
    where: { payouts: { some: { status: "confirmed" } } },
    include: { payouts: { orderBy: { chunkIndex: "asc" } } },
    orderBy: { id: "asc" },
  });
  const audit = deps.settlement?.audit;
  const tokens = (units: bigint) => tokenAmountText(units, deps.token);
  let chunks = 0;
  let transfers = 0;
  for (const p of proposals) {
    const where = `proposal #${p.id}`;
    let entries: BatchEntry[];
    let linesOf: Map<number, PayoutLine[]>;
    try {
      // Stryker disable next-line LogicalOperator,ArrayDeclaration: a paid proposal always has a batch (planning refuses one without)
      entries = readPayoutBatch(p) ?? [];
      linesOf = new Map(p.payouts.map((i) => [i.id, readPayoutEntries(i)]));
    } catch (error) {
      // A stored batch or chunk that is not what Steward writes is itself a finding, named, not a crash of the check.
      if (!(error instanceof JsonColumnError)) throw error;
      mismatches.push(`${where}: ${error.message}`);
      continue;
    }
    const recomputed = batchHash(entries);
    if (recomputed !== p.batchHash) {
      mismatches.push(`${where}: its batch hashes to ${recomputed}, but its recorded batch hash is ${p.batchHash}`);
    }
    const events = await deps.db.auditEvent.findMany({
      where: {
        subjectType: "proposal",
        subjectId: String(p.id),
        action: { in: ["proposal.opened", "proposal.settled"] },
      },
      // Stryker disable next-line ObjectLiteral: each is appended once per proposal (status-guarded), so order cannot matter
      orderBy: { id: "asc" },
    });
    const opened = events.find((e) => e.action === "proposal.opened")?.payload as { batchHash?: string } | undefined;
    if (!opened) mismatches.push(`${where}: the audit log has no record of its vote opening`);
    else if (opened.batchHash !== p.batchHash) {
      mismatches.push(
        `${where}: the vote bound batch hash ${opened.batchHash}, but the proposal's batch hash is ${p.batchHash}`,
      );
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
      mismatches.push(
        `${where}: its payout chunks do not list the voted batch's lines (first difference at line ${firstDiff + 1})`,
      );
    }
    for (const intent of p.payouts) {
      if (intent.status !== "confirmed" || !intent.txHash) continue;
      chunks++;
      const label = `${where} chunk ${intent.chunkIndex + 1} of ${intent.chunkCount} (tx ${intent.txHash})`;
      const identity = { chainId: intent.chainId, distributor: intent.distributor, proposalId: p.id };
      if (p.batchHash && intent.batchId !== chunkBatchId(identity, p.batchHash, intent.chunkIndex, intent.idScheme)) {
        mismatches.push(`${label}: its batch id ${intent.batchId} is not the one the voted batch hash gives`);
      }
      if (settledEvent) {
        // Stryker disable next-line OptionalChaining: `proposal.settled` always lists its transactions; the guard only keeps a damaged payload from crashing the check
        const recorded = settledEvent.transactions?.find((t) => t.chunk === intent.chunkIndex)?.txHash;
        if (!recorded || !same(recorded, intent.txHash)) {
          mismatches.push(`${label}: the audit log recorded this chunk as paid by ${recorded ?? "no transaction"}`);
        }
      }
      if (!audit) continue;
      const evidence = await audit.settlementEvidence(intent.txHash, intent.distributor, intent.token);
      if (!evidence) {
        mismatches.push(`${label}: the chain has no such transaction`);
        continue;
      }
      if (!evidence.success) mismatches.push(`${label}: the transaction reverted on chain`);
      const lines = linesOf.get(intent.id) ?? [];
      const total = BigInt(intent.total.toFixed());
      const event = evidence.settled.find((s) => same(s.batchId, intent.batchId));
      if (!event) mismatches.push(`${label}: the distributor emitted no Settled event for batch id ${intent.batchId}`);
      else if (event.count !== BigInt(lines.length) || event.total !== total || !same(event.token, intent.token)) {
        mismatches.push(
          `${label}: the Settled event says ${event.count} payouts, ${tokens(event.total)}, but the chunk has ${lines.length} payouts, ${tokens(total)}`,
        );
      }
      const paid = event?.transfers ?? [];
      const held = event?.held ?? [];
      transfers += paid.length;
      if (event?.linesHash && !same(event.linesHash, safeLinesHash(lines))) {
        mismatches.push(
          `${label}: the Settled event committed to other lines (hash ${event.linesHash}) than the chunk lists`,
        );
      }
      const recordedHeld = held.length > 0 ? await deps.db.heldLine.findMany({ where: { intentId: intent.id } }) : [];
      let next = 0;
      for (let n = 0; n < Math.max(lines.length, paid.length + held.length); n++) {
        const line = lines[n];
        const h = held.find((x) => x.index === n);
        if (h) {
          if (!line || !same(line.recipient, h.recipient) || BigInt(line.amount) !== h.amount) {
            mismatches.push(
              `${label}, line ${n + 1}: the batch pays ${line ? `${line.recipient} ${tokens(BigInt(line.amount))}` : "nothing"}, but the distributor held ${h.recipient}, ${tokens(h.amount)}`,
            );
          }
          if (!recordedHeld.some((r) => r.lineIndex === n)) {
            mismatches.push(
              `${label}, line ${n + 1}: the distributor held it, but Steward has no record of the held line`,
            );
          }
          continue;
        }
        const t = paid[next++];
        if (line && t && same(line.recipient, t.to) && BigInt(line.amount) === t.amount) continue;
        mismatches.push(
          `${label}, line ${n + 1}: the batch pays ${line ? `${line.recipient} ${tokens(BigInt(line.amount))}` : "nothing"}, but the chain's Transfer ${t ? `went to ${t.to}, ${tokens(t.amount)}` : "is missing"}`,
        );
      }
      for (const t of paid.slice(Math.max(next, lines.length - held.length))) {
        mismatches.push(`${label}: the chain's Transfer to ${t.to}, ${tokens(t.amount)}, is not a line of the chunk`);
      }
    }
  }
  checked.push(
    `paid proposals: ${proposals.length} (${chunks} chunks${audit ? `, ${transfers} token transfers read from the chain's receipts` : "; no chain configured, so receipts were not read"}), each batch against the voted hash and the audit log`,
  );
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
