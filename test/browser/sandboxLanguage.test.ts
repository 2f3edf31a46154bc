import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { catalogs } from "../../src/i18n/catalogs/index.ts";
import { LOCALES } from "../../src/i18n/locales.ts";
import { chromiumPath, openBrowser } from "../helpers/browser.ts";
import { startTestStack, type TestStack } from "../helpers/startTestStack.ts";
import { testDatabaseKind } from "../helpers/testDatabase.ts";

const browserPath = chromiumPath();
if (!browserPath) {
  console.warn("Browser tests skipped: no Chromium here (apt-get install -y chromium, or set CHROMIUM_PATH).");
}

/**
 * A person whose browser is in Chinese tries Steward in the browser sandbox: the page speaks Chinese, Steward's
 * commands describe themselves in Chinese (their description_localizations, as Discord's client shows them), and the
 * member the page acts as has a Discord in Chinese, so every interaction carries `locale: zh-CN` and Steward answers
 * in it. The language links switch all of it to Spanish.
 */
describe.runIf(browserPath && testDatabaseKind === "embedded")("the browser sandbox in the browser's language", () => {
  let stack: TestStack;
  let browser: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    stack = await startTestStack();
    browser = await openBrowser();
    page = await browser.newPage();
    await page.setExtraHTTPHeaders({ "accept-language": "zh-CN,zh;q=0.9,en;q=0.5" });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  const locale = (name: string) => stack.sandbox.state.findUser(name)?.locale ?? "en-US";
  const send = async (path: string) => {
    const answers = await page.locator("#private article").count();
    await page.fill("#command-input", path);
    await page.click('#command-form button[type="submit"]');
    await expect.poll(() => page.locator("#private article").count(), { timeout: 15_000 }).toBeGreaterThan(answers);
  };

  it("speaks Chinese, and the member it acts as sends their interactions in Chinese", async () => {
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(stack.sandbox.url);
    await expect.poll(() => page.title()).toBe("Steward沙盒");
    expect(await page.locator("html").getAttribute("lang")).toBe("zh-CN");
    expect(await page.locator("#h-user").textContent()).toBe("你的身份");

    // A member made in the page has a Discord in the page's language.
    if (!(await page.locator("#new-user").evaluate((el) => (el as unknown as { open: boolean }).open))) {
      await page.click("#new-user summary");
    }
    await page.fill("#new-username", "li");
    await page.click('#user-form button[type="submit"]');
    await expect.poll(() => page.locator("#user-select").inputValue()).toBe("li");
    expect(locale("li")).toBe("zh-CN");

    // Steward's commands keep their names and describe themselves, and their choices, in Chinese.
    await page.fill("#command-input", "wallet show");
    await expect.poll(() => page.locator("#command-help").textContent()).toBe("显示你已关联的钱包");
    await page.fill("#command-input", "contribute list");
    expect(await page.locator('#opt-status option[value="submitted"]').textContent()).toBe("已提交");
    expect(await page.locator('label[for="opt-status"] .hint').textContent()).toBe("仅显示处于此状态的贡献");
    await send("help");
    expect(await page.locator("#private article .badge").last().textContent()).toMatch(/^仅你（li）可见 · \/\w+$/);

    // A member made elsewhere with an English Discord: acting as them from this page, they speak Chinese.
    await stack.client.createUser("ann", ["Member"]);
    expect(locale("ann")).toBe("en-US");
    await page.reload();
    await page.selectOption("#user-select", "ann");
    await send("wallet show");
    expect(locale("ann")).toBe("zh-CN");
    expect(errors).toEqual([]);
  }, 60_000);

  it("switches to Spanish with its language link, for the page and the member alike", async () => {
    await page.click('a[hreflang="es-ES"]');
    await expect.poll(() => page.title()).toBe("Sandbox de Steward");
    expect(await page.locator("html").getAttribute("lang")).toBe("es-ES");
    // The choice holds over the browser's Chinese on the next visit (a cookie).
    await page.goto(stack.sandbox.url);
    expect(await page.locator("html").getAttribute("lang")).toBe("es-ES");
    await page.selectOption("#user-select", "li");
    await page.fill("#command-input", "wallet show");
    await expect.poll(() => page.locator("#command-help").textContent()).toBe("Muestra tu cartera vinculada");
    await send("wallet show");
    expect(locale("li")).toBe("es-ES");
    stack.expectNoSpecViolations();
  }, 60_000);

  it("Steward's transparency page runs in each language: its script's words and numbers are that language's", async () => {
    const errors: string[] = [];
    const reader = await browser.newPage();
    reader.on("pageerror", (error) => errors.push(error.message));
    for (const locale of LOCALES) {
      await reader.goto(`${stack.steward.http.url}/?lang=${locale}`);
      await reader.locator("#h-proposals").waitFor();
      expect(await reader.locator("html").getAttribute("lang")).toBe(locale);
      expect(await reader.locator("#h-proposals").textContent()).toBe(catalogs[locale]["web.card.proposals"]);
      const proposals = reader.locator("section", { has: reader.locator("#h-proposals") });
      expect(await proposals.locator("p").textContent()).toBe(catalogs[locale]["web.proposals.none"]);
      expect(await reader.title()).toBe(`Steward — ${catalogs[locale]["web.card.openEpoch"]}`);
    }
    // The last one read was Spanish: a plural written by the page's script in Spanish.
    expect(await reader.locator("#h-audit").locator("..").innerText()).toMatch(
      /\d+ eventos? en el registro de auditoría\./,
    );
    await reader.close();
    expect(errors).toEqual([]);
  }, 60_000);
});
