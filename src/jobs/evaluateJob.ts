import { runEvaluations } from "../services/evaluations/runEvaluations.ts";
import type { Job } from "./types.ts";

export const evaluateJob: Job = {
  name: "evaluate",
  // EVALUATION_CRON overrides this at scheduling time.
  schedule: "* * * * *",
  description:
    "Claims submitted contributions and evaluates them (LLM, or the offline rubric), then posts the results.",
  async run({ services, logger }) {
    const { evaluated, failed, fallbacks } = await runEvaluations(services, logger);
    const summary = `${evaluated} evaluated${fallbacks ? ` (${fallbacks} by the rubric after the LLM failed)` : ""}${failed ? `, ${failed} failed and will be retried` : ""}`;
    return { outcome: failed > 0 ? "problem" : "ok", summary, detail: { evaluated, failed, fallbacks } };
  },
};
