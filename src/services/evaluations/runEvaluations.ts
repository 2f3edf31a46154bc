import type { Logger } from "../../logger.ts";
import type { ServiceDeps } from "../deps.ts";
import { appealsAwaitingSecondPass, runAppealSecondPass } from "./appeals.ts";
import { claimSubmitted, releaseClaim } from "./claimSubmitted.ts";
import { evaluateContribution } from "./evaluateContribution.ts";

/**
 * One pass of the evaluate job: claim submitted contributions and evaluate them, at most `concurrency` at once.
 * A failure on one contribution is logged and its claim released; it never stops the others or the bot.
 */
export async function runEvaluations(deps: ServiceDeps, logger: Logger, batch = 50) {
  let evaluated = 0;
  let failed = 0;
  let fallbacks = 0;
  for (;;) {
    const ids = await claimSubmitted(deps, batch);
    if (ids.length === 0) break;
    const queue = [...ids];
    const worker = async () => {
      for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
        try {
          const evaluation = await evaluateContribution(deps, id);
          if (!evaluation) continue;
          evaluated++;
          if (evaluation.fallbackReason) fallbacks++;
          await deps.notifier.evaluationCompleted(evaluation.id).catch((err) => {
            logger.warn({ contributionId: id, err }, "could not post the evaluation");
          });
        } catch (err) {
          failed++;
          logger.error({ contributionId: id, err }, "evaluation failed; released for a later run");
          await releaseClaim(deps, id);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(deps.evaluation.concurrency, ids.length) }, worker));
    if (failed > 0) break;
  }
  // Appeals: the second pass, then the appeal is posted with both passes for a moderator to decide.
  let appeals = 0;
  for (const appealId of await appealsAwaitingSecondPass(deps)) {
    try {
      if (!(await runAppealSecondPass(deps, appealId))) continue;
      appeals++;
      await deps.notifier.appealFiled(appealId);
    } catch (err) {
      failed++;
      logger.error({ appealId, err }, "appeal second pass failed; retried at the next run");
    }
  }
  return { evaluated, failed, fallbacks, appeals };
}
