import { sentences, skeletonWords } from "./textShingles.ts";

/**
 * How long a text is, counted as the same content written in English would be: the rubric's "enough to judge" and
 * the LLM prompt's length hint must not favour a language for saying the same thing in more characters.
 *
 * The factors are measured on the fairness corpus (test/fixtures/fairness/corpus.json: 26 contributions, each in
 * English, Simplified Chinese and Spanish; test/llm/fairnessCorpus.test.ts recomputes them and fails if they drift):
 * - A Han character stands for 3.15 English characters: the median over the corpus of (English length − the
 *   Chinese text's other characters) / its Han characters (per item 2.1–4.4; Latin words, digits, URLs and
 *   punctuation inside Chinese text count as themselves).
 * - Spanish says the same in 1.2 times English's characters (median of Spanish / English length, per item
 *   0.81–1.55: longer words and more of them — articles, "de", "que"): Spanish text counts 0.83 per character.
 * Other scripts and languages count one per UTF-16 unit, as English does: nobody has measured them yet (Japanese
 * kana, Korean and Thai are as dense as they are unmeasured); add them to the corpus before giving them a factor.
 */
export const HAN_FACTOR = 3.15;
export const SPANISH_FACTOR = 0.83;

const HAN = /\p{Script=Han}/gu;
const LATIN_WORD = /\p{Script=Latin}+/gu;

// Spanish function words that English text practically never uses as words ("a", "son", "sin" are English too).
const SPANISH_WORDS = new Set(
  "de del la las el los que en y por para con una un al lo como más su sus se es está están pero este esta estos ya muy también sobre entre cuando".split(
    " ",
  ),
);

export type MeasuredLanguage = "zh" | "es" | "other";

/**
 * The language a description's length is measured in: zh when Han characters outweigh Latin letters, es when at
 * least two of its Latin words and a fifth of them are Spanish function words (a quarter to a half of Spanish
 * text's words are; a name like "Los Angeles" in English is one); otherwise "other" (English and
 * every unmeasured language, counted one per character).
 */
export function measuredLanguage(text: string): MeasuredLanguage {
  // A link is in no language.
  const prose = text.normalize("NFC").replace(/https?:\/\/[^\s\p{Script=Han}\u3000-\u303f\uff00-\uffef]+/gu, " ");
  const han = prose.match(HAN)?.length ?? 0;
  const latin = prose.match(LATIN_WORD) ?? [];
  if (han > 0 && han >= latin.join("").length) return "zh";
  const spanish = latin.filter((w) => SPANISH_WORDS.has(w.toLowerCase())).length;
  return spanish >= 2 && spanish * 5 >= latin.length ? "es" : "other";
}

/**
 * A piece of text's length in English-equivalent characters, unrounded: Han characters count HAN_FACTOR, every
 * other UTF-16 unit 1, all of it × SPANISH_FACTOR in a Spanish text. English text keeps its plain `.length`.
 */
export function englishEquivalent(piece: string, language: MeasuredLanguage): number {
  const han = piece.match(HAN) ?? [];
  // Han outside the Basic Multilingual Plane is two UTF-16 units: count the character, not its units.
  const hanUnits = han.reduce((n, c) => n + c.length, 0);
  const length = piece.length - hanUnits + han.length * HAN_FACTOR;
  return language === "es" ? length * SPANISH_FACTOR : length;
}

/** A whole text's English-equivalent length, rounded, in the language measured from the text itself. */
export function englishEquivalentLength(text: string): number {
  return Math.round(englishEquivalent(text, measuredLanguage(text)));
}

/**
 * The length that carries information: each sentence counted once (by skeleton), so pasting the same lines again
 * adds nothing, in English-equivalent characters (a Han character counts HAN_FACTOR, Spanish SPANISH_FACTOR per
 * character, English as it is), so that the same work is as long in every measured language. The rubric only asks
 * how much of "enough to judge" (80 characters) there is: more text earns nothing.
 */
export function informativeLength(text: string): number {
  const language = measuredLanguage(text);
  const seen = new Set<string>();
  let n = 0;
  for (const sentence of sentences(text)) {
    const key = skeletonWords(sentence).join(" ");
    if (key === "" || seen.has(key)) continue;
    seen.add(key);
    n += englishEquivalent(sentence.trim(), language);
  }
  return Math.round(n);
}
