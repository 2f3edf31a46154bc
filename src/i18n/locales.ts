/** The languages Steward speaks. Adding one: a catalog per namespace in `catalogs/<locale>/`, and a line here. */
export const LOCALES = ["en", "zh-CN", "es-ES"] as const;
export type Locale = (typeof LOCALES)[number];

export const DEFAULT_LOCALE: Locale = "en";

/** Each language's own name, for a language switch. */
export const LOCALE_NAMES: Record<Locale, string> = { en: "English", "zh-CN": "简体中文", "es-ES": "Español" };

/**
 * The Steward language for a Discord or BCP 47 locale, or null when Steward does not speak it: every English variant
 * reads English, Latin-American Spanish (`es-419`) reads the Spanish catalog, Simplified Chinese reads `zh-CN`.
 * Traditional Chinese (`zh-TW`) is not Simplified Chinese, so it is not mapped to it.
 */
export function supportedLocale(tag: string | null | undefined): Locale | null {
  if (!tag) return null;
  const lower = tag.trim().toLowerCase().replaceAll("_", "-");
  const [language, region] = lower.split("-");
  if (language === "en") return "en";
  if (language === "es") return "es-ES";
  if (language === "zh") {
    if (region === undefined || region === "cn" || region === "sg" || region === "hans") return "zh-CN";
    return null;
  }
  return null;
}

/**
 * The best language for an HTTP `Accept-Language` header (RFC 9110 § 12.5.4): the supported tag with the highest
 * weight, the first listed on a tie; English when none is supported.
 */
export function localeFromAcceptLanguage(header: string | undefined): Locale {
  if (!header) return DEFAULT_LOCALE;
  const ranked = header
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const weight = q ? Number(q.slice(2)) : 1;
      return { tag: tag.trim(), weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((r) => r.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  for (const r of ranked) {
    const locale = supportedLocale(r.tag);
    if (locale) return locale;
  }
  return DEFAULT_LOCALE;
}

/** The Discord locales each Steward language answers to (for `name_localizations` / `description_localizations`). */
export const DISCORD_LOCALES: Record<Exclude<Locale, "en">, readonly string[]> = {
  "zh-CN": ["zh-CN"],
  "es-ES": ["es-ES", "es-419"],
};
