import { readFileSync } from "node:fs";
import { join } from "node:path";
import { runInNewContext } from "node:vm";
import Fastify, { type FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/openDatabase.ts";
import { createHttpServer } from "../../src/http/createHttpServer.ts";
import { transparencyPage } from "../../src/http/routes/transparencyPage.ts";
import { catalogs } from "../../src/i18n/catalogs/index.ts";
import { LOCALES } from "../../src/i18n/locales.ts";
import { translator } from "../../src/i18n/translator.ts";
import { defaultRubric } from "../../src/llm/rubric.ts";
import { rubricAssessment } from "../../src/llm/rubricEvaluator.ts";
import { createLogger } from "../../src/logger.ts";
import { serviceDeps } from "../helpers/serviceDeps.ts";
import { createTestDatabase } from "../helpers/testDatabase.ts";

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
    // The page's own words, and those Discord's views give an evaluation's reasons: nothing else of the catalogs.
    expect(
      Object.keys(words(res.body)).every(
        (k) =>
          k.startsWith("web.") || k.startsWith("explain.") || k === "evaluation.criterion" || k === "evaluation.flag",
      ),
    ).toBe(true);
    expect(words(res.body)["explain.duplicate"]).toBe(catalogs[locale]["explain.duplicate"]);
    expect(res.headers["content-security-policy"]).toMatch(/script-src 'self'/);
  });

  it("serves the message formatter the page's script uses", async () => {
    const res = await get("/format-message.js");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^text\/javascript/);
    expect(res.body).toContain("globalThis.formatMessage");
  });
});

/**
 * The page's script run as a browser runs it (format-message.js, then transparency.js, on the page's words and the
 * public API), on just enough of a DOM: what it writes into <main> once the hash's page has loaded.
 */
async function renderEvaluationPage(server: FastifyInstance, locale: string, id: number): Promise<string> {
  const html = (await server.inject({ method: "GET", url: `/?lang=${locale}` })).body;
  const wordsJson = /<script type="application\/json" id="words">(.*?)<\/script>/s.exec(html)?.[1] ?? "{}";
  const main = { innerHTML: "", querySelector: () => null, focus: () => {} };
  const document = {
    title: "",
    documentElement: { lang: htmlLang(html) },
    getElementById: (name: string) =>
      name === "main" ? main : name === "words" ? { textContent: wordsJson.replace(/\\u003c/g, "<") } : null,
    querySelectorAll: () => [],
  };
  const fetch = async (url: string) => {
    const res = await server.inject({ method: "GET", url });
    return { ok: res.statusCode < 400, status: res.statusCode, statusText: "", json: async () => res.json() };
  };
  const context: Record<string, unknown> = {
    document,
    fetch,
    location: { hash: `#/evaluation/${id}` },
    window: { addEventListener: () => {} },
  };
  context.globalThis = context;
  for (const file of ["format-message.js", "transparency.js"]) {
    runInNewContext(readFileSync(join(import.meta.dirname, "../../src/http/public", file), "utf8"), context);
  }
  await expect.poll(() => main.innerHTML, { timeout: 10_000 }).toMatch(/id="h-scores"|role="alert"/);
  expect(main.innerHTML).not.toMatch(/role="alert"/);
  return main.innerHTML;
}

/** As the page escapes text. */
const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

describe("an evaluation's page in the reader's language", () => {
  let database: Database;
  let server: FastifyInstance;
  const english = {} as { reasons: string[]; rationale: string };
  const ids = {} as { rubric: number; old: number; llm: number };

  beforeAll(async () => {
    database = await createTestDatabase();
    const db = database.prisma;
    server = await createHttpServer({
      services: serviceDeps(database),
      logger: createLogger({ level: "silent" }),
      guildId: "g",
    });
    const author = await db.member.create({ data: { guildId: "g", discordId: "1", username: "ada" } });
    const contribution = (title: string) =>
      db.contribution.create({
        data: {
          guildId: "g",
          authorId: author.id,
          title,
          titleKey: title.toLowerCase(),
          description: "Rewrote the setup guide: installation, first run, wallet linking and voting.",
          category: "docs",
          links: ["https://github.com/dao/docs/pull/42"],
          status: "evaluated",
        },
      });
    const { draft, explanation } = rubricAssessment(
      {
        title: "Setup guide",
        description: "Rewrote the setup guide: installation, first run, wallet linking and voting.",
        category: "docs",
        links: ["https://github.com/dao/docs/pull/42"],
        hours: 3,
        earlier: [],
        authorTrackRecord: 0,
        claimedElsewhere: [{ key: "github.com/dao/docs/pull/42", contributionId: 7 }],
      },
      defaultRubric,
    );
    english.reasons = draft.scores.map((s) => s.reason);
    english.rationale = draft.rationale;
    const row = (contributionId: number, withFacts: boolean) => ({
      contributionId,
      evaluator: "rubric" as const,
      model: "rubric-evaluator-3",
      promptVersion: "none",
      promptSha256: "0".repeat(64),
      rubricVersion: 1,
      inputHash: "h",
      temperature: 0,
      samples: 1,
      spread: 0,
      scores: draft.scores as never,
      total: draft.total,
      confidence: draft.confidence,
      rationale: draft.rationale,
      evidence: draft.evidence,
      droppedQuotes: 0,
      flags: draft.flags,
      suggestedReward: "1000000000000000000",
      latencyMs: 1,
      ...(withFacts ? { explanation: explanation as never } : {}),
    });
    ids.rubric = (await db.evaluation.create({ data: row((await contribution("Setup guide")).id, true) })).id;
    // Stored before evaluations kept their facts: its text is all there is.
    ids.old = (await db.evaluation.create({ data: row((await contribution("Old guide")).id, false) })).id;
    // The model's: its reasons are its own words, in the contribution's language; the category's evidence is facts.
    const llm = { ...row((await contribution("Model guide")).id, false), evaluator: "llm" as const, model: "m" };
    const evidenceOnly = { category: explanation.category, evidence: explanation.evidence };
    ids.llm = (await db.evaluation.create({ data: { ...llm, explanation: evidenceOnly as never } })).id;
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    await database?.close();
  });

  it("publishes the rubric's facts beside the stored text, and none for an evaluation stored before them", async () => {
    const e = (await server.inject({ method: "GET", url: `/api/public/evaluations/${ids.rubric}` })).json();
    expect(e.scores.map((s: { reason: string }) => s.reason)).toEqual(english.reasons);
    expect(e.rationale).toBe(english.rationale);
    expect(e.explanation.category).toBe("docs");
    expect(e.explanation.criteria.length).toBe(e.scores.length);
    expect(e.explanation.rationale).toContainEqual({ kind: "claimed", contributionIds: [7] });
    expect(e.explanation.fellBack).toBe(false);
    const old = (await server.inject({ method: "GET", url: `/api/public/evaluations/${ids.old}` })).json();
    expect(old.explanation).toBeNull();
  });

  it.each([
    ["zh-CN", ["1 个不同的链接（拉取请求）", "76 个有效字符", "自述 3 小时，不计分", "已发布文本的链接"]],
    ["es-ES", ["1 enlace distinto (pull request)", "76 caracteres informativos", "3 horas declaradas, no puntúan"]],
  ] as const)("in %s: the reasons, the rationale and the expected evidence, not the English", async (locale, said) => {
    const page = await renderEvaluationPage(server, locale, ids.rubric);
    for (const reason of english.reasons) expect(page).not.toContain(escapeHtml(reason));
    expect(page).not.toContain(escapeHtml(english.rationale));
    expect(page).not.toMatch(/distinct link|informative character|hour\(s\)|observable signals|already claimed/);
    for (const words of said) expect(page).toContain(words);
    const t = translator(locale);
    // The flags by name in the page's language, not their codes.
    expect(page).toContain(escapeHtml(t.t("evaluation.flag", { flag: "possible_duplicate_claim" })));
    expect(page).not.toContain("possible_duplicate_claim");
    expect(page).toContain(t.t("explain.rationale.intro"));
    expect(page).toContain(t.t("explain.rationale.claimed", { ids: "#7" }));
    // The evidence a docs contribution is judged by, each found or missing, named in the page's language.
    const expected = /<section[^>]*h-expected.*?<\/section>/s.exec(page)?.[0] ?? "";
    expect(expected).toContain(
      t.t("explain.expected.fieldName", { category: t.t("web.category", { category: "docs" }) }),
    );
    for (const evidence of ["published_link", "language_pair", "length"] as const) {
      expect(expected).toContain(
        `${t.t("web.evaluation.evidenceMissing")}</span> ${t.t("explain.evidenceName", { evidence })}`,
      );
    }
  });

  it("shows an old evaluation's stored text in any language", async () => {
    for (const locale of ["zh-CN", "es-ES"]) {
      const page = await renderEvaluationPage(server, locale, ids.old);
      for (const reason of english.reasons) expect(page).toContain(escapeHtml(reason));
      expect(page).toContain(escapeHtml(english.rationale));
      expect(page).not.toContain('id="h-expected"');
    }
  });

  it("shows the model's own reasons as written, beside the category's expected evidence in the reader's language", async () => {
    const page = await renderEvaluationPage(server, "es-ES", ids.llm);
    for (const reason of english.reasons) expect(page).toContain(escapeHtml(reason));
    expect(page).toContain(escapeHtml(english.rationale));
    expect(page).toContain("Qué se valora en un trabajo de documentación");
    expect(page).toContain("un enlace al texto publicado");
  });
});
