import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type DistributionFacts, llmExplainer, onlyKnownNumbers } from "../../src/llm/distributionExplainers.ts";
import { linkWallet } from "../helpers/linkWallet.ts";
import { evaluationJson, type LocalOpenAI, type Reply, startLocalOpenAI } from "../helpers/localOpenAI.ts";
import { finalResponse, textOf } from "../helpers/sandboxClient.ts";
import { startTestStack, type TestStack } from "../helpers/startTestStack.ts";

const facts: DistributionFacts = {
  epoch: 4,
  token: "STEW",
  budget: "1000",
  suggestedTotal: "1500",
  paidTotal: "1000",
  scaled: true,
  payouts: [
    { recipient: "0x00000000000000000000000000000000000000a1", amount: "600", contributions: 2, carriedIn: false },
    { recipient: "0x00000000000000000000000000000000000000b2", amount: "400", contributions: 1, carriedIn: false },
  ],
  contributions: 3,
  carriedOut: { members: 0, total: "0" },
  leftForNextEpoch: 0,
};

let reply: Reply = { content: "" };
let server: LocalOpenAI;
beforeAll(async () => {
  server = await startLocalOpenAI(() => reply);
});
afterAll(() => server.close());

const explain = () =>
  llmExplainer({
    apiKey: "k",
    baseUrl: server.baseUrl,
    model: "local-model",
    timeoutMs: 5000,
    retries: 0,
    retryBaseMs: 1,
  })(facts);

describe("the agent's distribution summary", () => {
  it("uses the model's plain-language summary, with the facts sent as data", async () => {
    reply = {
      content:
        "Epoch 4 pays 1000 STEW to 2 members for 3 contributions. Suggested rewards totalled 1500 STEW, so each share was scaled down to fit the 1000 STEW budget.",
    };
    const summary = await explain();
    expect(summary).toMatchObject({ explainer: "llm", model: "local-model" });
    expect(summary.text).toContain("scaled down");
    const sent =
      server.requests
        .at(-1)
        ?.messages.map((m) => m.content)
        .join("\n") ?? "";
    expect(sent).toContain("<facts>");
    expect(sent).toContain('"suggestedTotal":"1500"');
  });

  it("falls back to the template when the model states a number that is not in the facts, or fails", async () => {
    reply = { content: "Epoch 4 pays 1,200 STEW to 2 members." };
    const invented = await explain();
    expect(invented.explainer).toBe("template");
    expect(invented.text).toMatch(/^Epoch 4 pays 1000 STEW to 2 members for 3 contributions\./);
    reply = { status: 500 };
    expect((await explain()).explainer).toBe("template");
    expect(onlyKnownNumbers("Epoch 4: 600 and 400 STEW.", facts)).toBe(true);
    expect(onlyKnownNumbers("Epoch 4: 650 STEW.", facts)).toBe(false);
  });
});

describe("the distribution proposal in Discord, with the agent", () => {
  let stack: TestStack;
  let agent: LocalOpenAI;
  beforeAll(async () => {
    // Evaluations ask for structured output; the summary is plain text.
    agent = await startLocalOpenAI((req) =>
      req.response_format
        ? { content: evaluationJson() }
        : { content: "This epoch rewards 1 member for 1 contribution, paid as suggested within the budget." },
    );
    stack = await startTestStack({ OPENAI_BASE_URL: agent.baseUrl, LLM_MODEL: "local-model" });
    await stack.client.createUser("ada", ["Member"]);
    await stack.client.createUser("boss", ["Member", "Moderator"]);
  });
  afterAll(async () => {
    await stack.stop();
    await agent.close();
  });
  afterEach(() => stack.expectNoSpecViolations());

  it("posts the agent's summary on the proposal and records which model wrote it", async () => {
    await linkWallet(stack.client, "ada");
    finalResponse(
      await stack.client.run("ada", "contribute submit", {
        title: "Docs overhaul",
        category: "docs",
        description: "Rewrote the onboarding guide.",
      }),
    );
    await stack.steward.evaluationsIdle();
    finalResponse(await stack.client.run("boss", "epoch close"));
    const db = stack.steward.container.services.db;
    const proposal = await db.proposal.findFirstOrThrow({ where: { kind: "distribution" } });
    expect(proposal.summary).toBe(
      "This epoch rewards 1 member for 1 contribution, paid as suggested within the budget.",
    );
    const post = (await stack.client.messages("governance")).find((m) =>
      m.embeds[0]?.title?.startsWith(`Proposal #${proposal.id} · `),
    );
    expect(textOf(post as never)).toContain("This epoch rewards 1 member for 1 contribution");
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "proposal.summarised" } });
    expect(audit.payload).toMatchObject({ explainer: "llm", model: "local-model" });
  });
});
