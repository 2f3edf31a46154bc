import { skeleton } from "../base/skeleton.ts";

// Scripts written without spaces between words: their runs of letters are cut into words by ICU's dictionary.
const UNSPACED =
  "\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Thai}\\p{Script=Lao}\\p{Script=Khmer}\\p{Script=Myanmar}";
const UNSPACED_CHAR = new RegExp(`[${UNSPACED}]`, "u");
// Blanks between two such letters separate no words: "修 复 了" is "修复了" spaced out to look like other text.
const BLANK_INSIDE_UNSPACED = new RegExp(`(?<=[${UNSPACED}])\\s+(?=[${UNSPACED}])`, "gu");
// CJK punctuation (、。「」…): the confusables table maps 。 to a modifier letter (˳), which would glue sentences.
const CJK_PUNCTUATION = /[\u3000-\u3004\u3008-\u3020\u3030\uff61-\uff65]/g;
const wordSegmenter = new Intl.Segmenter("zh", { granularity: "word" });
const COMBINING_MARK = /\p{M}/gu;

/**
 * The words of a text's UTS #39 skeleton: lookalike letters, case and invisible characters compare equal, and so do
 * accented and plain letters (Spanish "corregí" is one word, the same as "corregi": a copy without its accents is a
 * copy; the accents no longer cut words in two, as they did). Runs in scripts written without spaces (Chinese,
 * Japanese, Thai…) are cut into words by Intl.Segmenter, so that a Chinese sentence is many words, as its English
 * translation is, not one.
 */
export function skeletonWords(text: string): string[] {
  const runs =
    skeleton(text.replace(CJK_PUNCTUATION, " "))
      .replace(BLANK_INSIDE_UNSPACED, "")
      .match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];
  return runs.flatMap((run) =>
    UNSPACED_CHAR.test(run)
      ? [...wordSegmenter.segment(run)].filter((s) => s.isWordLike).map((s) => s.segment)
      : [run.replace(COMBINING_MARK, "")],
  );
}

/**
 * A text's sentences: each ends at . ! or ? before a blank, at a Chinese stop (。！？, no blank follows them), or at
 * a line break (a title is a line of its own).
 */
export function sentences(text: string): string[] {
  // Stryker disable next-line Regex: splitting on one blank or one newline more only adds blank pieces, which hold no words
  return text.split(/(?<=[.!?])\s+|(?<=[。！？｡])\s*|(?<=[.!?])(?=\p{Script=Han})|\n+/u);
}

function trigrams(w: readonly string[]): Set<string> {
  const out = new Set<string>();
  // Stryker disable next-line ArithmeticOperator: any consistent choice of three neighbours compares texts the same way
  for (let i = 0; i + 2 < w.length; i++) out.add(`${w[i]} ${w[i + 1]} ${w[i + 2]}`);
  // Stryker disable next-line EqualityOperator,StringLiteral: three words joined are the one trigram already added; the separator only keeps "a bc" and "ab c" apart
  if (w.length < 3 && w.length > 0) out.add(w.join(" "));
  return out;
}

/** The word trigrams of the text's skeleton, in its order; a text of one or two words is one shingle, whole. */
export function shingles(text: string): Set<string> {
  return trigrams(skeletonWords(text));
}

/** Sentences by their words. Equal keys are equal word lists (words hold no blank): the order of ties never shows. */
function byWords(a: { key: string }, b: { key: string }): number {
  // Stryker disable next-line EqualityOperator: `<=` only reorders ties, which are equal word lists
  return a.key < b.key ? -1 : 1;
}

/**
 * The same trigrams with the text's sentences in a canonical order (sorted by their skeletons): a copy with its
 * sentences reordered has the same set.
 */
export function orderedShingles(text: string): Set<string> {
  // NFKC first: a fullwidth stop (．) ends a sentence like its ASCII form.
  const ordered = sentences(text.normalize("NFKC"))
    .map((s) => skeletonWords(s))
    .map((w) => ({ w, key: w.join(" ") }))
    .sort(byWords);
  return trigrams(ordered.flatMap((s) => s.w));
}

/** Jaccard similarity of two shingle sets, 0-1; two empty sets are nothing alike. */
export function jaccard(x: ReadonlySet<string>, y: ReadonlySet<string>): number {
  // Stryker disable next-line ConditionalExpression,LogicalOperator: with one side empty nothing is common and the ratio is 0 anyway; the check keeps two empty texts from 0/0
  if (x.size === 0 || y.size === 0) return 0;
  let common = 0;
  for (const s of x) if (y.has(s)) common++;
  return common / (x.size + y.size - common);
}

/**
 * How alike two texts are, 0-1: the Jaccard similarity of their skeletons' word trigrams, in the texts' order or
 * with the sentences of both in canonical order, whichever is higher (a copy with its sentences reordered is a copy).
 */
export function similarity(a: string, b: string): number {
  return Math.max(jaccard(shingles(a), shingles(b)), jaccard(orderedShingles(a), orderedShingles(b)));
}

/** At or above this similarity a contribution is a near-duplicate of earlier work. */
export const NEAR_DUPLICATE = 0.8;

/**
 * The earlier text most similar to this one (the first of equally similar ones), when it is a near-duplicate.
 * Earlier texts are `title\ndescription`, as the contribution's own.
 */
export function nearestDuplicate(
  text: string,
  earlier: readonly { id: number; text: string }[],
): { id: number; score: number } | undefined {
  const mine = shingles(text);
  const mineOrdered = orderedShingles(text);
  let best: { id: number; score: number } | undefined;
  for (const e of earlier) {
    const score = Math.max(jaccard(mine, shingles(e.text)), jaccard(mineOrdered, orderedShingles(e.text)));
    if (score >= NEAR_DUPLICATE && score > (best?.score ?? 0)) best = { id: e.id, score };
  }
  return best;
}
