import { describe, expect, it } from "vitest";
import { localeFromAcceptLanguage, supportedLocale } from "../../src/i18n/locales.ts";

describe("locales", () => {
  it("map Discord's locales to the languages Steward speaks", () => {
    expect(["en-US", "en-GB", "zh-CN", "es-ES", "es-419", "zh-TW", "fr", "", null].map(supportedLocale)).toEqual([
      "en",
      "en",
      "zh-CN",
      "es-ES",
      "es-ES",
      null,
      null,
      null,
      null,
    ]);
  });

  it("read Accept-Language by weight, first listed on a tie, English when nothing matches", () => {
    expect(localeFromAcceptLanguage("fr-FR,fr;q=0.9,es;q=0.8,en;q=0.7")).toBe("es-ES");
    expect(localeFromAcceptLanguage("zh-CN,zh;q=0.9")).toBe("zh-CN");
    expect(localeFromAcceptLanguage("en;q=0.5, zh-Hans;q=0.8")).toBe("zh-CN");
    expect(localeFromAcceptLanguage("de, es;q=0")).toBe("en");
    expect(localeFromAcceptLanguage(undefined)).toBe("en");
  });
});
