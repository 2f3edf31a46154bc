import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/openDatabase.ts";
import { createLlmEvaluator } from "../../src/llm/llmEvaluator.ts";
import { defaultRubric } from "../../src/llm/rubric.ts";
import { createLogger } from "../../src/logger.ts";
import { submitContribution } from "../../src/services/contributions/submitContribution.ts";
import { runEvaluations } from "../../src/services/evaluations/runEvaluations.ts";
import { evaluationJson, type LocalOpenAI, startLocalOpenAI } from "../helpers/localOpenAI.ts";
import { actor, serviceDeps } from "../helpers/serviceDeps.ts";
import { createTestDatabase } from "../helpers/testDatabase.ts";
import { until } from "../helpers/until.ts";

let database: Database;
let server: LocalOpenAI;
let release: () => void = () => {};
const held = new Promise<void>((r) => {
  release = r;
});
beforeAll(async () => {
  database = await createTestDatabase();
  // The first model call hangs until the test lets it go; every other one answers at once.
  server = await startLocalOpenAI(async (_req, index) => {
    if (index === 0) await held;
    return { content: evaluationJson() };
  });
});
afterAll(async () => {
  release();
  await server.close();
  await database.close();
});

/** The evaluate job's dependencies at concurrency 2, with the model at `baseUrl`, on the real clock. */
function jobDeps(baseUrl: string) {
  const deps = serviceDeps(
    database,
    { now: new Date() },
    {
      concurrency: 2,
      llm: createLlmEvaluator(
        { apiKey: undefined, baseUrl, model: "t", timeoutMs: 30_000, retries: 0, retryBaseMs: 10 },
        defaultRubric,
      ),
    },
  );
  deps.now = () => new Date();
  return deps;
}

describe("the evaluate job's workers", () => {
  it("go on to the next claimed contributions while one evaluation is slow, not waiting for the batch's slowest", async () => {
    const deps = jobDeps(server.baseUrl);
    for (let i = 0; i < 7; i++) {
      await submitContribution(deps, actor(String(620000000000000000n + BigInt(i))), {
        title: `Pipelined ${i}`,
        description: `Wrote part ${i} of the guide.`,
        category: "docs",
        links: [],
      });
    }
    // Batches of 3: one worker is held on the first; the other evaluates the rest, batch after batch.
    const run = runEvaluations(deps, createLogger({ level: "silent" }), undefined, 3);
    await until(
      "six evaluations beside the held one",
      async () => ((await database.prisma.evaluation.count()) === 6 ? true : null),
      5_000,
    );
    expect(server.requests).toHaveLength(7);
    release();
    expect(await run).toMatchObject({ evaluated: 7, failed: 0 });
  });
});

describe("the evaluate job's model calls", () => {
  it("are at most `concurrency` at once, while twice as many evaluations are in flight", async () => {
    let inFlight = 0;
    let most = 0;
    const slow = await startLocalOpenAI(async () => {
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise((r) => setTimeout(r, 100));
      inFlight--;
      return { content: evaluationJson() };
    });
    try {
      const deps = jobDeps(slow.baseUrl);
      for (let i = 0; i < 12; i++) {
        await submitContribution(deps, actor(String(630000000000000000n + BigInt(i))), {
          title: `Gated ${i}`,
          description: `Translated chapter ${i} of the handbook into Spanish.`,
          category: "docs",
          links: [],
        });
      }
      expect(await runEvaluations(deps, createLogger({ level: "silent" }))).toMatchObject({ evaluated: 12, failed: 0 });
      expect(most).toBe(2);
    } finally {
      await slow.close();
    }
  });
});
