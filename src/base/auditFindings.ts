import { z } from "zod";

/*
 * What an audit verification checked and found, as facts: the service (`services/audit/verifyAudit.ts`) returns them,
 * the verify-audit job stores them in its JobRun, and the edges (the job's summary, `steward audit verify`, the
 * public API) put them into words with `auditFindingsText.ts`. They live on the ground floor because those edges are
 * three rooms (jobs, http, the CLI) whose only common floor this is. Ids, hashes and token amounts are strings (as
 * JSON keeps them: a JobRun's detail is JSON, and bigints are not).
 */

/** One payment chunk of a paid proposal, as a finding names it. */
const chunkRef = z.object({
  proposalId: z.number(),
  /** 0-based, as stored; words count from 1. */
  index: z.number(),
  count: z.number(),
  txHash: z.string(),
});

/** A payout line: who, how much (the token's smallest unit). */
const payment = z.object({ recipient: z.string(), amount: z.string() });
const transfer = z.object({ to: z.string(), amount: z.string() });

export const auditCheckSchema = z.discriminatedUnion("kind", [
  /** The whole hash chain recomputed and intact. */
  z.object({
    kind: z.literal("chain"),
    events: z.number(),
    head: z.object({ id: z.string(), hash: z.string() }).nullable(),
  }),
  /** The hash chain recomputed up to its first broken event. */
  z.object({ kind: z.literal("chain_broken"), upTo: z.string() }),
  /** The anchors Steward recorded, each compared with the audit log. */
  z.object({ kind: z.literal("anchors"), recorded: z.number() }),
  /** No chain or no AuditAnchor contract: nothing on chain to read. */
  z.object({ kind: z.literal("anchors_onchain_none") }),
  /** The anchors read back from the AuditAnchor contract. */
  z.object({
    kind: z.literal("anchors_onchain"),
    published: z.number(),
    publisher: z.string(),
    chainId: z.number(),
    contract: z.string(),
  }),
  /** Every paid proposal; `transfers` null when no chain was configured (receipts not read). */
  z.object({
    kind: z.literal("settlements"),
    proposals: z.number(),
    chunks: z.number(),
    transfers: z.number().nullable(),
  }),
]);
export type AuditCheck = z.infer<typeof auditCheckSchema>;

export const auditMismatchSchema = z.discriminatedUnion("kind", [
  /** An event's link is not the hash of the event before it. */
  z.object({
    kind: z.literal("event_link"),
    eventId: z.string(),
    action: z.string(),
    linksTo: z.string(),
    previousHash: z.string(),
  }),
  /** An event's content no longer hashes to its stored hash. */
  z.object({
    kind: z.literal("event_changed"),
    eventId: z.string(),
    action: z.string(),
    subjectType: z.string(),
    subjectId: z.string(),
    computed: z.string(),
    stored: z.string(),
  }),
  /** A recorded anchor names an event the audit log lacks. */
  z.object({ kind: z.literal("anchor_event_missing"), eventId: z.string(), reason: z.string() }),
  /** A recorded anchor's hash is not the event's hash. */
  z.object({
    kind: z.literal("anchor_hash"),
    eventId: z.string(),
    reason: z.string(),
    recorded: z.string(),
    found: z.string(),
  }),
  /** An anchor on chain says the event had another hash (`found` null: the event does not exist). */
  z.object({
    kind: z.literal("onchain_anchor_rewritten"),
    blockNumber: z.number(),
    txHash: z.string(),
    eventId: z.string(),
    anchored: z.string(),
    found: z.string().nullable(),
  }),
  /** Steward recorded an anchor transaction the contract does not hold. */
  z.object({
    kind: z.literal("anchor_not_on_chain"),
    eventId: z.string(),
    txHash: z.string(),
    publisher: z.string(),
  }),
  /** A stored batch or chunk that is not what Steward writes (a JSON column that does not parse). */
  z.object({
    kind: z.literal("record_unreadable"),
    proposalId: z.number(),
    table: z.string(),
    column: z.string(),
    id: z.union([z.number(), z.string()]),
    problems: z.array(z.string()),
  }),
  /** The stored batch does not hash to the proposal's recorded batch hash. */
  z.object({
    kind: z.literal("batch_hash"),
    proposalId: z.number(),
    computed: z.string(),
    recorded: z.string().nullable(),
  }),
  /** The audit log has no `proposal.opened` for the proposal. */
  z.object({ kind: z.literal("vote_missing"), proposalId: z.number() }),
  /** The vote bound another batch hash (`voted` null: its record names none). */
  z.object({
    kind: z.literal("vote_hash"),
    proposalId: z.number(),
    voted: z.string().nullable(),
    recorded: z.string().nullable(),
  }),
  /** The chunks' lines are not the voted batch's; `line` is 1-based (0 when only the counts differ). */
  z.object({ kind: z.literal("chunk_lines"), proposalId: z.number(), line: z.number() }),
  /** A chunk's batch id is not the one the voted batch hash gives. */
  z.object({ kind: z.literal("chunk_batch_id"), chunk: chunkRef, batchId: z.string() }),
  /** The audit log recorded another transaction (or none) for the chunk. */
  z.object({ kind: z.literal("chunk_tx_recorded"), chunk: chunkRef, recordedTx: z.string().nullable() }),
  /** The chain has no such transaction. */
  z.object({ kind: z.literal("chunk_tx_missing"), chunk: chunkRef }),
  /** The transaction reverted. */
  z.object({ kind: z.literal("chunk_reverted"), chunk: chunkRef }),
  /** The distributor emitted no Settled event for the chunk's batch id. */
  z.object({ kind: z.literal("chunk_no_settled_event"), chunk: chunkRef, batchId: z.string() }),
  /** The Settled event's count or total (or token) differs from the chunk's. */
  z.object({
    kind: z.literal("chunk_settled_totals"),
    chunk: chunkRef,
    settled: z.object({ count: z.string(), total: z.string() }),
    recorded: z.object({ count: z.number(), total: z.string() }),
  }),
  /** The Settled event committed to other lines. */
  z.object({ kind: z.literal("chunk_lines_hash"), chunk: chunkRef, linesHash: z.string() }),
  /** The distributor held another line than the batch's (1-based `line`; `pays` null: the batch has none there). */
  z.object({
    kind: z.literal("line_held_other"),
    chunk: chunkRef,
    line: z.number(),
    pays: payment.nullable(),
    held: payment,
  }),
  /** The distributor held a line Steward has no record of. */
  z.object({ kind: z.literal("line_held_unrecorded"), chunk: chunkRef, line: z.number() }),
  /** The chain's transfer for a line went elsewhere, or is missing (`transfer` null). */
  z.object({
    kind: z.literal("line_transfer"),
    chunk: chunkRef,
    line: z.number(),
    pays: payment.nullable(),
    transfer: transfer.nullable(),
  }),
]);
export type AuditMismatch = z.infer<typeof auditMismatchSchema>;
export type AuditChunkRef = z.infer<typeof chunkRef>;

/**
 * A verification as the verify-audit job stores it (JobRun.detail). Rows stored before findings were facts hold
 * sentences: both read, and both render.
 */
export const storedAuditVerificationSchema = z.object({
  summary: z.string().optional(),
  checked: z.array(z.union([z.string(), auditCheckSchema])).default([]),
  mismatches: z.array(z.union([z.string(), auditMismatchSchema])).default([]),
});
export type StoredAuditVerification = z.infer<typeof storedAuditVerificationSchema>;
