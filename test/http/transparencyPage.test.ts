import Fastify, { type FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { transparencyPage } from "../../src/http/routes/transparencyPage.ts";
import { LOCALES } from "../../src/i18n/locales.ts";

let app: FastifyInstance;
beforeAll(async () => {
  app = Fastify();
  await app.register(transparencyPage());
  await app.ready();
});
afterAll(() => app.close());

const get = (url: string, headers: Record<string, string> = {}) => app.inject({ method: "GET", url, headers });
const htmlLang = (body: string) => /<html lang="([^"]+)">/.exec(body)?.[1];
/** The `web` catalog the page gives its script, as the browser reads it. */
const words = (body: string) =>
  JSON.parse(/<script type="application\/json" id="words">(.*?)<\/script>/s.exec(body)?.[1] ?? "null") as Record<
    string,
    string
  >;

describe("the transparency page's language", () => {
  it("follows the browser's Accept-Language: a Chinese browser gets the page in Chinese", async () => {
    const res = await get("/", { "accept-language": "zh-CN,zh;q=0.9,en;q=0.8" });
    expect(res.statusCode).toBe(200);
    expect(htmlLang(res.body)).toBe("zh-CN");
    expect(res.headers["content-language"]).toBe("zh-CN");
    expect(res.body).toContain("<title>Steward — 透明度</title>");
    expect(res.body).toContain('<h1><a href="#/">Steward透明度</a></h1>');
    expect(res.body).toContain("本DAO支付的每一个代币");
    expect(words(res.body)["web.card.proposals"]).toBe("提案");
    // A Chinese page is not a cached English one, and the reverse: the answer says what chose it.
    expect(String(res.headers.vary)).toMatch(/Accept-Language/);
    expect(String(res.headers.vary)).toMatch(/Cookie/);
    expect(res.headers["set-cookie"]).toBeUndefined();
  });

  it("is English without a header, and for a language Steward does not speak", async () => {
    for (const headers of [{}, { "accept-language": "fr-FR,fr;q=0.9" }, { "accept-language": "zh-TW" }] as Record<
      string,
      string
    >[]) {
      const res = await get("/", headers);
      expect(htmlLang(res.body)).toBe("en");
      expect(res.body).toContain("<title>Steward — transparency</title>");
      expect(res.body).toContain("Every token this DAO paid, traced to the vote");
      expect(words(res.body)["web.card.proposals"]).toBe("Proposals");
    }
    expect(htmlLang((await get("/", { "accept-language": "fr, es-MX;q=0.5" })).body)).toBe("es-ES");
  });

  it("switches with ?lang=, which a cookie keeps for the next visit over the browser's language", async () => {
    const chosen = await get("/?lang=es-ES", { "accept-language": "zh-CN" });
    expect(htmlLang(chosen.body)).toBe("es-ES");
    expect(chosen.body).toContain("<title>Steward — transparencia</title>");
    expect(chosen.body).toContain("Transparencia de Steward");
    expect(words(chosen.body)["web.card.payouts"]).toBe("Pagos");
    const cookie = String(chosen.headers["set-cookie"]);
    expect(cookie).toMatch(/^steward_lang=es-ES; Path=\/; Max-Age=\d+; SameSite=Lax$/);

    const next = await get("/", { "accept-language": "zh-CN", cookie: "other=1; steward_lang=es-ES" });
    expect(htmlLang(next.body)).toBe("es-ES");
    // A language link overrides the cookie; a tag Steward does not speak is ignored.
    expect(htmlLang((await get("/?lang=zh-CN", { cookie: "steward_lang=es-ES" })).body)).toBe("zh-CN");
    expect(htmlLang((await get("/?lang=fr", { "accept-language": "zh-CN" })).body)).toBe("zh-CN");
  });

  it.each(LOCALES)("in %s: every word filled in, a link to each language, the current one marked", async (locale) => {
    const res = await get(`/?lang=${locale}`);
    // (The data block holds ICU messages, whose `{{status}}` is theirs.)
    expect(res.body.replace(/<script type="application\/json"[\s\S]*?<\/script>/, "")).not.toMatch(/\{\{/);
    for (const other of LOCALES) expect(res.body).toContain(`href="?lang=${other}" hreflang="${other}"`);
    expect(res.body).toContain(`hreflang="${locale}" lang="${locale}" aria-current="true"`);
    expect(Object.keys(words(res.body)).every((k) => k.startsWith("web."))).toBe(true);
    expect(res.headers["content-security-policy"]).toMatch(/script-src 'self'/);
  });

  it("serves the message formatter the page's script uses", async () => {
    const res = await get("/format-message.js");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^text\/javascript/);
    expect(res.body).toContain("globalThis.formatMessage");
  });
});
