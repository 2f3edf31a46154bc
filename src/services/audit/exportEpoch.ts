import { tokenAmountText } from "../../base/token.ts";
import { unitsText } from "../../db/decimalUnits.ts";
import { readEvaluationScores } from "../../db/json/evaluationScores.ts";
import { readPayoutBatch } from "../../db/json/payoutBatch.ts";
import type { ServiceDeps } from "../deps.ts";
import { UserError } from "../errors.ts";
import { chunkOfRecipient } from "../settlement/chunkOfRecipient.ts";

export type Cell = string | number | boolean | null;
export type Table = Record<string, Cell>[];

/** One epoch's books: every table an accountant or a spreadsheet needs, one row per fact, amounts in tokens and units. */
export interface EpochExport {
  epoch: { guildId: string; number: number; status: string; startsAt: string; closedAt: string | null; budget: string };
  contributions: Table;
  evaluations: Table;
  votes: Table;
  approvals: Table;
  payouts: Table;
  compute: Table;
}

const iso = (d: Date | null | undefined) => d?.toISOString() ?? null;

/** Finds epoch `number` (of `guildId`, needed only when several guilds have one) and gathers its tables. */
export async function exportEpoch(
  deps: Pick<ServiceDeps, "db" | "token">,
  number: number,
  guildId?: string,
): Promise<EpochExport> {
  const epochs = await deps.db.epoch.findMany({ where: { number, ...(guildId ? { guildId } : {}) } });
  if (epochs.length === 0) throw new UserError("export_no_epoch", { number });
  if (epochs.length > 1) throw new UserError("export_which_guild", { number, guilds: epochs.map((e) => e.guildId) });
  const epoch = epochs[0] as (typeof epochs)[number];
  const token = (units: bigint) => tokenAmountText(units, deps.token);
  // An open epoch's contributions are those not yet in any closed epoch; a closed one's, those it took.
  const contributions = await deps.db.contribution.findMany({
    where: epoch.status === "open" ? { guildId: epoch.guildId, epochId: null } : { epochId: epoch.id },
    include: { author: true, evaluations: { orderBy: { id: "asc" } } },
    orderBy: { id: "asc" },
  });
  const proposal = await deps.db.proposal.findUnique({
    where: { epochId: epoch.id },
    include: {
      votes: { orderBy: { id: "asc" } },
      approvals: { orderBy: { id: "asc" } },
      payouts: { orderBy: { chunkIndex: "asc" } },
    },
  });
  const rewards = await deps.db.computeReward.findMany({ where: { epochId: epoch.id }, orderBy: { id: "asc" } });
  const nodes = await deps.db.computeNode.findMany({
    where: { id: { in: rewards.map((r) => r.nodeId) } },
    include: { provider: true },
  });
  const nodeOf = new Map(nodes.map((n) => [n.id, n]));
  const paying = chunkOfRecipient(proposal?.payouts ?? []);
  return {
    epoch: {
      guildId: epoch.guildId,
      number: epoch.number,
      status: epoch.status,
      startsAt: epoch.startsAt.toISOString(),
      closedAt: iso(epoch.closedAt),
      budget: token(BigInt(epoch.budget.toFixed())),
    },
    contributions: contributions.map((c) => ({
      id: c.id,
      submitted: c.createdAt.toISOString(),
      author: c.author.username,
      authorDiscordId: c.author.discordId,
      category: c.category,
      title: c.title,
      hours: c.hours?.toString() ?? null,
      links: c.links.join(" "),
      status: c.status,
    })),
    evaluations: contributions.flatMap((c) =>
      c.evaluations.map((e) => ({
        id: e.id,
        contribution: c.id,
        active: e.activeFor === c.id,
        purpose: e.purpose,
        evaluator: e.evaluator,
        model: e.model,
        promptSha256: e.promptSha256,
        rubricVersion: e.rubricVersion,
        total: e.total,
        confidence: e.confidence,
        scores: readEvaluationScores(e)
          .map((s) => `${s.criterion}=${s.score}`)
          .join("; "),
        flags: e.flags.join(" "),
        reviewedBy: e.reviewedBy,
        suggestedReward: token(BigInt(e.suggestedReward.toFixed())),
        suggestedRewardUnits: unitsText(e.suggestedReward),
        created: e.createdAt.toISOString(),
      })),
    ),
    votes: (proposal?.votes ?? []).map((v) => ({
      proposal: proposal?.id ?? null,
      voterDiscordId: v.discordId,
      choice: JSON.stringify(v.choice),
      weight: v.weight,
      conflicted: v.conflicted,
      cast: v.updatedAt.toISOString(),
    })),
    approvals: (proposal?.approvals ?? []).map((a) => ({
      proposal: proposal?.id ?? null,
      moderatorDiscordId: a.moderatorId,
      approved: a.createdAt.toISOString(),
    })),
    payouts: ((proposal && readPayoutBatch(proposal)) ?? []).map((e) => {
      const intent = paying.get(e.recipient.toLowerCase());
      return {
        proposal: proposal?.id ?? null,
        batchHash: proposal?.batchHash ?? null,
        recipient: e.recipient,
        amount: token(BigInt(e.amount)),
        amountUnits: e.amount,
        for: e.refs.join(" "),
        status: intent?.status ?? proposal?.status ?? null,
        txHash: intent?.txHash ?? null,
        block: intent?.blockNumber ?? null,
      };
    }),
    compute: rewards.map((r) => ({
      key: r.key,
      kind: r.kind,
      node: r.nodeId,
      nodeName: nodeOf.get(r.nodeId)?.name ?? null,
      provider: nodeOf.get(r.nodeId)?.provider.username ?? null,
      lease: r.leaseId,
      coveredHours: r.coveredMs === null ? null : Number(r.coveredMs) / 3_600_000,
      amount: token(BigInt(r.amount.toFixed())),
      amountUnits: unitsText(r.amount),
    })),
  };
}

/** Each table's columns, in order: an empty table still gets its header row. */
export const COLUMNS = {
  contributions: ["id", "submitted", "author", "authorDiscordId", "category", "title", "hours", "links", "status"],
  evaluations: [
    "id",
    "contribution",
    "active",
    "purpose",
    "evaluator",
    "model",
    "promptSha256",
    "rubricVersion",
    "total",
    "confidence",
    "scores",
    "flags",
    "reviewedBy",
    "suggestedReward",
    "suggestedRewardUnits",
    "created",
  ],
  votes: ["proposal", "voterDiscordId", "choice", "weight", "conflicted", "cast"],
  approvals: ["proposal", "moderatorDiscordId", "approved"],
  payouts: ["proposal", "batchHash", "recipient", "amount", "amountUnits", "for", "status", "txHash", "block"],
  compute: ["key", "kind", "node", "nodeName", "provider", "lease", "coveredHours", "amount", "amountUnits"],
} as const;

/**
 * RFC 4180 CSV: every field quoted when it must be, CRLF line ends, a header row. A cell a spreadsheet would run as
 * a formula (=, +, -, @ at the start, a member's title) is prefixed with ' so it stays text.
 */
export function toCsv(rows: Table, table: keyof typeof COLUMNS): string {
  const columns = COLUMNS[table];
  const cell = (v: Cell) => {
    if (v === null) return "";
    let text = String(v);
    if (typeof v === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
    return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  return `${[columns.join(","), ...rows.map((r) => columns.map((c) => cell(r[c] ?? null)).join(","))].join("\r\n")}\r\n`;
}
