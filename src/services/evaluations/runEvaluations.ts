import type { Logger } from "../../logger.ts";
import type { ServiceDeps } from "../deps.ts";
import { FactsReadStopped } from "../github/factsReadStopped.ts";
import { appealsAwaitingSecondPass, runAppealSecondPass } from "./appeals.ts";
import { claimSubmitted, releaseClaims } from "./claimSubmitted.ts";
import { evaluateContribution } from "./evaluateContribution.ts";

/**
 * One pass of the evaluate job: claim submitted contributions and evaluate them, at most `concurrency` at once.
 * Storing an evaluation queues its announcement in the outbox, so the pass runs at the evaluator's speed, never at
 * Discord's. A failure on one contribution is logged and its claim released; it never stops the others. When
 * `signal` aborts (the process is stopping), no new evaluation starts and the claims not begun are released.
 */
export async function runEvaluations(
  deps: Pick<ServiceDeps, "db" | "evaluation" | "instance" | "metrics" | "now" | "github">,
  logger: Logger,
  signal?: AbortSignal,
  batch = 50,
) {
  let evaluated = 0;
  let failed = 0;
  let fallbacks = 0;
  while (!signal?.aborted) {
    const ids = await claimSubmitted(deps, batch);
    if (ids.length === 0) break;
    const queue = [...ids];
    const worker = async () => {
      for (let id = queue.shift(); id !== undefined && !signal?.aborted; id = queue.shift()) {
        try {
          const evaluation = await evaluateContribution(deps, id, { signal });
          if (!evaluation) continue;
          evaluated++;
          if (evaluation.fallbackReason) fallbacks++;
        } catch (err) {
          if (err instanceof FactsReadStopped) {
            // Cut short by the shutdown while reading GitHub: nothing was stored; the next start evaluates it.
            await releaseClaims(deps, [id]);
            continue;
          }
          failed++;
          logger.error({ contributionId: id, err }, "evaluation failed; released for a later run");
          await releaseClaims(deps, [id]);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(deps.evaluation.concurrency, ids.length) }, worker));
    // Stopping: what was claimed and not begun is free for the next start at once.
    await releaseClaims(deps, queue.splice(0));
    if (failed > 0) break;
  }
  // Appeals: the second pass, then the appeal is posted with both passes for a moderator to decide.
  let appeals = 0;
  for (const appealId of signal?.aborted ? [] : await appealsAwaitingSecondPass(deps)) {
    if (signal?.aborted) break;
    try {
      if (await runAppealSecondPass(deps, appealId, signal)) appeals++;
    } catch (err) {
      // Cut short by the shutdown while reading GitHub: nothing was stored; the next start runs it.
      if (err instanceof FactsReadStopped) break;
      failed++;
      logger.error({ appealId, err }, "appeal second pass failed; retried at the next run");
    }
  }
  return { evaluated, failed, fallbacks, appeals, stopped: signal?.aborted === true };
}
