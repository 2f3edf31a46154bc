import { checkMessageLimits } from "@steward/discord-sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { idArgument } from "../../src/discord/checkInput.ts";
import { clampPayload } from "../../src/discord/views/clampPayload.ts";
import { parseBudget } from "../../src/services/proposals/proposalDrafts.ts";
import { componentId } from "../helpers/governance.ts";
import { finalResponse } from "../helpers/sandboxClient.ts";
import { startTestStack, type TestStack } from "../helpers/startTestStack.ts";

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
  await stack.client.createUser("bea", ["Member"]);
});
afterAll(() => stack.stop());

const say = async (command: string, options: Record<string, unknown>) =>
  finalResponse(await stack.client.run("bea", command, options)).content;

describe("bad input is answered clearly", () => {
  it("ids beyond PostgreSQL's integer range are simply not found", async () => {
    expect(await say("contribute show", { id: 2 ** 31 })).toBe(`There is no contribution #${2 ** 31} in this server.`);
    expect(await say("evaluation show", { contribution: 2 ** 40 })).toBe(
      `There is no contribution #${2 ** 40} in this server.`,
    );
    expect(await say("proposal show", { proposal: 2 ** 31 })).toMatch(/^There is no proposal #2147483648/);
  });

  it("refuses NUL bytes and lone surrogates, text of only invisible characters, and ideas without words", async () => {
    const submit = (title: string) =>
      say("contribute submit", { title, description: "Described properly.", category: "docs" });
    expect(await submit("a\u0000b")).toBe(
      "The title contains a NUL character (\\0), which cannot be stored. Please retype it without that character.",
    );
    expect(await submit("x\ud800")).toBe(
      "The title contains broken Unicode (a lone surrogate), which cannot be stored. Please retype it without that character.",
    );
    expect(await submit("\u200b\u200b\u2060")).toBe("The title is empty. Please write something in it.");
    expect(await say("propose", { idea: "!" })).toBe(
      "The idea has no words in it, only punctuation or symbols. Please write it out.",
    );
    expect(await stack.steward.container.services.db.contribution.count()).toBe(0);
  });

  it("reads ids inside custom ids strictly: a garbled one is a clear refusal, not an incident", () => {
    expect(idArgument("12")).toBe(12);
    for (const bad of [undefined, "", "0", "-1", "1e3", "12abc", "2147483648", "99999999999"]) {
      expect(() => idArgument(bad), String(bad)).toThrow(expect.objectContaining({ code: "invalid_component" }));
    }
  });

  it("refuses hours that would be stored as 0", async () => {
    expect(
      await say("contribute submit", { title: "Tiny", description: "Tiny work.", category: "docs", hours: 0.001 }),
    ).toBe("0.001 is not a valid number of hours: give a number from 0.01 to 1000 (hours are kept to two decimals).");
  });

  it("checks a drafted recipient's checksum and the budget's decimals and size", async () => {
    expect(
      await say("propose", { idea: "Pay 50 STEW to 0x52908400098527886E0F7030069857D2E4169Ee7 for the docs sprint." }),
    ).toBe(
      "`0x52908400098527886E0F7030069857D2E4169Ee7` is not a valid Ethereum address. It must be 0x followed by 40 hex characters (mixed case only with a valid checksum).",
    );
    const drafted = finalResponse(await stack.client.run("bea", "propose", { idea: "Run a docs sprint next month." }));
    const edit = async (budget: string) => {
      const modal = finalResponse(
        await stack.client.click("bea", drafted.messageId as string, componentId(drafted, "Edit")),
      ) as { kind: string; customId?: string };
      expect(modal.kind).toBe("modal");
      return finalResponse(
        await stack.client.submitModal(
          "bea",
          modal.customId as string,
          { title: "Docs sprint", summary: "A sprint.", motivation: "Docs.", specification: "Write docs.", budget },
          drafted.messageId,
        ),
      ).content;
    };
    const address = "0x52908400098527886E0F7030069857D2E4169EE7";
    expect(await edit(`12.1234567890123456789 ${address}`)).toBe(
      "`12.1234567890123456789 0x52908400098527886E0F7030069857D2E4169EE7`: the token has 18 decimals, so an amount can have at most 18 digits after the point.",
    );
    // The modal's 100-character field cannot hold a 256-bit overflow with an address; the parser refuses it anyway.
    expect(() => parseBudget(`${"9".repeat(80)} ${address}`, 18)).toThrow(
      expect.objectContaining({ code: "invalid_budget", context: expect.objectContaining({ problem: "too_large" }) }),
    );
    expect(await edit(`0 ${address}`)).toMatch(/must ask for more than 0 tokens/);
  });

  it("keeps every reply within Discord's limits, and the sandbox refuses an over-long edit as Discord does", async () => {
    const long = "y".repeat(4_000);
    const reply = await say("wallet link", { address: long });
    expect(reply.length).toBeLessThanOrEqual(2000);
    expect(reply).toMatch(/^`y{117}…` is not a valid Ethereum address/);
    const clamped = clampPayload({
      content: "z".repeat(3_074),
      embeds: [
        {
          description: "d".repeat(5_000),
          fields: Array.from({ length: 30 }, () => ({ name: "n", value: "v".repeat(2_000) })),
        },
        { description: "e".repeat(4_000) },
      ],
    });
    expect(() => checkMessageLimits(clamped as never)).not.toThrow();
    expect(clamped.content).toHaveLength(2000);
    expect(() => checkMessageLimits({ content: "z".repeat(3_074) })).toThrow(/content must be 2000 or fewer/);
    expect(() =>
      checkMessageLimits({ embeds: [{ description: "d".repeat(4_000) }, { description: "e".repeat(2_500) }] }),
    ).toThrow(/total size of all embeds must be 6000 or fewer/);
  });
});
