import { IntlMessageFormat } from "intl-messageformat";
import { type Catalog, catalogs, type MessageKey } from "./catalogs/index.ts";
import { DEFAULT_LOCALE, type Locale } from "./locales.ts";

/** A value a message may hold: text, a number (plural, `{n, number}`), a date (`{d, date}`), or a yes/no (select). */
export type MessageValue = string | number | Date | boolean;

/** Words in one language: `t(key, values)` formats that language's ICU message; numbers and lists follow it too. */
export interface Translator {
  readonly locale: Locale;
  t(key: MessageKey, values?: Record<string, MessageValue>): string;
  /** A decimal amount given as a string (token units, exact to the last digit), grouped for the language (not in English). */
  amount(decimal: string): string;
  /** A number grouped and punctuated for the language. */
  number(n: number, options?: Intl.NumberFormatOptions): string;
  /**
   * Items joined as the language joins a list ("a, b and c", "a、b和c", "a, b y c"); `narrow` for references and
   * figures ("#1, #2, #3", "#1、#2、#3", "#1, #2 y #3").
   */
  list(items: readonly string[], type?: "conjunction" | "disjunction", style?: Intl.ListFormatStyle): string;
}

const compiled = new Map<string, IntlMessageFormat>();

function format(locale: Locale, catalog: Catalog, key: MessageKey, values?: Record<string, MessageValue>): string {
  const id = `${locale}\u0000${key}`;
  let message = compiled.get(id);
  if (!message) {
    // Tags stay text: `<t:…:R>`, `<@id>` and `<#id>` are Discord markup, not rich-text elements.
    message = new IntlMessageFormat(catalog[key], locale, undefined, { ignoreTag: true });
    compiled.set(id, message);
  }
  const prepared = values && Object.fromEntries(Object.entries(values).map(([k, v]) => [k, prepare(v)]));
  return String(message.format(prepared));
}

/** A yes/no becomes `yes`/`no` for ICU `select`; everything else is given as it is. */
const prepare = (v: MessageValue) => (typeof v === "boolean" ? (v ? "yes" : "no") : v);

const translators = new Map<Locale, Translator>();

/** The translator of a language, built once. */
export function translator(locale: Locale = DEFAULT_LOCALE): Translator {
  const known = translators.get(locale);
  if (known) return known;
  const catalog = catalogs[locale];
  const numbers = new Map<string, Intl.NumberFormat>();
  const numberFormat = (options: Intl.NumberFormatOptions) => {
    const id = JSON.stringify(options);
    const known = numbers.get(id) ?? new Intl.NumberFormat(locale, options);
    numbers.set(id, known);
    return known;
  };
  const made: Translator = {
    locale,
    t: (key, values) => format(locale, catalog, key, values),
    // A string keeps every digit (Intl.NumberFormat v3); 20 is the most fraction digits Node 20 allows (tokens have 18).
    // English amounts stay as the CLI, the HTTP API and receipts write them (1234.5): one spelling of a sum in English.
    amount: (decimal) =>
      numberFormat({
        maximumFractionDigits: 20,
        useGrouping: (locale === "en" ? false : "auto") as unknown as boolean,
      }).format(decimal as unknown as number),
    number: (n, options = {}) => numberFormat(options).format(n),
    list: (items, type = "conjunction", style = "long") => new Intl.ListFormat(locale, { type, style }).format(items),
  };
  translators.set(locale, made);
  return made;
}
