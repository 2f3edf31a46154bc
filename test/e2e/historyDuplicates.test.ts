import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { submitContribution } from "../../src/services/contributions/submitContribution.ts";
import { lightlyEdited, seededRandom, variedContribution } from "../helpers/contributionTexts.ts";
import { evaluationJson, type LocalOpenAI, startLocalOpenAI } from "../helpers/localOpenAI.ts";
import { finalResponse, textOf } from "../helpers/sandboxClient.ts";
import { startTestStack, type TestStack } from "../helpers/startTestStack.ts";

const original = {
  title: "Rewrite the onboarding guide",
  category: "docs",
  description:
    "Rewrote the onboarding guide for new members with tested steps for Node 20. Added screenshots of each command. Three newcomers followed it without help.",
};

// With an LLM that never flags anything: the near-duplicate rule is Steward's, whatever the evaluator says.
describe("a copy of a contribution 320 others old, through Discord", () => {
  let stack: TestStack;
  let llm: LocalOpenAI;
  let firstId: number;
  beforeAll(async () => {
    llm = await startLocalOpenAI(() => ({ content: evaluationJson({ scores: [8, 7, 6, 9] }) }));
    stack = await startTestStack({ OPENAI_BASE_URL: llm.baseUrl, LLM_MODEL: "local-llama", LLM_RETRIES: "1" });
    for (const u of ["rita", "bo", "cy"]) await stack.client.createUser(u, ["Member"]);
    firstId = Number(
      /#(\d+)/.exec(finalResponse(await stack.client.submitContribution("rita", original)).content)?.[1],
    );
    await stack.steward.evaluationsIdle();
    // 320 contributions since, from other members: more than the 300 the evaluator used to look back at.
    const { guildId } = await stack.client.state();
    const services = stack.steward.container.services;
    const rnd = seededRandom(320);
    const ids: number[] = [];
    for (let i = 0; i < 320; i++) {
      const author = { guildId, discordId: String(950000000000000000n + BigInt(i % 40)), username: `m${i % 40}` };
      const c = await submitContribution(services, author, { ...variedContribution(rnd), category: "code" });
      ids.push(c.id);
    }
    // Their evaluations are not what this test is about: they stand as evaluated history.
    await services.db.contribution.updateMany({ where: { id: { in: ids } }, data: { status: "evaluated" } });
  }, 180_000);
  afterAll(async () => {
    await stack.stop();
    await llm.close();
  });

  async function submitAndShow(user: string, draft: typeof original) {
    const reply = finalResponse(await stack.client.submitContribution(user, draft));
    const id = Number(/#(\d+)/.exec(reply.content)?.[1]);
    await stack.steward.evaluationsIdle();
    const shown = finalResponse(await stack.client.run(user, "evaluation show", { contribution: id }));
    const evaluation = await stack.steward.container.services.db.evaluation.findUniqueOrThrow({
      where: { activeFor: id },
    });
    return { id, text: textOf(shown), evaluation };
  }

  it("flags a word-for-word copy as a possible duplicate, held for a person", async () => {
    const { id, text, evaluation } = await submitAndShow("bo", original);
    expect(id).toBeGreaterThan(firstId + 320);
    expect(evaluation.evaluator).toBe("llm");
    expect(evaluation.flags).toEqual(expect.arrayContaining(["possible_duplicate", "needs_human"]));
    expect(text).toContain("possible duplicate");
    expect(text).toContain("needs a human look");
    // The model's rationale, then what it copies, for the moderator who looks.
    expect(evaluation.rationale).toBe(`Solid, verifiable work. (It is 100% similar to contribution #${firstId}.)`);
    expect(text).toContain(`It is 100% similar to contribution #${firstId}.`);
  });

  it("flags a copy in lookalike letters with its sentences reordered, too", async () => {
    const edited = lightlyEdited(
      { title: original.title, description: original.description, links: [] },
      seededRandom(9),
    );
    expect(edited.description).not.toBe(original.description);
    const { evaluation, text } = await submitAndShow("cy", { ...original, ...edited });
    expect(evaluation.flags).toEqual(expect.arrayContaining(["possible_duplicate", "needs_human"]));
    expect(text).toContain("possible duplicate");
  });

  it("leaves new work alone", async () => {
    const { evaluation } = await submitAndShow("cy", {
      title: "Audit the fee estimator",
      category: "code",
      description: "Checked the fee estimator against twenty blocks of a busy day and fixed its rounding of tips.",
    });
    expect(evaluation.flags).not.toContain("possible_duplicate");
  });
});
