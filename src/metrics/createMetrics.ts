import { Counter, Gauge, Histogram, Registry } from "prom-client";
import type { Db } from "../db/openDatabase.ts";

/**
 * What Steward counts as it works, in Prometheus terms. One registry per process (not prom-client's global one, so
 * tests can run several Stewards). Counters of this process's events; totals that must survive a restart (LLM
 * tokens and cost, gas, votes, the audit chain) are read from the database at each scrape.
 */
export interface Metrics {
  registry: Registry;
  interaction(name: string, outcome: "ok" | "user_error" | "error", seconds: number): void;
  jobRun(job: string, outcome: string, seconds: number): void;
  llmCall(
    model: string,
    outcome: "ok" | "fallback",
    promptTokens: number,
    completionTokens: number,
    costMicroUsd: number,
  ): void;
  vote(outcome: "accepted" | "refused"): void;
  heartbeat(outcome: string): void;
  settlement(outcome: "confirmed" | "failed", count: number): void;
}

/** One guild's latest jury agreement, as the calibration service computes it (kept structural: no service import). */
export interface JuryReading {
  guildId: string;
  epoch: number;
  sampled: number;
  items: number;
  jurors: number;
  reviews: number;
  overall: { spearman: number | null; meanDifference: number | null };
  criteria: { criterion: string | null; spearman: number | null; meanDifference: number | null }[];
}

const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

export function createMetrics(db?: Db, jury?: () => Promise<JuryReading[]>): Metrics {
  const registry = new Registry();
  const interactions = new Counter({
    name: "steward_interactions_total",
    help: "Discord interactions handled, by command (or component) and outcome.",
    labelNames: ["command", "outcome"],
    registers: [registry],
  });
  const interactionSeconds = new Histogram({
    name: "steward_interaction_duration_seconds",
    help: "Time from receiving an interaction to its handler finishing.",
    labelNames: ["command", "outcome"],
    buckets: SECONDS,
    registers: [registry],
  });
  const jobRuns = new Counter({
    name: "steward_job_runs_total",
    help: "Scheduled job runs in this process, by job and outcome.",
    labelNames: ["job", "outcome"],
    registers: [registry],
  });
  const jobSeconds = new Histogram({
    name: "steward_job_duration_seconds",
    help: "Job run durations.",
    labelNames: ["job", "outcome"],
    buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60, 300],
    registers: [registry],
  });
  const llmCalls = new Counter({
    name: "steward_llm_evaluations_total",
    help: "Evaluations made in this process by a model, by model and outcome (fallback: the rubric evaluator took over).",
    labelNames: ["model", "outcome"],
    registers: [registry],
  });
  const llmTokens = new Counter({
    name: "steward_llm_tokens_total",
    help: "LLM tokens used in this process, by model and kind (prompt, completion).",
    labelNames: ["model", "kind"],
    registers: [registry],
  });
  const llmCost = new Counter({
    name: "steward_llm_cost_usd_total",
    help: "LLM cost in this process (USD, from LLM_PRICE_* settings).",
    labelNames: ["model"],
    registers: [registry],
  });
  const votes = new Counter({
    name: "steward_votes_total",
    help: "Votes cast through Discord in this process, by outcome.",
    labelNames: ["outcome"],
    registers: [registry],
  });
  const heartbeats = new Counter({
    name: "steward_heartbeats_total",
    help: "Node heartbeats received, by outcome (accepted, or the refusal's code).",
    labelNames: ["outcome"],
    registers: [registry],
  });
  const settlements = new Counter({
    name: "steward_settlement_chunks_total",
    help: "Payout chunks that reached an end state in this process (confirmed, failed).",
    labelNames: ["outcome"],
    registers: [registry],
  });
  if (db) databaseGauges(registry, db);
  if (jury) juryGauges(registry, jury);
  return {
    registry,
    interaction(name, outcome, seconds) {
      interactions.inc({ command: name, outcome });
      interactionSeconds.observe({ command: name, outcome }, seconds);
    },
    jobRun(job, outcome, seconds) {
      jobRuns.inc({ job, outcome });
      jobSeconds.observe({ job, outcome }, seconds);
    },
    llmCall(model, outcome, promptTokens, completionTokens, costMicroUsd) {
      llmCalls.inc({ model, outcome });
      llmTokens.inc({ model, kind: "prompt" }, promptTokens);
      llmTokens.inc({ model, kind: "completion" }, completionTokens);
      llmCost.inc({ model }, costMicroUsd / 1e6);
    },
    vote: (outcome) => votes.inc({ outcome }),
    heartbeat: (outcome) => heartbeats.inc({ outcome }),
    settlement: (outcome, count) => settlements.inc({ outcome }, count),
  };
}

/** Totals kept in the database, read at scrape time: they survive restarts and count every process's work. */
function databaseGauges(registry: Registry, db: Db) {
  new Gauge({
    name: "steward_audit_chain_events",
    help: "Events in the audit hash chain.",
    registers: [registry],
    async collect() {
      this.set(await db.auditEvent.count());
    },
  });
  new Gauge({
    name: "steward_audit_last_verification",
    help: "The last audit verification: its time (unix seconds) and result (1 ok, 0 mismatch, -1 error).",
    labelNames: ["field"],
    registers: [registry],
    async collect() {
      const run = await db.jobRun.findFirst({
        where: { job: "verify-audit", finishedAt: { not: null } },
        orderBy: { id: "desc" },
      });
      this.set({ field: "timestamp_seconds" }, run?.finishedAt ? run.finishedAt.getTime() / 1000 : 0);
      this.set({ field: "ok" }, !run ? -1 : run.outcome === "ok" ? 1 : run.outcome === "problem" ? 0 : -1);
    },
  });
  new Gauge({
    name: "steward_evaluations",
    help: "Evaluations stored, with their LLM tokens and cost, by evaluator.",
    labelNames: ["evaluator", "field"],
    registers: [registry],
    async collect() {
      const rows = await db.evaluation.groupBy({
        by: ["evaluator"],
        _count: { _all: true },
        _sum: { promptTokens: true, completionTokens: true, costMicroUsd: true },
      });
      this.reset();
      for (const r of rows) {
        this.set({ evaluator: r.evaluator, field: "count" }, r._count._all);
        this.set({ evaluator: r.evaluator, field: "prompt_tokens" }, r._sum.promptTokens ?? 0);
        this.set({ evaluator: r.evaluator, field: "completion_tokens" }, r._sum.completionTokens ?? 0);
        this.set({ evaluator: r.evaluator, field: "cost_usd" }, (r._sum.costMicroUsd ?? 0) / 1e6);
      }
    },
  });
  new Gauge({
    name: "steward_votes_stored",
    help: "Votes stored (current votes, one per member and proposal).",
    registers: [registry],
    async collect() {
      this.set(await db.vote.count());
    },
  });
  new Gauge({
    name: "steward_payout_chunks",
    help: "Payout chunks by status, and the gas used by confirmed ones.",
    labelNames: ["status"],
    registers: [registry],
    async collect() {
      const rows = await db.payoutIntent.groupBy({ by: ["status"], _count: { _all: true } });
      this.reset();
      for (const r of rows) this.set({ status: r.status }, r._count._all);
    },
  });
  new Gauge({
    name: "steward_settlement_gas_used",
    help: "Gas used by confirmed payout transactions, in all.",
    registers: [registry],
    async collect() {
      const rows = await db.payoutIntent.findMany({
        where: { status: "confirmed", gasUsed: { not: null } },
        select: { gasUsed: true },
      });
      this.set(rows.reduce((n, r) => n + Number(r.gasUsed ?? 0), 0));
    },
  });
}

/**
 * The blind jury's latest agreement with the model per guild (issue 22 §3): Spearman and mean difference per
 * criterion and overall, and the sample size it rests on. An undefined Spearman (too few items, or no variation) is
 * left out rather than reported as a number.
 */
function juryGauges(registry: Registry, read: () => Promise<JuryReading[]>) {
  new Gauge({
    name: "steward_jury_sample",
    help: "The latest jury sample per guild: its epoch number, items sampled, items reviewed, jurors and reviews.",
    labelNames: ["guild", "field"],
    registers: [registry],
    async collect() {
      const readings = await read();
      this.reset();
      for (const j of readings) {
        const fields = { epoch: j.epoch, sampled: j.sampled, reviewed: j.items, jurors: j.jurors, reviews: j.reviews };
        for (const [field, value] of Object.entries(fields)) this.set({ guild: j.guildId, field }, value);
      }
    },
  });
  new Gauge({
    name: "steward_jury_agreement",
    help: "The latest jury sample's agreement with the model per guild and criterion (overall: the rubric-weighted score): spearman (-1 to 1) and mean_difference (points of 10).",
    labelNames: ["guild", "criterion", "measure"],
    registers: [registry],
    async collect() {
      // Each gauge reads for itself: the registry collects them concurrently.
      const readings = await read();
      this.reset();
      for (const j of readings) {
        const guild = j.guildId;
        for (const a of [{ ...j.overall, criterion: "overall" }, ...j.criteria]) {
          const criterion = a.criterion ?? "overall";
          if (a.spearman !== null) this.set({ guild, criterion, measure: "spearman" }, a.spearman);
          if (a.meanDifference !== null) this.set({ guild, criterion, measure: "mean_difference" }, a.meanDifference);
        }
      }
    },
  });
}
