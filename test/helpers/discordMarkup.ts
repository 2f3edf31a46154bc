/**
 * A small checker of Discord's markdown (as the client renders message content, embed titles, descriptions and
 * field values): which constructs are active in a text. A backslash before any character that is not a letter,
 * digit or space shows that character as text (simple-markdown's escape rule), so escaped characters count for
 * nothing here.
 */
const RULES: [kind: string, pattern: RegExp][] = [
  ["user mention", /<@!?\d+>/g],
  ["role mention", /<@&\d+>/g],
  ["channel mention", /<#\d+>/g],
  ["command mention", /<\/[^<>\n]+:\d+>/g],
  ["timestamp", /<t:-?\d+(?::[tTdDfFR])?>/g],
  ["custom emoji", /<a?:\w+:\d+>/g],
  ["masked link", /\[[^\]\n]*\]\(\s*<?[a-z][\w+.-]*:[^)\s]*>?\s*\)/gi],
  ["autolink", /<?[a-z][\w+.-]*:\/\/[^\s<]+/gi],
  ["everyone", /@(everyone|here)\b/g],
  ["heading", /^[ \t]*#{1,3} /gm],
  ["subtext", /^[ \t]*-# /gm],
  ["block quote", /^[ \t]*>{1,3} /gm],
  ["list item", /^[ \t]*(?:[-*+]|\d+\.) /gm],
  ["code", /`/g],
  ["spoiler", /\|\|/g],
  ["strikethrough", /~~/g],
  ["emphasis", /[*_]/g],
];

/** Every active construct, as "kind" labels (one per occurrence), after Discord's escapes are applied. */
export function activeMarkup(markdown: string): string[] {
  const text = markdown.replace(/\\([^0-9A-Za-z\s])/g, "\uE000");
  return RULES.flatMap(([kind, pattern]) => [...text.matchAll(pattern)].map(() => kind)).sort();
}

/** What a reader sees: escapes resolved (markup is not interpreted, which is what the checker above is for). */
export const visibleText = (markdown: string) => markdown.replace(/\\([^0-9A-Za-z\s])/g, "$1");

/** Characters a reader cannot see that reorder or disguise text: bidi controls, zero-width spaces, BOM, tags. */
export const INVISIBLE = /(?!\u200D)\p{Cf}/u;
