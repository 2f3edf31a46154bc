import { describe, expect, it } from "vitest";
import { namespaces as en } from "../../src/i18n/catalogs/en/index.ts";
import { namespaces as es } from "../../src/i18n/catalogs/es-ES/index.ts";
import { catalogs } from "../../src/i18n/catalogs/index.ts";
import { namespaces as zh } from "../../src/i18n/catalogs/zh-CN/index.ts";
import { LOCALES, type Locale } from "../../src/i18n/locales.ts";
import { messageArguments } from "../../src/i18n/messageArguments.ts";
import { type MessageValue, translator } from "../../src/i18n/translator.ts";

const source = catalogs.en;
const keys = Object.keys(source).sort();
const translations = LOCALES.filter((l) => l !== "en");

/**
 * Discord's limits on the slots whose keys end so (a button's label, a form's title…): a message there must fit in
 * every language. Lengths as Discord counts them (UTF-16 code units).
 */
const SLOT_LIMITS: [suffix: string, max: number][] = [
  [".button", 80],
  [".modalTitle", 45],
  [".inputLabel", 45],
  [".placeholder", 100],
  [".optionLabel", 100],
  [".optionDescription", 100],
  [".embedTitle", 256],
  [".fieldName", 256],
  [".footer", 2048],
];

/** A short value for each argument, as a view would give it: numbers for plurals, an option for selects. */
function sampleValues(message: string): Record<string, MessageValue> {
  const args = messageArguments(message);
  return Object.fromEntries(
    [...args.names].map((name) => {
      const options = args.selects.get(name);
      if (options) return [name, [...options].find((o) => o !== "other") ?? "other"];
      return [name, /count|^n$|number|total|hours|attempts|max|min|length/i.test(name) ? 12 : `${name.slice(0, 6)}`];
    }),
  );
}

describe("the catalogs", () => {
  it("name every key after its namespace, so two namespaces never define the same key", () => {
    for (const [name, messages] of Object.entries(en)) {
      for (const key of Object.keys(messages)) expect(key.startsWith(`${name}.`), `${key} in ${name}`).toBe(true);
    }
    expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort());
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
  });

  it("keep the glossary: epoch = 纪元 (not 周期 or 期), a lease = 租约; wallet = cartera", () => {
    const zhWrong = Object.entries(catalogs["zh-CN"]).filter(([, m]) => /周期|第\{\w+\}期|本期|下一期|租用#/.test(m));
    expect(zhWrong.map(([k]) => k)).toEqual([]);
    const esWrong = Object.entries(catalogs["es-ES"]).filter(([, m]) => /monedero|billetera/i.test(m));
    expect(esWrong.map(([k]) => k)).toEqual([]);
  });

  it.each(LOCALES)(
    "%s words each set of names once (a category, a status is one key, used wherever it is shown)",
    (locale) => {
      const byMessage = new Map<string, string[]>();
      for (const [key, message] of Object.entries(catalogs[locale])) {
        if (message.includes(", select,")) byMessage.set(message, [...(byMessage.get(message) ?? []), key]);
      }
      expect([...byMessage.values()].filter((ks) => ks.length > 1)).toEqual([]);
    },
  );

  it.each(translations)("%s has every English key and no other (no English shipped in its place)", (locale) => {
    expect(Object.keys(catalogs[locale]).sort()).toEqual(keys);
    const untranslated = keys.filter(
      (k) => catalogs[locale][k as keyof typeof source] === source[k as keyof typeof source],
    );
    // A message with no words to translate (a bare placeholder, markup) may be the same in every language.
    expect(
      untranslated.filter((k) => /\p{L}{3,}/u.test(source[k as keyof typeof source].replace(/\{[^}]*\}/g, ""))),
    ).toEqual([]);
  });

  it.each(translations)(
    "%s uses exactly the placeholders of the English source, and the same select options",
    (locale) => {
      const mismatched: string[] = [];
      for (const key of keys) {
        const want = messageArguments(source[key as keyof typeof source]);
        const got = messageArguments(catalogs[locale][key as keyof typeof source]);
        const same =
          [...want.names].sort().join() === [...got.names].sort().join() &&
          [...want.selects].every(
            ([name, options]) => [...options].sort().join() === [...(got.selects.get(name) ?? [])].sort().join(),
          );
        if (!same) mismatched.push(`${key}: ${[...want.names].join(",")} vs ${[...got.names].join(",")}`);
      }
      expect(mismatched).toEqual([]);
    },
  );

  it.each(LOCALES)("%s formats every message, each inside Discord's limit for its slot", (locale: Locale) => {
    const t = translator(locale);
    const tooLong: string[] = [];
    for (const key of keys) {
      const text = t.t(key as keyof typeof source, sampleValues(source[key as keyof typeof source]));
      const limit = SLOT_LIMITS.find(([suffix]) => key.endsWith(suffix))?.[1] ?? 2000;
      if (text.length > limit) tooLong.push(`${key}: ${text.length} > ${limit}`);
    }
    expect(tooLong).toEqual([]);
  });
});

describe("a translator", () => {
  it("formats token amounts exactly, grouped as each language groups them", () => {
    expect(translator("en").amount("1234567.123456789012345678")).toBe("1234567.123456789012345678");
    expect(translator("es-ES").amount("1234567.5")).toBe("1.234.567,5");
    expect(translator("zh-CN").amount("1234567.5")).toBe("1,234,567.5");
  });

  it("joins lists as each language does", () => {
    expect(translator("en").list(["a", "b", "c"])).toBe("a, b, and c");
    expect(translator("es-ES").list(["a", "b", "c"])).toBe("a, b y c");
    expect(translator("zh-CN").list(["a", "b", "c"])).toBe("a、b和c");
  });

  it("keeps Discord markup as text and refuses a message whose value is missing", () => {
    expect(translator("en").t("common.unexpectedError", { incidentId: "<t:1:R>" })).toContain("`<t:1:R>`");
    expect(() => translator("en").t("common.unexpectedError")).toThrow(/incidentId/);
  });
});
