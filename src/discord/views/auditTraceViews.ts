import type { APIEmbed } from "discord-api-types/v10";
import type { Token } from "../../base/token.ts";
import type { Translator } from "../../i18n/translator.ts";
import type { JuryVerdict } from "../../services/calibration/juryVerdicts.ts";
import type {
  AuditTrace,
  TracedLine,
  TracedReason,
  TraceNote,
  TraceRef,
} from "../../services/transparency/traceAudit.ts";
import { nodeStatusText } from "./computeViews.ts";
import { clip, formatWeight, STATUS_COLOUR, tallyLines, ts } from "./governanceFormat.ts";
import { pagerRows } from "./pagerRows.ts";
import { tokenAmountIn } from "./tokenAmountIn.ts";
import { userLine } from "./userText.ts";

export const TRACE_PREFIX = "audit-trace";
const LINES_PER_PAGE = 3;

export const traceCustomId = (ref: TraceRef, page: number) => [TRACE_PREFIX, ref.kind, ref.key, page].join(":");

/** What a pager button asks for: the trace reference as `/audit trace` reads it, and the page. */
export function readTraceId([kind, key, page]: string[]): { ref: string; page: number } {
  return {
    ref: kind === "transaction" ? (key ?? "") : `${kind} ${key}`,
    page: Number.parseInt(page ?? "1", 10) || 1,
  };
}

const txText = (hash: string, explorer: string | undefined) =>
  explorer ? `[\`${hash.slice(0, 18)}…\`](${explorer.replace("{hash}", hash)})` : `\`${hash}\``;

/** Page 1: the path from the transaction to the vote and approvals; pages 2+: the payout lines and their reasons. */
export function auditTraceView(t: Translator, trace: AuditTrace, page: number, token: Token, explorer?: string) {
  const linePages = Math.ceil(trace.lines.length / LINES_PER_PAGE);
  const pages = 1 + linePages;
  const current = Math.min(Math.max(1, page), pages);
  const subject = t.t("audit.subject", { kind: trace.ref.kind, key: trace.ref.key });
  const embed: APIEmbed =
    current === 1 ? pathEmbed(t, trace, subject, token, explorer) : linesEmbed(t, trace, subject, current - 1, token);
  embed.footer = { text: t.t("audit.footer", { subject, page: current, pages }) };
  return { embeds: [embed], components: pagerRows(t, current, pages, (p) => traceCustomId(trace.ref, p)) };
}

function pathEmbed(
  t: Translator,
  trace: AuditTrace,
  subject: string,
  token: Token,
  explorer: string | undefined,
): APIEmbed {
  const parts: string[] = [];
  const p = trace.proposal;
  const chunkStatus = (status: string) => t.t("audit.chunkStatus", { status });
  if (trace.chunk) {
    const c = trace.chunk;
    const tx = { tx: txText(c.txHash ?? "", explorer), status: chunkStatus(c.status) };
    parts.push(
      c.blockNumber
        ? t.t("audit.path.transactionInBlock", { ...tx, block: String(c.blockNumber) })
        : t.t("audit.path.transaction", tx),
      t.t("audit.path.chunk", {
        index: c.index + 1,
        count: c.count,
        lines: c.lines,
        amount: tokenAmountIn(t, c.total, token),
        batchId: c.batchId.slice(0, 18),
      }),
    );
  }
  if (trace.node) {
    const n = trace.node;
    parts.push(
      t.t("audit.path.node", {
        id: n.id,
        name: userLine(n.name, 64),
        gpu: userLine(n.gpu, 64),
        region: userLine(n.region, 24),
        status: nodeStatusText(t, n.status),
        provider: userLine(n.provider, 40),
      }),
    );
  }
  if (p) {
    const batch = { id: p.id, hash: p.batchHash ?? t.t("audit.path.noHash") };
    parts.push(
      p.epoch ? t.t("audit.path.batchOfEpoch", { ...batch, epoch: p.epoch }) : t.t("audit.path.batch", batch),
      t.t("audit.path.proposal", {
        id: p.id,
        // A distribution's title is the close's English record, always this sentence: said in the reader's language.
        title:
          p.kind === "distribution" && p.epoch !== null
            ? t.t("distribution.title", { epoch: p.epoch })
            : userLine(p.title, 200),
        status: t.t("audit.proposalStatus", { status: p.status }),
        author: userLine(p.author, 40),
      }),
    );
    if (p.votingType) {
      const r = p.result;
      const binding = r ? r[r.binding] : null;
      parts.push(
        t.t("audit.path.vote", {
          type: t.t("audit.votingType", { type: p.votingType }),
          voters: p.voters,
          quorum: formatWeight(p.quorumWeight ?? 0),
          eligible: formatWeight(p.eligibleWeight ?? 0),
          quorumMet: binding ? binding.quorumMet : "unknown",
        }),
        ...(binding ? [tallyLines(p.choices, binding)] : [t.t("audit.path.noTally")]),
        ...(p.conflictedVoters > 0
          ? [
              t.t(
                r?.binding === "withoutConflicted" ? "audit.path.conflictedExcluded" : "audit.path.conflictedCounted",
                {
                  count: p.conflictedVoters,
                },
              ),
            ]
          : []),
      );
    }
    const approvals = {
      count: p.approvals.length,
      required: p.approvalsRequired ?? 0,
      list: p.approvals.map((a) => `${a.by} ${ts(a.at)}`).join(", "),
    };
    parts.push(
      t.t(
        p.approvalsRequired
          ? p.approvals.length > 0
            ? "audit.path.approvalsOfRequiredBy"
            : "audit.path.approvalsOfRequired"
          : p.approvals.length > 0
            ? "audit.path.approvalsBy"
            : "audit.path.approvals",
        approvals,
      ),
    );
    if (!trace.chunk && p.chunks.length > 0) {
      const list = p.chunks
        .map(
          (c) =>
            `${c.index + 1}/${c.count} ${chunkStatus(c.status)}${c.txHash ? ` ${txText(c.txHash, explorer)}` : ""}`,
        )
        .join("; ");
      parts.push(t.t("audit.path.transactions", { list }));
    }
    if (p.anchor) {
      const anchor = { eventId: p.anchor.eventId, hash: p.anchor.hash.slice(0, 16) };
      parts.push(
        p.anchor.blockNumber
          ? t.t("audit.path.anchored", { ...anchor, block: String(p.anchor.blockNumber) })
          : t.t("audit.path.notAnchored", anchor),
      );
    }
    parts.push(
      trace.lines.length > 0
        ? t.t("audit.path.reasons", {
            count: trace.lines.length,
            pages: Math.ceil(trace.lines.length / LINES_PER_PAGE),
          })
        : "",
    );
  }
  if (trace.pending) parts.push(reasonText(t, trace.pending, token));
  if (trace.noteFact) parts.push(`*${noteText(t, trace.noteFact)}*`);
  else if (trace.note) parts.push(`*${trace.note}*`);
  return {
    title: t.t("audit.path.embedTitle", { subject }),
    color: p ? STATUS_COLOUR[p.status as keyof typeof STATUS_COLOUR] : undefined,
    description: clip(parts.filter(Boolean).join("\n"), 4000),
  };
}

/** Where the trace stops, and why. */
function noteText(t: Translator, note: TraceNote): string {
  switch (note.kind) {
    case "withdrawn":
      return t.t("audit.note.withdrawn");
    case "not_in_closed_epoch":
      return t.t("audit.note.notInClosedEpoch");
    case "carried":
      return t.t(note.paidLater ? "audit.note.carriedPaid" : "audit.note.carried", {
        epoch: String(note.epoch ?? "?"),
      });
    case "no_share":
      return t.t("audit.note.noShare");
    case "node_unpaid":
      return t.t("audit.note.nodeUnpaid");
    case "node_latest_epoch":
      return t.t("audit.note.nodeLatestEpoch");
    case "not_paid_yet":
      return t.t("audit.note.notPaidYet", { status: note.status });
  }
}

function linesEmbed(t: Translator, trace: AuditTrace, subject: string, page: number, token: Token): APIEmbed {
  const lines = trace.lines.slice((page - 1) * LINES_PER_PAGE, page * LINES_PER_PAGE);
  return {
    title: t.t("audit.lines.embedTitle", {
      subject,
      from: (page - 1) * LINES_PER_PAGE + 1,
      to: (page - 1) * LINES_PER_PAGE + lines.length,
      total: trace.lines.length,
    }),
    description: clip(lines.map((l) => lineText(t, l, token)).join("\n\n"), 4000),
  };
}

function lineText(t: Translator, l: TracedLine, token: Token): string {
  const line = { recipient: l.recipient, amount: tokenAmountIn(t, l.amount, token) };
  return [
    l.chunk !== null ? t.t("audit.lineInChunk", { ...line, chunk: l.chunk + 1 }) : t.t("audit.line", line),
    ...l.reasons.map((r) => reasonText(t, r, token)),
  ].join("\n");
}

function reasonText(t: Translator, r: TracedReason, token: Token): string {
  if (r.kind === "uptime")
    return `• ${t.t("audit.reason.uptime", {
      id: r.nodeId,
      node: userLine(r.node, 64),
      hours: t.number(r.hours, { minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: false }),
      amount: tokenAmountIn(t, r.amount, token),
    })}`;
  if (r.kind === "lease")
    return `• ${t.t("audit.reason.lease", {
      leaseId: r.leaseId,
      nodeId: r.nodeId,
      node: userLine(r.node, 64),
      amount: tokenAmountIn(t, r.amount, token),
    })}`;
  if (r.kind === "carry") return `• ${t.t("audit.reason.carry", { id: r.id })}`;
  if (r.kind === "mentor")
    return `• ${t.t("mentor.reason", {
      id: r.contributionId ?? 0,
      amount: r.amount === null ? "?" : tokenAmountIn(t, r.amount, token),
    })}`;
  const e = r.evaluation;
  const head = `• ${t.t("audit.reason.contribution", {
    id: r.id,
    title: userLine(r.title, 120),
    category: r.category,
    author: userLine(r.author, 40),
    when: ts(r.submittedAt),
  })}`;
  if (!e) return `${head}\n  ${t.t("audit.reason.noEvaluation")}`;
  const details = `${e.purpose !== "initial" ? `, ${e.purpose}` : ""}${e.policyVersion !== null ? t.t("audit.evaluation.policy", { version: e.policyVersion }) : ""}`;
  return [
    head,
    `  ${t.t("audit.evaluation", {
      id: e.id,
      evaluator: e.evaluator,
      model: e.model ? ` (${e.model})` : "",
      rubric: e.rubricVersion,
      sha: e.promptSha256.slice(0, 16),
      total: e.total,
      confidence: Math.round(e.confidence * 100),
      details,
    })}`,
    `  ${t.t("audit.evaluation.scores", { scores: e.scores.map((s) => `${s.criterion} ${s.score}`).join(", ") })}`,
    ...(e.evidence.length > 0
      ? [
          `  ${t.t("audit.evaluation.evidence", {
            quotes: e.evidence
              .slice(0, 2)
              .map((q) => `"${userLine(q, 140)}"`)
              .join(" · "),
          })}`,
        ]
      : []),
    ...(e.flags.length > 0
      ? [
          `  ${t.t(e.cleared ? "audit.evaluation.flagsCleared" : "audit.evaluation.flags", { flags: e.flags.join(", ") })}`,
        ]
      : []),
    juryText(t, r.jury),
    ...(r.mentorNote ? [`  ${t.t("mentor.trace", { comment: userLine(r.mentorNote, 300) })}`] : []),
  ].join("\n");
}

/** Whether the blind jury sampled it, and what it said (jurors are not named). */
export function juryText(t: Translator, j: JuryVerdict | null): string {
  if (!j) return `  ${t.t("audit.jury.notSampled")}`;
  const drawn =
    j.epoch !== null
      ? t.t("audit.jury.sampledInEpoch", { epoch: j.epoch, id: j.evaluationId })
      : t.t("audit.jury.sampled", { id: j.evaluationId });
  if (j.juryTotal === null) return `  ${t.t("audit.jury.notReviewed", { drawn })}`;
  const one = (n: number) =>
    t.number(n, {
      minimumFractionDigits: Number.isInteger(n) ? 0 : 1,
      maximumFractionDigits: Number.isInteger(n) ? 0 : 1,
      useGrouping: false,
    });
  const scores = j.scores
    .map((s) => t.t("audit.jury.criterion", { criterion: s.criterion, jury: one(s.jury ?? 0), model: one(s.model) }))
    .join(", ");
  return `  ${t.t("audit.jury.reviewed", { drawn, reviews: j.reviews, jury: j.juryTotal, model: j.modelTotal, scores })}`;
}
