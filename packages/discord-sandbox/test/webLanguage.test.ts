import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Sandbox, startSandbox } from "../src/startSandbox.ts";
import { WEB_LANGUAGES, WEB_WORDS, webLanguageFromAcceptLanguage } from "../src/webWords.ts";

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
});
afterAll(() => sandbox?.close());

const page = async (path: string, headers: Record<string, string> = {}) => {
  const res = await fetch(`${sandbox.url}${path}`, { headers });
  return { res, body: await res.text() };
};
const htmlTag = (body: string) => /<html [^>]*>/.exec(body)?.[0] ?? "";

describe("the browser sandbox's language", () => {
  it("follows Accept-Language, and says which Discord language its member's interactions carry", async () => {
    const { res, body } = await page("/", { "accept-language": "zh-CN,zh;q=0.9,en;q=0.5" });
    expect(res.status).toBe(200);
    expect(htmlTag(body)).toBe('<html lang="zh-CN" data-discord-locale="zh-CN">');
    expect(body).toContain("<title>Steward沙盒</title>");
    expect(body).toContain("你的身份");
    expect(res.headers.get("vary")).toMatch(/Accept-Language/);
    expect(res.headers.get("content-language")).toBe("zh-CN");
    expect(res.headers.get("set-cookie")).toBeNull();

    const english = await page("/", { "accept-language": "de-DE,de;q=0.9" });
    expect(htmlTag(english.body)).toBe('<html lang="en" data-discord-locale="en-US">');
    expect(english.body).toContain("<title>Steward sandbox</title>");
  });

  it("switches with ?lang=, kept by a cookie over the browser's language", async () => {
    const chosen = await page("/?lang=es-ES", { "accept-language": "zh-CN" });
    expect(htmlTag(chosen.body)).toBe('<html lang="es-ES" data-discord-locale="es-ES">');
    expect(chosen.body).toContain("<title>Sandbox de Steward</title>");
    expect(chosen.res.headers.get("set-cookie")).toMatch(/^sandbox_lang=es-ES; Path=\/; Max-Age=\d+; SameSite=Lax$/);
    const next = await page("/", { "accept-language": "zh-CN", cookie: "sandbox_lang=es-ES" });
    expect(htmlTag(next.body)).toBe('<html lang="es-ES" data-discord-locale="es-ES">');
  });

  it.each(WEB_LANGUAGES)("in %s: every word filled in, a link to each language", async (language) => {
    const { body } = await page(`/?lang=${language}`);
    expect(body).not.toMatch(/\{\{/);
    for (const other of WEB_LANGUAGES) expect(body).toContain(`href="?lang=${other}" hreflang="${other}"`);
    const words = JSON.parse(/<script type="application\/json" id="words">(.*?)<\/script>/s.exec(body)?.[1] ?? "{}");
    expect(words).toEqual(WEB_WORDS[language]);
  });

  it("has every word in every language, each translated, with the same placeholders", () => {
    const keys = Object.keys(WEB_WORDS.en).sort();
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const language of WEB_LANGUAGES) {
      expect(Object.keys(WEB_WORDS[language]).sort(), language).toEqual(keys);
      for (const key of keys) {
        const word = WEB_WORDS[language][key as keyof typeof WEB_WORDS.en];
        expect(word.length, `${language} ${key}`).toBeGreaterThan(0);
        expect(placeholders(word), `${language} ${key}`).toEqual(
          placeholders(WEB_WORDS.en[key as keyof typeof WEB_WORDS.en]),
        );
      }
    }
    expect(WEB_WORDS["zh-CN"].send).not.toBe(WEB_WORDS.en.send);
  });

  it("reads Accept-Language by weight", () => {
    expect(webLanguageFromAcceptLanguage("en;q=0.5, es-419")).toBe("es-ES");
    expect(webLanguageFromAcceptLanguage("zh-TW, zh-CN;q=0.8")).toBe("zh-CN");
    expect(webLanguageFromAcceptLanguage("zh-TW")).toBe("en");
    expect(webLanguageFromAcceptLanguage(undefined)).toBe("en");
  });
});
