import { readEvaluationScores } from "../../db/json/evaluationScores.ts";
import { readPayoutBatch } from "../../db/json/payoutBatch.ts";
import { readPayoutEntries } from "../../db/json/payoutEntries.ts";
import { type JuryVerdict, juryVerdicts } from "../calibration/juryVerdicts.ts";
import type { ServiceDeps } from "../deps.ts";
import { UserError } from "../errors.ts";
import { chunkOfRecipient } from "../settlement/chunkOfRecipient.ts";
import type { ProposalResult } from "../votes/resultOf.ts";
import { publicIdentities } from "./publicIdentity.ts";

export type TraceKind = "transaction" | "proposal" | "contribution" | "node";
export interface TraceRef {
  kind: TraceKind;
  /** Transaction hash (lower-case) or the numeric id as text. */
  key: string;
}

const KINDS = ["proposal", "contribution", "node"] as const;

/**
 * What `/audit trace id:` accepts: a transaction hash, or `proposal 12` / `contribution 12` / `node 12` (also `p12`,
 * `c12`, `n12`, `proposal:12`). A bare number is looked up as all three and must name exactly one.
 */
export async function readTraceRef(deps: Pick<ServiceDeps, "db">, guildId: string, text: string): Promise<TraceRef> {
  const t = text.trim();
  if (/^0x[0-9a-fA-F]{64}$/.test(t)) return { kind: "transaction", key: t.toLowerCase() };
  const named = /^(proposal|contribution|node|p|c|n)\s*[:#]?\s*(\d{1,9})$/i.exec(t);
  if (named) {
    const word = (named[1] ?? "").toLowerCase();
    const kind = KINDS.find((k) => k === word || k[0] === word) ?? "proposal";
    return { kind, key: String(Number(named[2])) };
  }
  const bare = /^#?\s*(\d{1,9})$/.exec(t);
  if (!bare) throw new UserError("trace_unreadable", { ref: t });
  const id = Number(bare[1]);
  const [p, c, n] = await Promise.all([
    deps.db.proposal.count({ where: { id, guildId } }),
    deps.db.contribution.count({ where: { id, guildId } }),
    deps.db.computeNode.count({ where: { id, guildId } }),
  ]);
  const kinds = KINDS.filter((_, i) => [p, c, n][i]);
  const only = kinds[0];
  if (kinds.length === 1 && only) return { kind: only, key: String(id) };
  if (kinds.length === 0) throw new UserError("trace_not_found", { kind: "any", ref: `#${id}` });
  throw new UserError("trace_ambiguous", { id, kinds: [...kinds] });
}

export interface TracedEvaluation {
  id: number;
  evaluator: string;
  model: string;
  promptSha256: string;
  rubricVersion: number;
  /** The evaluation policy version it was made under (null: before policies were recorded). */
  policyVersion: number | null;
  total: number;
  confidence: number;
  scores: { criterion: string; score: number; weight: number }[];
  evidence: string[];
  flags: string[];
  cleared: boolean;
  purpose: string;
}

export type TracedReason =
  | {
      kind: "contribution";
      id: number;
      title: string;
      category: string;
      author: string;
      submittedAt: Date;
      evaluation: TracedEvaluation | null;
      /** The blind jury's sample: null when it was never sampled; else what the jury said (no juror named). */
      jury: JuryVerdict | null;
      /** The newcomer's mentor's note, made before the evaluation (not a score; the mentor is not named). */
      mentorNote?: string | null;
    }
  | { kind: "uptime"; nodeId: number; node: string; hours: number; amount: string }
  | { kind: "lease"; leaseId: number; nodeId: number; node: string; amount: string }
  | { kind: "carry"; id: number; amount: string | null }
  /** A mentor's share of their newcomer's first paid contribution (the share before any scaling). */
  | { kind: "mentor"; id: number; contributionId: number | null; amount: string | null };

export interface TracedLine {
  recipient: string;
  amount: string;
  chunk: number | null;
  reasons: TracedReason[];
}

export interface TracedChunk {
  index: number;
  count: number;
  status: string;
  txHash: string | null;
  blockNumber: number | null;
  batchId: string;
  lines: number;
  total: string;
}

export interface AuditTrace {
  ref: TraceRef;
  /** What the trace starts from, in words. */
  subject: string;
  proposal: {
    id: number;
    title: string;
    kind: string;
    status: string;
    author: string;
    batchHash: string | null;
    votingType: string | null;
    choices: string[];
    quorumWeight: number | null;
    eligibleWeight: number | null;
    result: ProposalResult | null;
    voters: number;
    conflictedVoters: number;
    approvalsRequired: number | null;
    approvals: { by: string; at: Date }[];
    anchor: { eventId: string; hash: string; blockNumber: number | null; txHash: string | null } | null;
    epoch: number | null;
    chunks: TracedChunk[];
  } | null;
  /** The chunk the traced transaction paid. */
  chunk: TracedChunk | null;
  lines: TracedLine[];
  /** A contribution or node outside any paid batch yet: what there is to show. */
  pending: TracedReason | null;
  node: { id: number; name: string; provider: string; status: string; gpu: string; region: string } | null;
  /** Where the trace stops and why (e.g. "not in a closed epoch yet"). */
  note: string | null;
  /** The same as a fact, for words in the reader's language. */
  noteFact: TraceNote | null;
}

/** Why a trace stops where it does. */
export type TraceNote =
  | { kind: "withdrawn" }
  | { kind: "not_in_closed_epoch" }
  | { kind: "carried"; epoch: number | null; paidLater: boolean }
  | { kind: "no_share" }
  | { kind: "node_unpaid" }
  | { kind: "node_latest_epoch" }
  | { kind: "not_paid_yet"; status: string };

/** Follows a payout from its transaction to its reasons (or back up from a contribution or node). Public data only. */
export async function traceAudit(deps: Pick<ServiceDeps, "db">, guildId: string, text: string): Promise<AuditTrace> {
  const ref = await readTraceRef(deps, guildId, text);
  const base: AuditTrace = {
    ref,
    subject: "",
    proposal: null,
    chunk: null,
    lines: [],
    pending: null,
    node: null,
    note: null,
    noteFact: null,
  };
  if (ref.kind === "transaction") {
    const intent = await deps.db.payoutIntent.findFirst({
      where: { txHash: { equals: ref.key, mode: "insensitive" }, proposal: { guildId } },
    });
    if (!intent) throw new UserError("trace_not_found", { kind: "transaction", ref: ref.key });
    const trace = await proposalTrace(deps, guildId, intent.proposalId, { ...base, subject: `transaction ${ref.key}` });
    trace.chunk = trace.proposal?.chunks.find((c) => c.index === intent.chunkIndex) ?? null;
    trace.lines = trace.lines.filter((l) => l.chunk === intent.chunkIndex);
    return trace;
  }
  const id = Number(ref.key);
  if (ref.kind === "proposal") {
    const exists = await deps.db.proposal.count({ where: { id, guildId } });
    if (!exists) throw new UserError("trace_not_found", { kind: "proposal", ref: `#${id}` });
    return proposalTrace(deps, guildId, id, { ...base, subject: `proposal #${id}` });
  }
  if (ref.kind === "contribution") {
    const c = await deps.db.contribution.findFirst({
      where: { id, guildId },
      include: { epoch: { include: { proposal: true } } },
    });
    if (!c) throw new UserError("trace_not_found", { kind: "contribution", ref: `#${id}` });
    const subject = `contribution #${id}`;
    const proposalId = c.epoch?.proposal?.id;
    // Closed without a payout line: its author had no verified wallet (the share is carried), or it had no share.
    const carried = c.epochId
      ? await deps.db.rewardCarry.findFirst({ where: { fromEpochId: c.epochId, memberId: c.authorId } })
      : null;
    const unpaidFact: TraceNote = carried
      ? { kind: "carried", epoch: c.epoch?.number ?? null, paidLater: carried.paidInEpochId !== null }
      : { kind: "no_share" };
    const unpaid = carried
      ? `Its author had no verified wallet when epoch ${c.epoch?.number} closed: the share was carried${carried.paidInEpochId ? ", and paid with a later epoch's distribution" : " to the next epoch's distribution (paid once a wallet is linked)"}.`
      : "Its epoch closed without a payout for it (no payable share).";
    if (!proposalId) {
      const [reason] = await contributionReasons(deps, guildId, [id]);
      return {
        ...base,
        subject,
        pending: reason ?? null,
        note:
          c.status === "withdrawn"
            ? "It was withdrawn: nothing is paid for it."
            : c.epochId
              ? unpaid
              : "It is not in a closed epoch yet: it is paid by the distribution of the epoch it is in, once voted.",
        noteFact:
          c.status === "withdrawn" ? { kind: "withdrawn" } : c.epochId ? unpaidFact : { kind: "not_in_closed_epoch" },
      };
    }
    const trace = await proposalTrace(deps, guildId, proposalId, { ...base, subject });
    trace.lines = trace.lines.filter((l) => l.reasons.some((r) => r.kind === "contribution" && r.id === id));
    if (trace.lines.length === 0) {
      trace.pending = (await contributionReasons(deps, guildId, [id]))[0] ?? null;
      trace.note = unpaid;
      trace.noteFact = unpaidFact;
    }
    return trace;
  }
  const node = await deps.db.computeNode.findFirst({ where: { id, guildId } });
  if (!node) throw new UserError("trace_not_found", { kind: "node", ref: `#${id}` });
  const names = await publicIdentities(deps.db, guildId, { memberIds: [node.providerId] });
  const nodeInfo = {
    id: node.id,
    name: node.name,
    provider: names.byMemberId(node.providerId),
    status: node.status,
    gpu: node.gpuModel ? `${node.gpuCount} × ${node.gpuModel} (${node.vramGb} GB)` : `${node.cpuCores} CPU cores`,
    region: node.region,
  };
  const last = await deps.db.computeReward.findFirst({ where: { nodeId: id }, orderBy: { epochId: "desc" } });
  const proposal = last ? await deps.db.proposal.findUnique({ where: { epochId: last.epochId } }) : null;
  if (!proposal) {
    return {
      ...base,
      subject: `node #${id}`,
      node: nodeInfo,
      note: "It has earned nothing in a closed epoch yet.",
      noteFact: { kind: "node_unpaid" },
    };
  }
  const trace = await proposalTrace(deps, guildId, proposal.id, { ...base, subject: `node #${id}`, node: nodeInfo });
  trace.lines = trace.lines.filter((l) =>
    l.reasons.some((r) => (r.kind === "uptime" || r.kind === "lease") && r.nodeId === id),
  );
  trace.note = "The node's latest paid epoch is shown.";
  trace.noteFact = { kind: "node_latest_epoch" };
  return trace;
}

async function proposalTrace(
  deps: Pick<ServiceDeps, "db">,
  guildId: string,
  id: number,
  base: AuditTrace,
): Promise<AuditTrace> {
  const p = await deps.db.proposal.findUniqueOrThrow({
    where: { id },
    include: {
      approvals: { orderBy: { id: "asc" } },
      payouts: { orderBy: { chunkIndex: "asc" } },
      epoch: true,
      votes: { select: { conflicted: true } },
    },
  });
  const entries = readPayoutBatch(p) ?? [];
  const names = await publicIdentities(deps.db, guildId, {
    discordIds: [p.authorDiscordId, ...p.approvals.map((a) => a.moderatorId)],
    addresses: entries.map((e) => e.recipient),
  });
  const chunks: TracedChunk[] = p.payouts.map((i) => ({
    index: i.chunkIndex,
    count: i.chunkCount,
    status: i.status,
    txHash: i.txHash,
    blockNumber: i.blockNumber,
    batchId: i.batchId,
    lines: readPayoutEntries(i).length,
    total: i.total.toFixed(),
  }));
  const paying = chunkOfRecipient(p.payouts);
  const contributionIds = entries.flatMap((e) =>
    e.refs.filter((r) => r.startsWith("contribution:")).map((r) => Number(r.slice(13))),
  );
  const contributions = new Map(
    (await contributionReasons(deps, guildId, contributionIds)).map((r) => [r.kind === "contribution" ? r.id : 0, r]),
  );
  const rewards = p.epochId ? await deps.db.computeReward.findMany({ where: { epochId: p.epochId } }) : [];
  const nodes = await deps.db.computeNode.findMany({
    where: { id: { in: rewards.map((r) => r.nodeId) } },
    select: { id: true, name: true },
  });
  const nodeName = new Map(nodes.map((n) => [n.id, n.name]));
  // Stryker disable next-line ObjectLiteral: the filter only narrows the read; shares are looked up by their ids
  const mentorRows = await deps.db.mentorShare.findMany({
    where: {
      id: {
        in: entries.flatMap((e) => e.refs.filter((r) => r.startsWith("mentor:")).map((r) => Number(r.slice(7)))),
      },
    },
  });
  const mentorShares = new Map(mentorRows.map((m) => [m.id, m]));
  const lines: TracedLine[] = entries.map((e) => ({
    recipient: names.address(e.recipient),
    amount: e.amount,
    chunk: paying.get(e.recipient.toLowerCase())?.chunkIndex ?? null,
    reasons: e.refs.flatMap((r): TracedReason[] => {
      const [kind, rest = ""] = r.split(/:(.*)/s);
      if (kind === "contribution") {
        const c = contributions.get(Number(rest));
        return c ? [c] : [];
      }
      if (kind === "node") {
        const reward = rewards.find((w) => w.kind === "uptime" && w.nodeId === Number(rest));
        return [
          {
            kind: "uptime",
            nodeId: Number(rest),
            node: nodeName.get(Number(rest)) ?? `node #${rest}`,
            hours: reward?.coveredMs ? Number(reward.coveredMs) / 3_600_000 : 0,
            amount: reward?.amount.toFixed() ?? "0",
          },
        ];
      }
      if (kind === "lease") {
        const reward = rewards.find((w) => w.kind === "lease" && w.leaseId === Number(rest));
        return [
          {
            kind: "lease",
            leaseId: Number(rest),
            nodeId: reward?.nodeId ?? 0,
            node: nodeName.get(reward?.nodeId ?? 0) ?? "a node",
            amount: reward?.amount.toFixed() ?? "0",
          },
        ];
      }
      if (kind === "carry") return [{ kind: "carry", id: Number(rest), amount: null }];
      if (kind === "mentor") {
        const m = mentorShares.get(Number(rest));
        return [
          {
            kind: "mentor",
            id: Number(rest),
            contributionId: m?.contributionId ?? null,
            amount: m?.amount.toFixed() ?? null,
          },
        ];
      }
      return [];
    }),
  }));
  const result = (p.result as ProposalResult | null) ?? null;
  const anchor = p.epochId ? await deps.db.auditAnchor.findUnique({ where: { epochId: p.epochId } }) : null;
  return {
    ...base,
    proposal: {
      id: p.id,
      title: p.title,
      kind: p.kind,
      status: p.status,
      author: names.byDiscordId(p.authorDiscordId),
      batchHash: p.batchHash,
      votingType: p.votingType,
      choices: p.choices,
      quorumWeight: p.quorumWeight,
      eligibleWeight: p.eligibleWeight,
      result,
      voters: p.votes.length,
      conflictedVoters: p.votes.filter((v) => v.conflicted).length,
      approvalsRequired: p.approvalsRequired,
      approvals: p.approvals.map((a) => ({ by: names.byDiscordId(a.moderatorId), at: a.createdAt })),
      anchor: anchor
        ? {
            eventId: anchor.eventId.toString(),
            hash: anchor.hash,
            blockNumber: anchor.blockNumber,
            txHash: anchor.txHash,
          }
        : null,
      epoch: p.epoch?.number ?? null,
      chunks,
    },
    lines,
    note: p.payouts.length === 0 ? `Not paid on chain yet: the proposal is ${p.status.replace("_", " ")}.` : null,
    noteFact: p.payouts.length === 0 ? { kind: "not_paid_yet", status: p.status } : null,
  };
}

/** Each contribution with its active evaluation (the one that set its share) and its author's public name. */
export async function contributionReasons(
  deps: Pick<ServiceDeps, "db">,
  guildId: string,
  ids: number[],
): Promise<TracedReason[]> {
  const rows = await deps.db.contribution.findMany({
    where: { id: { in: ids } },
    include: { evaluations: { where: { activeFor: { not: null } } } },
    orderBy: { id: "asc" },
  });
  const names = await publicIdentities(deps.db, guildId, { memberIds: rows.map((c) => c.authorId) });
  const jury = await juryVerdicts(
    deps.db,
    rows.map((c) => c.id),
  );
  const notes = await deps.db.mentorReview.findMany({
    where: { contributionId: { in: rows.map((c) => c.id) } },
    select: { contributionId: true, comment: true },
  });
  const noteOf = new Map(notes.map((n) => [n.contributionId, n.comment]));
  return rows.map((c) => {
    const e = c.evaluations[0];
    return {
      kind: "contribution",
      id: c.id,
      title: c.title,
      category: c.category,
      author: names.byMemberId(c.authorId),
      submittedAt: c.createdAt,
      evaluation: e
        ? {
            id: e.id,
            evaluator: e.evaluator,
            model: e.model,
            promptSha256: e.promptSha256,
            rubricVersion: e.rubricVersion,
            policyVersion: e.policyVersion,
            total: e.total,
            confidence: e.confidence,
            scores: readEvaluationScores(e).map((s) => ({
              criterion: s.criterion,
              score: s.score,
              weight: s.weight,
            })),
            evidence: e.evidence,
            flags: e.flags,
            cleared: e.reviewedBy !== null,
            purpose: e.purpose,
          }
        : null,
      jury: jury.get(c.id) ?? null,
      mentorNote: noteOf.get(c.id) ?? null,
    };
  });
}
