import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type LocalOpenAI, startLocalOpenAI } from "../helpers/localOpenAI.ts";
import { finalResponse, textOf } from "../helpers/sandboxClient.ts";
import { startTestStack, type TestStack } from "../helpers/startTestStack.ts";

const recipient = "0x52908400098527886E0F7030069857D2E4169EE7";
const idea = `Fund a translation sprint for the docs. Translate them into Spanish and Portuguese because half of our new members read those first. Request 750 STEW to ${recipient}.`;

describe("/propose offline (template drafter)", () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
    await stack.client.createUser("vera", ["Member"]);
  });
  afterAll(() => stack.stop());
  afterEach(() => stack.expectNoSpecViolations());

  const buttonOf = (r: { components: { components?: { label?: string; custom_id?: string }[] }[] }, label: string) =>
    r.components[0]?.components?.find((c) => c.label === label)?.custom_id as string;

  it("drafts the structure privately; Edit opens a modal that updates it; Submit stores a funding draft", async () => {
    const drafted = finalResponse(await stack.client.run("vera", "propose", { idea }));
    expect(drafted.ephemeral).toBe(true);
    expect(drafted.embeds[0]?.title).toBe("Fund a translation sprint for the docs");
    const text = textOf(drafted);
    for (const part of ["Motivation", "Specification", "Budget request", "Risks", "Success metrics"])
      expect(text).toContain(part);
    expect(text).toContain(`750 STEW to ${recipient}`);
    expect(drafted.components[0]?.components?.map((c) => c.label)).toEqual(["Edit", "Submit", "Cancel"]);

    const modal = finalResponse(
      await stack.client.click("vera", drafted.messageId as string, buttonOf(drafted, "Edit")),
    );
    expect(modal.kind).toBe("modal");
    const edited = finalResponse(
      (
        await stack.client.request<never>("POST", "/sandbox/modals", {
          user: "vera",
          messageId: drafted.messageId,
          customId: (modal as unknown as { customId: string }).customId,
          fields: {
            title: "Translation sprint (ES, PT)",
            summary: "Translate the docs into Spanish and Portuguese.",
            motivation: "Half of our new members read Spanish or Portuguese first.",
            specification: "- Spanish\n- Portuguese\n- Reviewed by two native speakers each",
            budget: `600 ${recipient.toLowerCase()}`,
          },
        })
      ).body,
    );
    expect(edited.kind).toBe("update");
    expect(edited.embeds[0]?.title).toBe("Translation sprint (ES, PT)");
    expect(textOf(edited)).toContain(`600 STEW to ${recipient}`);

    const submitted = finalResponse(
      await stack.client.click("vera", drafted.messageId as string, buttonOf(edited, "Submit")),
    );
    expect(submitted.content).toMatch(
      /^Proposal #(\d+) “Translation sprint \(ES, PT\)” is saved as a funding proposal draft\. It is posted in <#\d+>\. A moderator opens it for votes\.$/,
    );
    const proposal = await stack.steward.container.services.db.proposal.findFirstOrThrow({
      where: { title: "Translation sprint (ES, PT)" },
    });
    expect(proposal).toMatchObject({ kind: "funding", status: "draft", budgetRecipient: recipient });
    expect(proposal.budgetAmount?.toString()).toBe("600000000000000000000");
    const post = (await stack.client.messages("governance")).find(
      (m) => m.embeds[0]?.title === `Proposal #${proposal.id} · Translation sprint (ES, PT)`,
    );
    expect(post?.embeds[0]?.footer?.text).toBe("A moderator opens it for votes");
    expect(textOf(post as never)).toContain("Draft: not open for votes yet");

    // The buttons are gone once submitted: there is nothing left to click twice.
    const twice = await stack.client.request<{ error: string }>("POST", "/sandbox/components", {
      user: "vera",
      messageId: drafted.messageId,
      customId: buttonOf(drafted, "Submit"),
    });
    expect(twice.status).toBe(400);
    expect(twice.body.error).toMatch(/has no button or menu with custom id/);
  });

  it("refuses a malformed budget in the modal and leaves the draft as it was", async () => {
    const drafted = finalResponse(
      await stack.client.run("vera", "propose", { idea: "Run a hackathon for new members." }),
    );
    expect(textOf(drafted)).toContain("Budget request\nnone");
    const modal = finalResponse(
      await stack.client.click("vera", drafted.messageId as string, buttonOf(drafted, "Edit")),
    );
    const result = await stack.client.request<{ responses: { content: string; ephemeral: boolean }[] }>(
      "POST",
      "/sandbox/modals",
      {
        user: "vera",
        messageId: drafted.messageId,
        customId: (modal as unknown as { customId: string }).customId,
        fields: { title: "Hackathon", summary: "s", motivation: "m", specification: "x", budget: "lots of money" },
      },
    );
    const reply = result.body.responses.at(-1);
    expect(reply?.ephemeral).toBe(true);
    expect(reply?.content).toMatch(/`lots of money` is not a budget request/);
    const cancelled = finalResponse(
      await stack.client.click("vera", drafted.messageId as string, buttonOf(drafted, "Cancel")),
    );
    expect(cancelled.content).toMatch(/cancelled\. Nothing was submitted\./);
  });
});

describe("/propose with an LLM", () => {
  let stack: TestStack;
  let llm: LocalOpenAI;
  beforeAll(async () => {
    llm = await startLocalOpenAI(() => ({
      content: JSON.stringify({
        title: "Docs translation sprint",
        summary: "Translate the docs into Spanish and Portuguese.",
        motivation: "Many new members read those languages first.",
        specification: "Two translators, two reviewers, four weeks.",
        // The model tries to send the money elsewhere: Steward keeps only addresses from the idea itself.
        budget: { amount: "750", recipient: "0x000000000000000000000000000000000000dEaD" },
        risks: "Translations drift from the English source.",
        successMetrics: "Both translations published and linked from the home page.",
      }),
    }));
    stack = await startTestStack({ OPENAI_BASE_URL: llm.baseUrl, LLM_MODEL: "local-llama" });
    await stack.client.createUser("walt", ["Member"]);
  });
  afterAll(async () => {
    await stack.stop();
    await llm.close();
  });
  afterEach(() => stack.expectNoSpecViolations());

  it("drafts through the model, passes the idea as data, and never keeps an address the idea did not give", async () => {
    const drafted = finalResponse(await stack.client.run("walt", "propose", { idea }));
    expect(drafted.embeds[0]?.title).toBe("Docs translation sprint");
    expect(drafted.embeds[0]?.footer?.text).toMatch(/drafted by the AI agent/);
    expect(textOf(drafted)).toContain("Budget request\nnone");
    expect(llm.requests[0]?.messages[1]?.content).toContain("<idea>");
  });
});
