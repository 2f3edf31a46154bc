import { readFileSync } from "node:fs";
import type { IncomingMessage } from "node:http";
import { join } from "node:path";
import type { StaticPage } from "./staticPages.ts";
import {
  DISCORD_LOCALE_OF,
  WEB_LANGUAGE_NAMES,
  WEB_LANGUAGES,
  WEB_WORDS,
  type WebLanguage,
  type WebWordKey,
  webLanguageFromAcceptLanguage,
  webLanguageOf,
} from "./webWords.ts";

/** The cookie the client's language links set, so the choice holds on the next visit. */
export const WEB_LANGUAGE_COOKIE = "sandbox_lang";

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

/**
 * The client's language: `?lang=` (a language link), else the cookie it set, else the browser's `Accept-Language`,
 * else English; `chosen` when a link chose it (the answer then sets the cookie).
 */
export function webLanguage(req: IncomingMessage, url: URL): { language: WebLanguage; chosen: boolean } {
  const fromQuery = webLanguageOf(url.searchParams.get("lang"));
  if (fromQuery) return { language: fromQuery, chosen: true };
  const cookie = /(?:^|;\s*)sandbox_lang=([^;]*)/.exec(req.headers.cookie ?? "")?.[1];
  const fromCookie = cookie ? webLanguageOf(decodeURIComponent(cookie)) : null;
  if (fromCookie) return { language: fromCookie, chosen: false };
  return { language: webLanguageFromAcceptLanguage(req.headers["accept-language"]), chosen: false };
}

function render(template: string, language: WebLanguage): string {
  const words = WEB_WORDS[language];
  const links = WEB_LANGUAGES.map(
    (l) =>
      `<a href="?lang=${l}" hreflang="${l}" lang="${l}"${l === language ? ' aria-current="true"' : ""}>${escapeHtml(WEB_LANGUAGE_NAMES[l])}</a>`,
  ).join(" ");
  // The template is a page of its own (English, empty data block), so that tools can read it as HTML.
  return template
    .replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
      if (name === "languageLinks") return links;
      const text = words[name as WebWordKey];
      if (text === undefined) throw new Error(`index.html names ${name}, which the word list does not have`);
      return name.endsWith("Html") ? text : escapeHtml(text);
    })
    .replace(
      '<html lang="en" data-discord-locale="en-US">',
      `<html lang="${language}" data-discord-locale="${DISCORD_LOCALE_OF[language]}">`,
    )
    .replace(
      '<script type="application/json" id="words">{}</script>',
      // `<` escaped so that no word can close the data block.
      () => `<script type="application/json" id="words">${JSON.stringify(words).replace(/</g, "\\u003c")}</script>`,
    );
}

/** The client's page in each of its languages, rendered once from web/index.html. */
export function webIndexPages(dir: string, page: StaticPage): (req: IncomingMessage, url: URL) => StaticPage {
  const template = readFileSync(join(dir, "index.html"), "utf8");
  const rendered = new Map(WEB_LANGUAGES.map((l) => [l, Buffer.from(render(template, l))] as const));
  return (req, url) => {
    const { language, chosen } = webLanguage(req, url);
    return {
      body: rendered.get(language) as Buffer,
      headers: {
        ...page.headers,
        // One address, several languages: caches keep one copy per header that chose it.
        vary: "Accept-Language, Cookie",
        "content-language": language,
        ...(chosen
          ? { "set-cookie": `${WEB_LANGUAGE_COOKIE}=${language}; Path=/; Max-Age=31536000; SameSite=Lax` }
          : {}),
      },
    };
  };
}
