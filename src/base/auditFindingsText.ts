import type { AuditCheck, AuditChunkRef, AuditMismatch, StoredAuditVerification } from "./auditFindings.ts";
import { type Token, tokenAmountText } from "./token.ts";

/*
 * The words of an audit verification, in one place: the verify-audit job's summary, `steward audit verify` and the
 * public API (`lastVerification`) all say it this way.
 */

const short16 = (hash: string) => `${hash.slice(0, 16)}…`;
const short12 = (hash: string) => `${hash.slice(0, 12)}…`;

/** What was checked, one line. */
export function auditCheckText(c: AuditCheck): string {
  switch (c.kind) {
    case "chain":
      return `audit log: ${c.events} events, every hash and link recomputed${c.head ? `; head #${c.head.id} ${short16(c.head.hash)}` : ""}`;
    case "chain_broken":
      return `audit log: recomputed up to event #${c.upTo}`;
    case "anchors":
      return `anchors recorded by Steward: ${c.recorded}, each compared with the audit log`;
    case "anchors_onchain_none":
      return "on-chain anchors: none to read (no chain or no AuditAnchor contract): compare the heads in #governance's distribution posts by hand";
    case "anchors_onchain":
      return `on-chain anchors: ${c.published} from ${c.publisher} on chain ${c.chainId} (contract ${c.contract}), each compared with the audit log`;
    case "settlements":
      return `paid proposals: ${c.proposals} (${c.chunks} chunks${c.transfers !== null ? `, ${c.transfers} token transfers read from the chain's receipts` : "; no chain configured, so receipts were not read"}), each batch against the voted hash and the audit log`;
  }
}

const chunkLabel = (c: AuditChunkRef) =>
  `proposal #${c.proposalId} chunk ${c.index + 1} of ${c.count} (tx ${c.txHash})`;

/** One difference found, naming what differs from what. */
export function auditMismatchText(m: AuditMismatch, token: Token): string {
  const tokens = (units: string) => tokenAmountText(units, token);
  const pays = (p: { recipient: string; amount: string } | null) =>
    p ? `${p.recipient} ${tokens(p.amount)}` : "nothing";
  switch (m.kind) {
    case "event_link":
      return `audit event #${m.eventId} (${m.action}) links to ${short12(m.linksTo)}, but the event before it hashes to ${short12(m.previousHash)}: an event was removed, inserted or changed before it`;
    case "event_changed":
      return `audit event #${m.eventId} (${m.action} of ${m.subjectType} ${m.subjectId}) was changed after it was written: its content hashes to ${short12(m.computed)}, not to its stored hash ${short12(m.stored)}`;
    case "anchor_event_missing":
      return `anchor of event #${m.eventId} (${m.reason}): the audit log has no event #${m.eventId}`;
    case "anchor_hash":
      return `anchor of event #${m.eventId} (${m.reason}) recorded hash ${short16(m.recorded)}, but the audit log's event #${m.eventId} now hashes to ${short16(m.found)}`;
    case "onchain_anchor_rewritten":
      return `the anchor published in block ${m.blockNumber} (tx ${m.txHash}) says event #${m.eventId} had hash ${short16(m.anchored)}, but the audit log's event #${m.eventId} ${m.found === null ? "does not exist" : `has ${short16(m.found)}`}: the history was rewritten after it was anchored`;
    case "anchor_not_on_chain":
      return `Steward recorded event #${m.eventId} as anchored in tx ${m.txHash}, but the AuditAnchor contract has no such anchor from ${m.publisher}`;
    case "record_unreadable":
      return `proposal #${m.proposalId}: ${m.table} ${m.id}, column ${m.column}: not what Steward writes (${m.problems.join("; ")})`;
    case "batch_hash":
      return `proposal #${m.proposalId}: its batch hashes to ${m.computed}, but its recorded batch hash is ${m.recorded}`;
    case "vote_missing":
      return `proposal #${m.proposalId}: the audit log has no record of its vote opening`;
    case "vote_hash":
      return `proposal #${m.proposalId}: the vote bound batch hash ${m.voted ?? "undefined"}, but the proposal's batch hash is ${m.recorded}`;
    case "chunk_lines":
      return `proposal #${m.proposalId}: its payout chunks do not list the voted batch's lines (first difference at line ${m.line})`;
    case "chunk_batch_id":
      return `${chunkLabel(m.chunk)}: its batch id ${m.batchId} is not the one the voted batch hash gives`;
    case "chunk_tx_recorded":
      return `${chunkLabel(m.chunk)}: the audit log recorded this chunk as paid by ${m.recordedTx ?? "no transaction"}`;
    case "chunk_tx_missing":
      return `${chunkLabel(m.chunk)}: the chain has no such transaction`;
    case "chunk_reverted":
      return `${chunkLabel(m.chunk)}: the transaction reverted on chain`;
    case "chunk_no_settled_event":
      return `${chunkLabel(m.chunk)}: the distributor emitted no Settled event for batch id ${m.batchId}`;
    case "chunk_settled_totals":
      return `${chunkLabel(m.chunk)}: the Settled event says ${m.settled.count} payouts, ${tokens(m.settled.total)}, but the chunk has ${m.recorded.count} payouts, ${tokens(m.recorded.total)}`;
    case "chunk_lines_hash":
      return `${chunkLabel(m.chunk)}: the Settled event committed to other lines (hash ${m.linesHash}) than the chunk lists`;
    case "line_held_other":
      return `${chunkLabel(m.chunk)}, line ${m.line}: the batch pays ${pays(m.pays)}, but the distributor held ${m.held.recipient}, ${tokens(m.held.amount)}`;
    case "line_held_unrecorded":
      return `${chunkLabel(m.chunk)}, line ${m.line}: the distributor held it, but Steward has no record of the held line`;
    case "line_transfer":
      return `${chunkLabel(m.chunk)}, line ${m.line}: the batch pays ${pays(m.pays)}, but the chain's Transfer ${m.transfer ? `went to ${m.transfer.to}, ${tokens(m.transfer.amount)}` : "is missing"}`;
  }
}

/** The one-line summary of a verification (the verify-audit job's summary). */
export function auditSummaryText(
  report: {
    ok: boolean;
    events: number;
    mismatches: AuditMismatch[];
    anchors: { recorded: number; onChain: number };
    settled: { chunks: number };
  },
  token: Token,
): string {
  const [first] = report.mismatches;
  if (report.ok || !first) {
    return `audit verified: ${report.events} events, ${report.anchors.onChain} anchor(s) on chain and ${report.anchors.recorded} recorded, ${report.settled.chunks} paid chunk(s); no mismatch`;
  }
  return `${report.mismatches.length} mismatch(es): ${auditMismatchText(first, token)}${report.mismatches.length > 1 ? " …" : ""}`;
}

/** A stored verification's findings in words; a row stored before findings were facts already holds words. */
export function storedAuditText(stored: Pick<StoredAuditVerification, "checked" | "mismatches">, token: Token) {
  return {
    checked: stored.checked.map((c) => (typeof c === "string" ? c : auditCheckText(c))),
    mismatches: stored.mismatches.map((m) => (typeof m === "string" ? m : auditMismatchText(m, token))),
  };
}
