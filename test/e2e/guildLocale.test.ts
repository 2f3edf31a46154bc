import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestStack, type TestStack } from "../helpers/startTestStack.ts";
import { until } from "../helpers/until.ts";

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack.stop());

describe("the server's language", () => {
  it("reaches the bot when a server admin changes it (GUILD_UPDATE), and the sandbox reports it", async () => {
    const guildId = (await stack.client.state()).guildId;
    const guild = () => stack.steward.client?.guilds.cache.get(guildId);
    expect(guild()?.preferredLocale).toBe("en-US");
    const refused = await stack.client.request("PUT", "/sandbox/guild", { locale: "klingon" });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain("locale must be one of Discord's languages");
    expect(await stack.client.setGuildLocale("zh-CN")).toEqual({ locale: "zh-CN" });
    await until("the bot to see the server's new language", async () => guild()?.preferredLocale === "zh-CN");
    expect(((await stack.client.state()) as { locale?: string }).locale).toBe("zh-CN");
    await stack.client.setGuildLocale("en-US");
  });

  it("gives each user the language of their Discord client, one of Discord's", async () => {
    const made = await stack.client.createUser("mei", ["Member"], { locale: "zh-CN" });
    expect(made).toMatchObject({ username: "mei", locale: "zh-CN" });
    const refused = await stack.client.request("POST", "/sandbox/users", { username: "bad", locale: "zh" });
    expect(refused.status).toBe(400);
  });
});
