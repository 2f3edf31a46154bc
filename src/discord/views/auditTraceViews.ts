import type { APIEmbed } from "discord-api-types/v10";
import { type Token, tokenAmountText } from "../../base/token.ts";
import type { JuryVerdict } from "../../services/calibration/juryVerdicts.ts";
import type { AuditTrace, TracedLine, TracedReason, TraceRef } from "../../services/transparency/traceAudit.ts";
import { clip, formatWeight, STATUS_COLOUR, statusText, tallyLines, ts, VOTING_TYPE_TEXT } from "./governanceFormat.ts";
import { pagerRows } from "./pagerRows.ts";
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
export function auditTraceView(t: AuditTrace, page: number, token: Token, explorer?: string) {
  const linePages = Math.ceil(t.lines.length / LINES_PER_PAGE);
  const pages = 1 + linePages;
  const current = Math.min(Math.max(1, page), pages);
  const embed: APIEmbed = current === 1 ? pathEmbed(t, token, explorer) : linesEmbed(t, current - 1, token);
  embed.footer = { text: `Trace of ${t.subject} · page ${current} of ${pages} · check it all: steward audit verify` };
  return { embeds: [embed], components: pagerRows(current, pages, (p) => traceCustomId(t.ref, p)) };
}

function pathEmbed(t: AuditTrace, token: Token, explorer: string | undefined): APIEmbed {
  const parts: string[] = [];
  const p = t.proposal;
  if (t.chunk) {
    const c = t.chunk;
    parts.push(
      `**① Transaction** ${txText(c.txHash ?? "", explorer)} — ${c.status}${c.blockNumber ? ` in block ${c.blockNumber}` : ""}`,
      `Chunk ${c.index + 1} of ${c.count}: ${c.lines} payout(s), ${tokenAmountText(c.total, token)} · batch id \`${c.batchId.slice(0, 18)}…\``,
    );
  }
  if (t.node) {
    parts.push(
      `**Node #${t.node.id} ${userLine(t.node.name, 64)}** — ${userLine(t.node.gpu, 64)}, ${userLine(t.node.region, 24)}, ${t.node.status}; provider ${userLine(t.node.provider, 40)}`,
    );
  }
  if (p) {
    parts.push(
      `**② Batch** of proposal #${p.id} — hash \`${p.batchHash ?? "none"}\`${p.epoch ? ` (epoch ${p.epoch})` : ""}`,
      `**③ Proposal #${p.id}** ${userLine(p.title, 200)} — ${statusText(p.status as never)}, by ${userLine(p.author, 40)}`,
    );
    if (p.votingType) {
      const r = p.result;
      const binding = r ? r[r.binding] : null;
      parts.push(
        `**④ Vote** (${VOTING_TYPE_TEXT[p.votingType] ?? p.votingType}) — ${p.voters} voter(s); quorum ${formatWeight(p.quorumWeight ?? 0)} of ${formatWeight(p.eligibleWeight ?? 0)} eligible weight${binding ? `, ${binding.quorumMet ? "reached" : "not reached"}` : ""}`,
        ...(binding ? [tallyLines(p.choices, binding)] : ["No tally yet."]),
        ...(p.conflictedVoters > 0
          ? [
              `${p.conflictedVoters} voter(s) are paid by this batch${r?.binding === "withoutConflicted" ? ": their votes did not count" : " (counted; shown separately on the proposal)"}.`,
            ]
          : []),
      );
    }
    parts.push(
      `**⑤ Approvals** — ${p.approvals.length}${p.approvalsRequired ? ` of ${p.approvalsRequired} required` : ""}${p.approvals.length > 0 ? `: ${p.approvals.map((a) => `${a.by} ${ts(a.at)}`).join(", ")}` : ""}`,
    );
    if (!t.chunk && p.chunks.length > 0) {
      parts.push(
        `**Transactions** — ${p.chunks.map((c) => `${c.index + 1}/${c.count} ${c.status}${c.txHash ? ` ${txText(c.txHash, explorer)}` : ""}`).join("; ")}`,
      );
    }
    if (p.anchor) {
      parts.push(
        `**Audit head at the close** — event #${p.anchor.eventId} \`${p.anchor.hash.slice(0, 16)}…\`${p.anchor.blockNumber ? `, anchored on chain in block ${p.anchor.blockNumber}` : ", not anchored on chain yet"}`,
      );
    }
    parts.push(
      t.lines.length > 0
        ? `**⑥ Reasons** — ${t.lines.length} payout line(s) on the next page${t.lines.length > LINES_PER_PAGE ? "s" : ""}.`
        : "",
    );
  }
  if (t.pending) parts.push(reasonText(t.pending, token));
  if (t.note) parts.push(`*${t.note}*`);
  return {
    title: `Audit trace: ${t.subject}`,
    color: p ? STATUS_COLOUR[p.status as keyof typeof STATUS_COLOUR] : undefined,
    description: clip(parts.filter(Boolean).join("\n"), 4000),
  };
}

function linesEmbed(t: AuditTrace, page: number, token: Token): APIEmbed {
  const lines = t.lines.slice((page - 1) * LINES_PER_PAGE, page * LINES_PER_PAGE);
  return {
    title: `Audit trace: ${t.subject} — payouts ${(page - 1) * LINES_PER_PAGE + 1}–${(page - 1) * LINES_PER_PAGE + lines.length} of ${t.lines.length}`,
    description: clip(lines.map((l) => lineText(l, token)).join("\n\n"), 4000),
  };
}

function lineText(l: TracedLine, token: Token): string {
  return [
    `**${l.recipient}** — ${tokenAmountText(l.amount, token)}${l.chunk !== null ? ` (chunk ${l.chunk + 1})` : ""}`,
    ...l.reasons.map((r) => reasonText(r, token)),
  ].join("\n");
}

function reasonText(r: TracedReason, token: Token): string {
  if (r.kind === "uptime")
    return `• uptime of node #${r.nodeId} ${userLine(r.node, 64)}: ${r.hours.toFixed(2)} h → ${tokenAmountText(r.amount, token)}`;
  if (r.kind === "lease")
    return `• lease #${r.leaseId} on node #${r.nodeId} ${userLine(r.node, 64)} → ${tokenAmountText(r.amount, token)}`;
  if (r.kind === "carry") return `• a reward carried from an earlier epoch (carry #${r.id})`;
  const e = r.evaluation;
  const head = `• contribution #${r.id} "${userLine(r.title, 120)}" (${r.category}) by ${userLine(r.author, 40)}, ${ts(r.submittedAt)}`;
  if (!e) return `${head}\n  no active evaluation`;
  return [
    head,
    `  evaluation #${e.id}: ${e.evaluator}${e.model ? ` (${e.model})` : ""}, rubric v${e.rubricVersion}, prompt sha256 \`${e.promptSha256.slice(0, 16)}…\`, total ${e.total}/100, confidence ${Math.round(e.confidence * 100)}%${e.purpose !== "initial" ? `, ${e.purpose}` : ""}${e.policyVersion !== null ? `, policy v${e.policyVersion}` : ""}`,
    `  scores: ${e.scores.map((s) => `${s.criterion} ${s.score}`).join(", ")}`,
    ...(e.evidence.length > 0
      ? [
          `  evidence: ${e.evidence
            .slice(0, 2)
            .map((q) => `"${userLine(q, 140)}"`)
            .join(" · ")}`,
        ]
      : []),
    ...(e.flags.length > 0 ? [`  flags: ${e.flags.join(", ")}${e.cleared ? " (cleared by a person)" : ""}`] : []),
    juryText(r.jury),
  ].join("\n");
}

/** Whether the blind jury sampled it, and what it said (jurors are not named). */
export function juryText(j: JuryVerdict | null): string {
  if (!j) return "  blind jury: not sampled";
  const drawn = `  blind jury: sampled${j.epoch !== null ? ` in epoch ${j.epoch}` : ""} (compared with evaluation #${j.evaluationId})`;
  if (j.juryTotal === null) return `${drawn}, not reviewed`;
  const one = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));
  return `${drawn}: ${j.reviews} review(s), jury ${j.juryTotal}/100 vs model ${j.modelTotal}/100; ${j.scores.map((s) => `${s.criterion} ${one(s.jury ?? 0)} vs ${one(s.model)}`).join(", ")}`;
}
