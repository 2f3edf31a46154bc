import { createPermits } from "../../base/createPermits.ts";
import type { Logger } from "../../logger.ts";
import type { ServiceDeps } from "../deps.ts";
import { askFactsAhead } from "../github/askFactsAhead.ts";
import { FactsReadStopped } from "../github/factsReadStopped.ts";
import { appealsAwaitingSecondPass, runAppealSecondPass } from "./appeals.ts";
import { claimSubmitted, releaseClaims } from "./claimSubmitted.ts";
import { evaluateContribution } from "./evaluateContribution.ts";

/**
 * One pass of the evaluate job: claim submitted contributions and evaluate them, at most `concurrency` model calls
 * at once. Twice as many evaluations are in flight, so that one's database work (its input before the call, its
 * write after) overlaps another's model call: with as many as the calls, each worker's own reads and writes left
 * the model idle, and concurrency 16 reached 83 % of 16 calls' throughput (93 % with the overlap).
 * Storing an evaluation queues its announcement in the outbox, so the pass runs at the evaluator's speed, never at
 * Discord's. A failure on one contribution is logged and its claim released; it never stops the others. When
 * `signal` aborts (the process is stopping), no new evaluation starts and the claims not begun are released.
 */
export async function runEvaluations(
  deps: Pick<ServiceDeps, "db" | "evaluation" | "instance" | "mentorship" | "metrics" | "now" | "github">,
  logger: Logger,
  signal?: AbortSignal,
  batch = 50,
) {
  let evaluated = 0;
  let failed = 0;
  let fallbacks = 0;
  const modelCalls = createPermits(deps.evaluation.concurrency);
  // Workers take the claimed contributions one by one, and the first to find none left claims the next batch: a
  // worker never idles until the batch's slowest evaluation ends (at concurrency 16, batches of 50 ran in 4 rounds
  // of model calls for 3.1 rounds' work).
  const queue: number[] = [];
  let more = true;
  let claiming: Promise<void> | undefined;
  const claimMore = async () => {
    const ids = await claimSubmitted(deps, batch);
    if (ids.length === 0) more = false;
    // Their PRs and issues asked of GitHub together, ahead of the evaluations that read them.
    else await askFactsAhead(deps, ids, signal).finally(() => queue.push(...ids));
  };
  const worker = async () => {
    while (!signal?.aborted) {
      const id = queue.shift();
      if (id === undefined) {
        if (!more || failed > 0) return;
        claiming ??= claimMore().finally(() => {
          claiming = undefined;
        });
        await claiming;
        continue;
      }
      try {
        const evaluation = await evaluateContribution(deps, id, { signal, modelCalls });
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
  const workers = await Promise.allSettled(Array.from({ length: 2 * deps.evaluation.concurrency }, worker));
  // Stopping: what was claimed and not begun is free for the next start at once.
  await releaseClaims(deps, queue.splice(0));
  for (const w of workers) if (w.status === "rejected") throw w.reason;
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
