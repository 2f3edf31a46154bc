import { englishEquivalent } from "./textLength.ts";

/**
 * Keeps only quotes that appear verbatim in the submission (models paraphrase and invent); counts the rest. A quote
 * must be at least 3 characters long, a Han character counting as the 3.15 English ones it stands for (a one- or
 * two-character Chinese word is a word, as "fix" is), and may differ from the text only in Unicode normalisation (a
 * model answers "ó" composed where the member's keyboard wrote o + ◌́): what is kept is the text's own spelling.
 */
export function keepExactQuotes(quotes: string[], sources: string[]): { kept: string[]; dropped: number } {
  const kept: string[] = [];
  let dropped = 0;
  for (const q of quotes) {
    const quote = q.trim();
    const spelled = [quote, quote.normalize("NFC"), quote.normalize("NFD")].find((form) =>
      sources.some((s) => s.includes(form)),
    );
    if (spelled !== undefined && englishEquivalent(spelled, "other") >= 3) {
      if (!kept.includes(spelled)) kept.push(spelled);
    } else {
      dropped++;
    }
  }
  return { kept, dropped };
}
