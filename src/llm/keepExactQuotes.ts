/** Keeps only quotes that appear verbatim in the submission (models paraphrase and invent); counts the rest. */
export function keepExactQuotes(quotes: string[], sources: string[]): { kept: string[]; dropped: number } {
  const kept: string[] = [];
  let dropped = 0;
  for (const q of quotes) {
    const quote = q.trim();
    if (quote.length >= 3 && sources.some((s) => s.includes(quote))) {
      if (!kept.includes(quote)) kept.push(quote);
    } else {
      dropped++;
    }
  }
  return { kept, dropped };
}
