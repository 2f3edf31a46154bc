import { runEvaluations } from "../services/evaluations/runEvaluations.ts";
import type { Job } from "./types.ts";

export const evaluateJob: Job = {
  name: "evaluate",
  // EVALUATION_CRON overrides this at scheduling time.
  schedule: "* * * * *",
  description:
    "Claims submitted contributions and evaluates them (LLM, or the offline rubric), queueing each result's post; runs the second pass of new appeals and queues them for moderators.",
  async run({ services, logger, signal }) {
    const { evaluated, failed, fallbacks, appeals, stopped } = await runEvaluations(services, logger, signal);
    const summary = `${stopped ? "stopped for shutdown after " : ""}${evaluated} evaluated${fallbacks ? ` (${fallbacks} by the rubric after the LLM failed)` : ""}${appeals ? `, ${appeals} appeal second pass(es)` : ""}${failed ? `, ${failed} failed and will be retried` : ""}`;
    return { outcome: failed > 0 ? "problem" : "ok", summary, detail: { evaluated, failed, fallbacks, appeals } };
  },
};
