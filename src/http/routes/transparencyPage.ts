import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { FastifyPluginAsync, FastifyRequest } from "fastify";
import { catalogs, type MessageKey } from "../../i18n/catalogs/index.ts";
import { LOCALE_NAMES, LOCALES, type Locale, localeFromAcceptLanguage, supportedLocale } from "../../i18n/locales.ts";
import { translator } from "../../i18n/translator.ts";
import { readStaticPages } from "../../staticPages.ts";

/** The cookie a language link sets, so the choice holds on the reader's next visit. */
export const LANGUAGE_COOKIE = "steward_lang";
const YEAR_SECONDS = 365 * 24 * 3600;

/**
 * The page's language: `?lang=` (a language link), else the cookie that link set, else the browser's
 * `Accept-Language`, else English.
 */
export function pageLocale(request: FastifyRequest): { locale: Locale; chosen: boolean } {
  const query = (request.query as Record<string, unknown> | undefined)?.lang;
  const fromQuery = typeof query === "string" ? supportedLocale(query) : null;
  if (fromQuery) return { locale: fromQuery, chosen: true };
  const cookie = /(?:^|;\s*)steward_lang=([^;]*)/.exec(request.headers.cookie ?? "")?.[1];
  const fromCookie = cookie ? supportedLocale(decodeURIComponent(cookie)) : null;
  if (fromCookie) return { locale: fromCookie, chosen: false };
  return { locale: localeFromAcceptLanguage(request.headers["accept-language"]), chosen: false };
}

/**
 * The messages transparency.js formats: the page's own (`web.*`), and the words Discord's views give an evaluation's
 * reasons (`explain.*`, criterion and flag names), so that the page says them as Discord does without a second copy.
 */
export const pageWord = (key: string) =>
  key.startsWith("web.") || key.startsWith("explain.") || key === "evaluation.criterion" || key === "evaluation.flag";

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

/**
 * index.html in one language: the page's own words filled in (`{{web.…}}`: the catalog's messages are HTML), the
 * messages transparency.js formats (pageWord: a JSON data block, which the page's script policy does not run), `<html lang>`,
 * and a link to each language.
 */
function renderIndex(template: string, locale: Locale): string {
  const t = translator(locale);
  const words = Object.fromEntries(Object.entries(catalogs[locale]).filter(([key]) => pageWord(key)));
  const languages = LOCALES.map(
    (l) =>
      `<a href="?lang=${l}" hreflang="${l}" lang="${l}"${l === locale ? ' aria-current="true"' : ""}>${escapeHtml(LOCALE_NAMES[l])}</a>`,
  ).join(" ");
  // The template is a page of its own (English, empty data block), so that tools can read it as HTML. The words go
  // in last: their messages hold `{{…}}` of their own (ICU arguments).
  return template
    .replace(/\{\{([\w.]+)\}\}/g, (_, name: string) => (name === "languages" ? languages : t.t(name as MessageKey)))
    .replace('<html lang="en">', `<html lang="${locale}">`)
    .replace(
      '<script type="application/json" id="words">{}</script>',
      // `<` escaped so that no message can close the data block.
      () => `<script type="application/json" id="words">${JSON.stringify(words).replace(/</g, "\\u003c")}</script>`,
    );
}

/** The transparency page: plain HTML, CSS and JavaScript on the public API, in the reader's language. */
export const transparencyPage = (): FastifyPluginAsync => async (app) => {
  const dir = join(import.meta.dirname, "..", "public");
  const pages = readStaticPages(dir, {
    "/": "index.html",
    "/format-message.js": "format-message.js",
    "/transparency.js": "transparency.js",
    "/transparency.css": "transparency.css",
  });
  const template = readFileSync(join(dir, "index.html"), "utf8");
  const rendered = new Map(LOCALES.map((l) => [l, renderIndex(template, l)] as const));
  const index = pages.get("/");
  for (const [path, page] of pages) {
    if (path === "/") continue;
    app.get(path, async (_request, reply) => reply.headers(page.headers).send(page.body));
  }
  app.get("/", async (request, reply) => {
    const { locale, chosen } = pageLocale(request);
    // The same URL answers in several languages: caches keep one copy per header that chose it.
    reply.headers({ ...index?.headers, vary: "Accept-Language, Cookie", "content-language": locale });
    if (chosen) {
      reply.header("set-cookie", `${LANGUAGE_COOKIE}=${locale}; Path=/; Max-Age=${YEAR_SECONDS}; SameSite=Lax`);
    }
    return reply.send(rendered.get(locale));
  });
};
