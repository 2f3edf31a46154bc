import type { Permits } from "../../base/createPermits.ts";
import type { EvaluationInput, EvaluatorRun, Flag } from "../../llm/evaluationTypes.ts";
import { rubricEvaluate } from "../../llm/rubricEvaluator.ts";
import type { EvaluationDeps } from "../deps.ts";

export interface EvaluatorOutcome {
  run: EvaluatorRun;
  evaluator: "llm" | "rubric";
  samples: number;
  spread: number;
  /** Why the LLM's answer was not used, when it was not. */
  fallbackReason?: string;
  /** The rubric's own total, kept as a ceiling on money when injection is suspected. */
  rubricTotal: number;
}

/**
 * Runs the configured evaluator `samples` times (temperature 0) and keeps the median-total sample. If the LLM
 * fails for good (after its retries and one repair), the rubric evaluator answers instead, flagged needs_human.
 */
export async function runEvaluator(
  evaluation: Pick<EvaluationDeps, "rubric" | "llm" | "samples">,
  input: EvaluationInput,
  samples = evaluation.samples,
  llm = evaluation.llm,
  modelCalls: Permits = (call) => call(),
): Promise<EvaluatorOutcome> {
  const rubricRun = rubricEvaluate(input, evaluation.rubric);
  const rubricTotal = rubricRun.draft.total;
  if (!llm) return { run: rubricRun, evaluator: "rubric", samples: 1, spread: 0, rubricTotal };
  try {
    const runs: EvaluatorRun[] = [];
    for (let i = 0; i < samples; i++) runs.push(await modelCalls(() => llm(input)));
    const sorted = [...runs].sort((a, b) => a.draft.total - b.draft.total);
    const median = sorted[Math.floor((sorted.length - 1) / 2)] as EvaluatorRun;
    const totals = sorted.map((r) => r.draft.total);
    const sum = (f: (r: EvaluatorRun) => number) => runs.reduce((n, r) => n + f(r), 0);
    return {
      run: {
        ...median,
        promptTokens: sum((r) => r.promptTokens),
        completionTokens: sum((r) => r.completionTokens),
        latencyMs: sum((r) => r.latencyMs),
        attempts: sum((r) => r.attempts),
      },
      evaluator: "llm",
      samples,
      spread: (totals.at(-1) ?? 0) - (totals[0] ?? 0),
      rubricTotal,
    };
  } catch (error) {
    const reason = (error as Error)?.name ?? "Error";
    const flags = new Set<Flag>([...rubricRun.draft.flags, "needs_human"]);
    return {
      run: {
        ...rubricRun,
        draft: {
          ...rubricRun.draft,
          flags: [...flags],
          rationale:
            `${rubricRun.draft.rationale} (The AI evaluator failed: ${describe(reason)}; this is the offline rubric's evaluation, for a person to check.)`.slice(
              0,
              1000,
            ),
        },
      },
      evaluator: "rubric",
      samples: 1,
      spread: 0,
      fallbackReason: reason,
      rubricTotal,
    };
  }
}

function describe(reason: string): string {
  switch (reason) {
    case "MalformedOutputError":
      return "its answer was malformed twice";
    case "RefusalError":
      return "it refused";
    case "TimeoutError":
    case "APIConnectionTimeoutError":
      return "it timed out";
    default:
      return "it was unavailable";
  }
}
