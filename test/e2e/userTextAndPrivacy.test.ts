import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { shortAddress } from "../../src/services/transparency/publicIdentity.ts";
import { activeMarkup, visibleText } from "../helpers/discordMarkup.ts";
import { linkWallet } from "../helpers/linkWallet.ts";
import { finalResponse, textOf } from "../helpers/sandboxClient.ts";
import { startTestStack, type TestStack } from "../helpers/startTestStack.ts";
import { submitCodeContribution } from "../helpers/submitCodeContribution.ts";

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
  for (const u of ["mallory", "xena", "yuri"]) await stack.client.createUser(u, ["Member"]);
  await stack.client.createUser("boss", ["Member", "Moderator"]);
});
afterAll(() => stack.stop());
afterEach(() => stack.expectNoSpecViolations());

describe("user text in Steward's posts", () => {
  it("a contribution titled with a masked link is posted in #contributions with the link not clickable", async () => {
    const title = "[claim your reward](https://evil.example)";
    const opened = await stack.client.run("mallory", "contribute submit", { title, category: "docs" });
    const form = opened.responses.find((r) => r.kind === "modal");
    const reply = finalResponse(
      await stack.client.submitModal("mallory", form?.customId as string, {
        title,
        description:
          "## Official: Steward says\n> <@&123456789012345678> claim at https://evil.example <t:1700000000:R>",
        links: "",
      }),
    );
    const id = Number(/#(\d+)/.exec(reply.content)?.[1]);
    expect(id).toBeGreaterThan(0);
    const post = (await stack.client.messages("contributions")).find((m) =>
      m.embeds[0]?.footer?.text?.endsWith(`contribution #${id}`),
    );
    const embed = post?.embeds[0];
    expect(visibleText(embed?.title ?? "")).toBe(`#${id} · ${title}`);
    expect(activeMarkup(embed?.title ?? "")).toEqual([]);
    expect(activeMarkup(embed?.description ?? "")).toEqual([]);
    expect(visibleText(embed?.description ?? "")).toContain("<@&123456789012345678> claim at https://evil.example");
    expect(activeMarkup(reply.content)).not.toContain("masked link");
  });
});

describe("privacy on Discord matches the page", () => {
  it("#governance shows a payout address shortened unless its member shows it in full (/privacy show-wallet)", async () => {
    const xena = await linkWallet(stack.client, "xena");
    const yuri = await linkWallet(stack.client, "yuri");
    finalResponse(await stack.client.run("yuri", "privacy show-wallet", { value: "on" }));
    await submitCodeContribution(stack.client, "xena", "Pipeline fix");
    await submitCodeContribution(stack.client, "yuri", "Release notes tooling");
    await stack.steward.evaluationsIdle();
    finalResponse(await stack.client.run("boss", "epoch close"));
    const proposal = await stack.steward.container.services.db.proposal.findFirstOrThrow({
      where: { kind: "distribution" },
    });
    const post = (await stack.client.messages("governance")).find((m) =>
      m.embeds[0]?.title?.startsWith(`Proposal #${proposal.id} · `),
    );
    // The batch holds addresses in lower case.
    const text = textOf(post as never).toLowerCase();
    expect(text).not.toContain(xena.address.toLowerCase());
    expect(text).toContain(`\`${shortAddress(xena.address).toLowerCase()}\``);
    expect(text).toContain(`\`${yuri.address.toLowerCase()}\``);

    const shown = finalResponse(await stack.client.run("xena", "privacy show"));
    expect(shown.content).toContain("Steward's Discord posts");
    expect(shown.content).toContain(shortAddress(xena.address));
  });
});
