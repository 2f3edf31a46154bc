import { type Sandbox, startSandbox } from "@steward/discord-sandbox";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumPath, openBrowser } from "../helpers/browser.ts";
import { testDatabaseKind } from "../helpers/testDatabase.ts";

const browserPath = chromiumPath();
if (!browserPath) {
  console.warn("Browser tests skipped: no Chromium here (apt-get install -y chromium, or set CHROMIUM_PATH).");
}

/** The browser sandbox on its own (no bot needed): messages are posted over REST as the bot would post them. */
describe.runIf(browserPath && testDatabaseKind === "embedded")("the browser sandbox's messages", () => {
  let sandbox: Sandbox;
  let browser: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0 });
    browser = await openBrowser();
    page = await browser.newPage();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await sandbox?.close();
  });

  const post = async (content: string) => {
    const channel = sandbox.state.channelByName("general")?.id as string;
    const res = await fetch(`${sandbox.apiUrl}/v10/channels/${channel}/messages`, {
      method: "POST",
      headers: { authorization: `Bot ${sandbox.token}`, "content-type": "application/json" },
      body: JSON.stringify({ content }),
    });
    expect(res.status).toBe(200);
  };

  it("shows a timestamp no date can hold as the text typed, and keeps rendering the channel", async () => {
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await post("Voting ends <t:99999999999999> (or <t:-99999999999999:R>)");
    await post("Opened <t:1700000000:R>, closes <t:1700003600:f>.");
    await page.goto(`${sandbox.url}/`);
    const messages = page.locator("#messages .msg .content");
    await expect.poll(() => messages.count(), { timeout: 10_000 }).toBe(2);
    expect(await messages.nth(0).textContent()).toBe("Voting ends <t:99999999999999> (or <t:-99999999999999:R>)");
    expect(await messages.nth(1).locator("time").count()).toBe(2);
    expect(await messages.nth(1).locator("time").first().getAttribute("datetime")).toBe("2023-11-14T22:13:20.000Z");
    // The poll keeps running: a later message appears too.
    await post("A later message.");
    await expect.poll(() => messages.count(), { timeout: 10_000 }).toBe(3);
    expect(errors).toEqual([]);
  });

  it("still drives the control API from its own page (same origin): a user made in the form exists", async () => {
    await page.goto(`${sandbox.url}/`);
    if (!(await page.locator("#new-user").evaluate((el) => (el as unknown as { open: boolean }).open))) {
      await page.click("#new-user summary");
    }
    await page.fill("#new-username", "bruna");
    await page.click('#user-form button[type="submit"]');
    await expect.poll(() => page.locator("#user-select").inputValue()).toBe("bruna");
    expect(sandbox.state.findUser("bruna")).toBeDefined();
    expect(await page.locator("#user-error").textContent()).toBe("");
  });
});
