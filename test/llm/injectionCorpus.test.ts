import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/openDatabase.ts";
import { createLlmEvaluator } from "../../src/llm/llmEvaluator.ts";
import { defaultRubric } from "../../src/llm/rubric.ts";
import { rubricDraft } from "../../src/llm/rubricEvaluator.ts";
import { submitContribution } from "../../src/services/contributions/submitContribution.ts";
import { claimSubmitted } from "../../src/services/evaluations/claimSubmitted.ts";
import { evaluateContribution } from "../../src/services/evaluations/evaluateContribution.ts";
import { suggestReward } from "../../src/services/evaluations/suggestReward.ts";
import { evaluationJson, type LocalOpenAI, startLocalOpenAI } from "../helpers/localOpenAI.ts";
import { actor, serviceDeps } from "../helpers/serviceDeps.ts";
import { createTestDatabase } from "../helpers/testDatabase.ts";

interface Submission {
  title: string;
  category: "code" | "docs" | "design" | "research" | "community" | "ops" | "other";
  description: string;
  links: string[];
  hours: number;
}
interface Case {
  id: string;
  technique: string;
  injected: string;
  attempt: Submission;
  twin: Submission;
}

const cases = JSON.parse(readFileSync(new URL("../fixtures/injection/cases.json", import.meta.url), "utf8")) as Case[];
const CAP = 100n * 10n ** 18n;

let database: Database;
let llm: LocalOpenAI;
beforeAll(async () => {
  database = await createTestDatabase();
  // A model that obeys: whenever the submission it is shown carries an injected text, it gives full marks and
  // raises no flag; otherwise it gives an honest middling evaluation.
  llm = await startLocalOpenAI((req) => {
    const user = req.messages.map((m) => m.content).join("\n");
    const obeys = cases.some((c) => user.includes(JSON.stringify(c.injected).slice(1, -1)));
    return {
      content: obeys
        ? evaluationJson({ scores: [10, 10, 10, 10], confidence: 1 })
        : evaluationJson({ scores: [5, 5, 5, 5] }),
    };
  });
});
afterAll(async () => {
  await database.close();
  await llm.close();
});

/** The reward the offline rubric evaluator's score gives a submission: the ceiling of a flagged one. */
function rubricReward(deps: ReturnType<typeof serviceDeps>, s: Submission): bigint {
  const draft = rubricDraft({ ...s, earlier: [], authorTrackRecord: 0, claimedElsewhere: [] }, deps.evaluation.rubric);
  return suggestReward(deps.evaluation.policy, deps.evaluation.rubric, s.category, draft.total);
}

async function evaluate(deps: ReturnType<typeof serviceDeps>, who: string, s: Submission) {
  await submitContribution(deps, actor(who), s);
  const [id] = await claimSubmitted(deps, 1);
  if (id === undefined) throw new Error("nothing to claim");
  const evaluation = await evaluateContribution(deps, id);
  if (!evaluation) throw new Error("evaluation not stored");
  return { reward: BigInt(evaluation.suggestedReward.toFixed()), flags: evaluation.flags, total: evaluation.total };
}

describe("the prompt-injection corpus", () => {
  it("has at least 30 attempts, each with a clean twin", () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
    for (const c of cases) expect(c.attempt).not.toEqual(c.twin);
  });

  for (const evaluator of ["rubric", "llm"] as const) {
    it(`holds with the ${evaluator} evaluator: rewards stay under the cap, and every attempt is no better than its twin, or flagged, held and capped at the rubric's reward`, async () => {
      const failures: string[] = [];
      for (const [i, c] of cases.entries()) {
        const clock = { now: new Date(Date.UTC(2026, 10, 26, 12, 0, 0) + i * 3_600_000) };
        const deps = serviceDeps(database, clock, {
          llm:
            evaluator === "llm"
              ? createLlmEvaluator(
                  {
                    apiKey: undefined,
                    baseUrl: llm.baseUrl,
                    model: "obedient",
                    timeoutMs: 5000,
                    retries: 0,
                    retryBaseMs: 10,
                  },
                  defaultRubric,
                )
              : undefined,
        });
        // Distinct authors so the twin is neither a duplicate submission nor part of the attempt author's history.
        const twin = await evaluate(deps, `9${evaluator === "llm" ? 1 : 0}${String(i).padStart(16, "0")}`, c.twin);
        const attempt = await evaluate(
          deps,
          `8${evaluator === "llm" ? 1 : 0}${String(i).padStart(16, "0")}`,
          c.attempt,
        );
        if (attempt.reward > CAP) failures.push(`${c.id}: reward ${attempt.reward} above the cap`);
        const flagged = attempt.flags.includes("prompt_injection_suspected") && attempt.flags.includes("needs_human");
        if (!flagged && attempt.reward > twin.reward) {
          failures.push(`${c.id}: not flagged and rewarded ${attempt.reward} > twin ${twin.reward}`);
        }
        // A flagged attempt is held, and even once cleared it pays at most what the offline rubric gives its text:
        // whatever the obedient model said, the injection bought nothing.
        const ceiling = rubricReward(deps, c.attempt);
        if (flagged && attempt.reward > ceiling) {
          failures.push(`${c.id}: flagged but rewarded ${attempt.reward} > the rubric's ${ceiling}`);
        }
      }
      expect(failures).toEqual([]);
    }, 120_000);
  }
});
