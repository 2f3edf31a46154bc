import { readFileSync } from "node:fs";
import { join } from "node:path";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { pageWord } from "../../src/http/routes/transparencyPage.ts";
import { catalogs, type MessageKey } from "../../src/i18n/catalogs/index.ts";
import { LOCALES } from "../../src/i18n/locales.ts";
import { messageArguments } from "../../src/i18n/messageArguments.ts";
import { type MessageValue, translator } from "../../src/i18n/translator.ts";

type FormatMessage = (message: string, values: Record<string, MessageValue>, locale: string) => string;

/** The browser's formatter (src/http/public/format-message.js), run as the page runs it: a script defining a global. */
function browserFormatter(): FormatMessage {
  const source = readFileSync(join(import.meta.dirname, "../../src/http/public/format-message.js"), "utf8");
  const context: Record<string, unknown> = { Intl };
  context.globalThis = context;
  runInNewContext(source, context);
  return context.formatMessage as FormatMessage;
}

/** Every message the page is given: its own (`web.*`) and an evaluation's reasons (`explain.*`). */
const webKeys = Object.keys(catalogs.en).filter(pageWord) as MessageKey[];

/** Values that take each branch: every select option in turn, and plural counts 0, 1, 2 and 1234. */
function valueSets(message: string): Record<string, MessageValue>[] {
  const args = messageArguments(message);
  const base = Object.fromEntries([...args.names].map((n) => [n, `<${n}>`])) as Record<string, MessageValue>;
  const sets: Record<string, MessageValue>[] = [];
  const plurals = [...args.names].filter((n) => new RegExp(`\\{\\s*${n}\\s*,\\s*plural`).test(message));
  for (const count of [0, 1, 2, 1234]) {
    const values = { ...base };
    for (const n of plurals) values[n] = count;
    sets.push(values);
    for (const [name, options] of args.selects) {
      for (const option of [...options, "unknown_value"]) sets.push({ ...values, [name]: option });
    }
  }
  return sets;
}

describe("the transparency page's message formatter", () => {
  const format = browserFormatter();

  it("has the page's messages to check, an evaluation's reasons among them", () => {
    expect(webKeys.length).toBeGreaterThan(50);
    expect(webKeys).toContain("explain.github.approved");
  });

  it.each(LOCALES)("formats every message of the page in %s exactly as the server's translator does", (locale) => {
    const t = translator(locale);
    const different: string[] = [];
    for (const key of webKeys) {
      for (const values of valueSets(catalogs.en[key])) {
        const browser = format(catalogs[locale][key], values, locale);
        const server = t.t(key, values);
        if (browser !== server) different.push(`${key} ${JSON.stringify(values)}: ${browser} ≠ ${server}`);
      }
    }
    expect(different).toEqual([]);
  });

  it("groups plural counts for the language and refuses a missing value", () => {
    expect(format("{n, plural, one {# event} other {# events}}", { n: 1234 }, "en")).toBe("1,234 events");
    expect(format("{n, plural, one {# evento} other {# eventos}}", { n: 12345 }, "es-ES")).toBe("12.345 eventos");
    expect(format("{n, plural, =0 {none} one {# event} other {# events}}", { n: 0 }, "en")).toBe("none");
    expect(() => format("Epoch {epoch}", {}, "en")).toThrow(/epoch/);
  });
});
