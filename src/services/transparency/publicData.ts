import { type StoredAuditVerification, storedAuditVerificationSchema } from "../../base/auditFindings.ts";
import { unitsText } from "../../db/decimalUnits.ts";
import { readEvaluationExplanation } from "../../db/json/evaluationExplanation.ts";
import { readPayoutBatch } from "../../db/json/payoutBatch.ts";
import { readPayoutEntries } from "../../db/json/payoutEntries.ts";
import { EVIDENCE_DESCRIPTIONS } from "../../llm/categoryEvidence.ts";
import { juryAgreements } from "../calibration/juryAgreements.ts";
import { policyAgreements } from "../calibration/policyAgreements.ts";
import { uptimeRatio } from "../compute/uptime.ts";
import type { ServiceDeps } from "../deps.ts";
import type { ProposalResult } from "../votes/resultOf.ts";
import { publicIdentities } from "./publicIdentity.ts";
import { traceAudit } from "./traceAudit.ts";

/**
 * The read-only public view of one guild's money: what the transparency page and `/api/public/*` serve. Public data
 * only: pseudonyms unless a member opted in, abbreviated addresses unless opted in, never a Discord id.
 */
export interface Page<T> {
  items: T[];
  /** Pass as `cursor` for the next page (older items); null at the end. */
  nextCursor: number | null;
}

const MAX_LIMIT = 100;
export const pageLimit = (limit: unknown) =>
  Math.min(MAX_LIMIT, Math.max(1, Number.isInteger(Number(limit)) && Number(limit) > 0 ? Number(limit) : 20));

function paged<T extends { id: number }>(rows: T[], limit: number): Page<T> {
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? (items.at(-1)?.id ?? null) : null };
}

/** The guild this Steward serves publicly: the configured one, else the one its members belong to. */
export async function publicGuild(deps: Pick<ServiceDeps, "db">, configured?: string): Promise<string | null> {
  if (configured) return configured;
  const m = await deps.db.member.findFirst({ orderBy: { createdAt: "asc" }, select: { guildId: true } });
  return m?.guildId ?? null;
}

export async function publicEpochs(deps: Pick<ServiceDeps, "db">, guildId: string, limit: number, cursor?: number) {
  const rows = await deps.db.epoch.findMany({
    where: { guildId, ...(cursor ? { id: { lt: cursor } } : {}) },
    orderBy: { id: "desc" },
    take: limit + 1,
    include: {
      proposal: { select: { id: true, status: true, batchHash: true } },
      _count: { select: { contributions: true } },
    },
  });
  const open = rows.some((e) => e.status === "open") ? await openEpochContributions(deps, guildId) : 0;
  return paged(
    rows.map((e) => ({
      id: e.id,
      number: e.number,
      status: e.status,
      startsAt: e.startsAt,
      closedAt: e.closedAt,
      budget: unitsText(e.budget),
      // An open epoch's contributions join it at its close: until then they are the ones waiting for it.
      contributions: e.status === "open" ? open : e._count.contributions,
      proposal: e.proposal,
    })),
    limit,
  );
}

export async function publicProposals(deps: Pick<ServiceDeps, "db">, guildId: string, limit: number, cursor?: number) {
  const rows = await deps.db.proposal.findMany({
    where: { guildId, status: { not: "draft" }, ...(cursor ? { id: { lt: cursor } } : {}) },
    orderBy: { id: "desc" },
    take: limit + 1,
    select: {
      id: true,
      kind: true,
      status: true,
      title: true,
      batchHash: true,
      votingType: true,
      choices: true,
      weightStrategy: true,
      quorumSpec: true,
      quorumWeight: true,
      eligibleWeight: true,
      passThreshold: true,
      excludeConflicted: true,
      openedAt: true,
      endsAt: true,
      result: true,
      createdAt: true,
      batch: true,
      epoch: { select: { number: true } },
    },
  });
  return paged(
    rows.map(({ batch, result, epoch, ...p }) => {
      const r = result as ProposalResult | null;
      const entries = readPayoutBatch({ id: p.id, batch }) ?? [];
      return {
        ...p,
        epoch: epoch?.number ?? null,
        payouts: entries.length,
        total: entries.reduce((n, e) => n + BigInt(e.amount), 0n).toString(),
        tally: r ? { ...r[r.binding], binding: r.binding, conflictedVoters: r.conflictedVoters } : null,
      };
    }),
    limit,
  );
}

/** One proposal with its vote, approvals, chunks and every payout line's reasons (evaluations, uptime, leases). */
export async function publicProposal(deps: Pick<ServiceDeps, "db">, guildId: string, id: number) {
  const t = await traceAudit(deps, guildId, `proposal ${id}`);
  return { proposal: t.proposal, lines: t.lines, note: t.note };
}

export async function publicEvaluation(deps: Pick<ServiceDeps, "db">, guildId: string, id: number) {
  const e = await deps.db.evaluation.findFirst({
    where: { id, contribution: { guildId } },
    include: { contribution: true },
  });
  if (!e) return null;
  const names = await publicIdentities(deps.db, guildId, { memberIds: [e.contribution.authorId] });
  return {
    id: e.id,
    active: e.activeFor !== null,
    purpose: e.purpose,
    evaluator: e.evaluator,
    model: e.model,
    promptVersion: e.promptVersion,
    promptSha256: e.promptSha256,
    rubricVersion: e.rubricVersion,
    inputHash: e.inputHash,
    samples: e.samples,
    scores: e.scores,
    total: e.total,
    confidence: e.confidence,
    rationale: e.rationale,
    evidence: e.evidence,
    flags: e.flags,
    cleared: e.reviewedBy !== null,
    suggestedReward: unitsText(e.suggestedReward),
    createdAt: e.createdAt,
    explanation: publicExplanation(e),
    contribution: {
      id: e.contribution.id,
      title: e.contribution.title,
      category: e.contribution.category,
      status: e.contribution.status,
      author: names.byMemberId(e.contribution.authorId),
      submittedAt: e.contribution.createdAt,
      links: e.contribution.links,
    },
  };
}

/**
 * The evaluation's reasons as facts, for the page to word in its reader's language (`reason` and `rationale` stay, in
 * English, for older readers): null before they were stored, and for an override, which sets the total as a whole.
 * They say what the stored text says, no more. An expected piece of evidence carries its description only when the
 * DAO wrote its own (shown as written); Steward's own are named by the page's catalog.
 */
function publicExplanation(e: { id: number; purpose: string; explanation: unknown; fallbackReason: string | null }) {
  const explanation = e.purpose === "override" ? null : readEvaluationExplanation(e);
  if (!explanation) return null;
  return {
    category: explanation.category,
    evidence: explanation.evidence.map((c) => ({
      evidence: c.evidence,
      criterion: c.criterion,
      present: c.present,
      description: c.description === EVIDENCE_DESCRIPTIONS[c.evidence] ? null : c.description,
    })),
    criteria: explanation.criteria ?? null,
    rationale: explanation.rationale ?? null,
    // The rubric stood in for a failed model: said, not why (the failure's text is for operators).
    fellBack: e.fallbackReason !== null,
  };
}

export async function publicPayouts(
  deps: Pick<ServiceDeps, "db" | "settlement">,
  guildId: string,
  limit: number,
  cursor?: number,
) {
  const rows = await deps.db.payoutIntent.findMany({
    where: { proposal: { guildId }, ...(cursor ? { id: { lt: cursor } } : {}) },
    orderBy: { id: "desc" },
    take: limit + 1,
    include: { proposal: { select: { title: true, epoch: { select: { number: true } } } } },
  });
  const explorer = deps.settlement?.explorerTxUrl;
  return paged(
    rows.map((i) => ({
      id: i.id,
      proposalId: i.proposalId,
      proposal: i.proposal.title,
      epoch: i.proposal.epoch?.number ?? null,
      chunk: i.chunkIndex + 1,
      chunks: i.chunkCount,
      status: i.status,
      lines: readPayoutEntries(i).length,
      total: unitsText(i.total),
      chainId: i.chainId,
      txHash: i.txHash,
      txUrl: i.txHash && explorer ? explorer.replace("{hash}", i.txHash) : null,
      blockNumber: i.blockNumber,
      confirmedAt: i.confirmedAt,
    })),
    limit,
  );
}

export async function publicNodes(deps: Pick<ServiceDeps, "db" | "now">, guildId: string) {
  const now = deps.now();
  const week = new Date(now.getTime() - 7 * 86_400_000);
  const day = new Date(now.getTime() - 86_400_000);
  const nodes = await deps.db.computeNode.findMany({
    where: { guildId, status: { not: "retired" } },
    orderBy: { id: "asc" },
    include: { spans: { where: { endsAt: { gte: week } } } },
  });
  const names = await publicIdentities(deps.db, guildId, { memberIds: nodes.map((n) => n.providerId) });
  return nodes.map((n) => ({
    id: n.id,
    name: n.name,
    provider: names.byMemberId(n.providerId),
    status: n.status,
    gpu: n.gpuModel ? { model: n.gpuModel, count: n.gpuCount, vramGb: n.vramGb } : null,
    cpuCores: n.cpuCores,
    region: n.region,
    price: unitsText(n.price),
    verified: n.reportedSpecs !== null && n.shortfall === null,
    uptime24h: uptimeRatio(n.spans, day, now, n.registeredAt),
    uptime7d: uptimeRatio(n.spans, week, now, n.registeredAt),
    lastHeartbeatAt: n.lastHeartbeatAt,
  }));
}

export async function publicAudit(deps: Pick<ServiceDeps, "db">) {
  const [events, anchors, last] = await Promise.all([
    deps.db.auditEvent.count(),
    deps.db.auditAnchor.findMany({ orderBy: { eventId: "desc" }, take: 20 }),
    deps.db.jobRun.findFirst({ where: { job: "verify-audit", finishedAt: { not: null } }, orderBy: { id: "desc" } }),
  ]);
  const detail = storedVerification(last?.detail);
  return {
    events,
    anchors: anchors.map((a) => ({
      eventId: a.eventId.toString(),
      hash: a.hash,
      reason: a.reason,
      chainId: a.chainId,
      contract: a.contract,
      txHash: a.txHash,
      blockNumber: a.blockNumber,
      anchoredAt: a.anchoredAt,
    })),
    lastVerification: last
      ? {
          at: last.finishedAt,
          ok: last.outcome === "ok",
          summary: detail.summary ?? null,
          // Facts (or, in rows stored before they were, sentences): the HTTP layer puts them into words.
          checked: detail.checked,
          mismatches: detail.mismatches,
        }
      : null,
  };
}

/**
 * The verify-audit job's stored detail. One that does not parse (written by a later version) shows its run's
 * outcome and summary without findings rather than failing the whole public page.
 */
function storedVerification(detail: unknown): StoredAuditVerification {
  const parsed = storedAuditVerificationSchema.safeParse(detail ?? {});
  if (parsed.success) return parsed.data;
  const summary = (detail as { summary?: unknown }).summary;
  return { ...(typeof summary === "string" ? { summary } : {}), checked: [], mismatches: [] };
}

/** The contributions the open epoch covers: not withdrawn, not yet in a closed epoch (the summary and the list agree). */
function openEpochContributions(deps: Pick<ServiceDeps, "db">, guildId: string) {
  return deps.db.contribution.count({
    where: { guildId, epochId: null, status: { in: ["submitted", "evaluating", "evaluated"] } },
  });
}

/**
 * The page's front matter: the open epoch, the audit status, and rewards per closed epoch by category. A line's
 * amount is split over its contributions by their suggested rewards (the share the close scaled), compute lines by
 * their itemised rewards, so each epoch's categories add up to exactly what its batch pays.
 */
export async function publicSummary(deps: Pick<ServiceDeps, "db" | "evaluation" | "token">, guildId: string) {
  const open = await deps.db.epoch.findFirst({
    where: { guildId, status: "open" },
  });
  const openContributions = open ? await openEpochContributions(deps, guildId) : 0;
  const proposals = await deps.db.proposal.findMany({
    where: { guildId, kind: "distribution", epochId: { not: null } },
    select: { id: true, batch: true, status: true, epoch: { select: { id: true, number: true } } },
    orderBy: { epochId: "asc" },
  });
  // Every contribution a distribution paid has its epoch set when that epoch closed: read them by guild, not by a
  // list of ids (10,000 bound parameters cost more than the rows).
  // Every contribution a distribution paid got its epoch when that epoch closed: one join by guild, not Prisma's
  // IN list of 10,000 ids and a second query for their evaluations (a third of the time on a large DAO).
  const rows = await deps.db.$queryRaw<{ id: number; category: string; weight: string | null }[]>`
    SELECT c."id", c."category"::text AS "category", e."suggestedReward"::text AS "weight"
    FROM "Contribution" c LEFT JOIN "Evaluation" e ON e."activeFor" = c."id"
    WHERE c."guildId" = ${guildId} AND c."epochId" IS NOT NULL`;
  const info = new Map(rows.map((c) => [c.id, { category: c.category, weight: BigInt(c.weight ?? "0") }]));
  const rewards = await deps.db.computeReward.findMany({ where: { guildId }, select: { key: true, amount: true } });
  const computeAmount = new Map(rewards.map((r) => [r.key, BigInt(r.amount.toFixed())]));
  const carries = await deps.db.rewardCarry.findMany({ where: { guildId }, select: { id: true, amount: true } });
  const carryAmount = new Map(carries.map((c) => [c.id, BigInt(c.amount.toFixed())]));
  const rewardsByEpoch = proposals.map((p) => {
    const byCategory: Record<string, bigint> = {};
    const add = (k: string, v: bigint) => {
      byCategory[k] = (byCategory[k] ?? 0n) + v;
    };
    for (const line of readPayoutBatch(p) ?? []) {
      let left = BigInt(line.amount);
      const computeRefs = line.refs.filter((r) => r.startsWith("node:") || r.startsWith("lease:"));
      for (const r of computeRefs) {
        const key = r.startsWith("node:") ? `uptime:${p.epoch?.id}:${r.slice(5)}` : r;
        const v = computeAmount.get(key) ?? 0n;
        add("compute", v);
        left -= v;
      }
      for (const r of line.refs.filter((x) => x.startsWith("carry:"))) {
        const v = carryAmount.get(Number(r.slice(6))) ?? 0n;
        add("carried in", v);
        left -= v;
      }
      const parts = line.refs.filter((r) => r.startsWith("contribution:")).map((r) => info.get(Number(r.slice(13))));
      const weight = parts.reduce((n, c) => n + (c?.weight ?? 0n), 0n);
      let given = 0n;
      parts.forEach((c, i) => {
        if (!c) return;
        const share = i === parts.length - 1 ? left - given : weight > 0n ? (left * c.weight) / weight : 0n;
        add(c.category, share);
        given += share;
      });
      if (left - given > 0n) add("other", left - given);
    }
    return {
      epoch: p.epoch?.number ?? null,
      status: p.status,
      byCategory: Object.fromEntries(Object.entries(byCategory).map(([k, v]) => [k, v.toString()])),
    };
  });
  return {
    token: { symbol: deps.token.symbol, decimals: deps.token.decimals },
    openEpoch: open
      ? {
          number: open.number,
          startsAt: open.startsAt,
          budget: unitsText(open.budget),
          contributions: openContributions,
        }
      : null,
    rewardsByEpoch,
    // The blind jury's agreement with the model, per epoch that drew a sample (the last 20, newest first).
    jury: (await juryAgreements(deps.db, deps.evaluation.rubric, { guildId, limit: 20 })).map(
      ({ guildId: _, ...j }) => j,
    ),
    // The evaluation policy's versions (newest first), each with the jury's agreement with what it evaluated.
    policies: await policyAgreements(deps.db, guildId),
    audit: await publicAudit(deps),
  };
}
