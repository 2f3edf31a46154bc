/**
 * Text a person (or the model, from what people wrote) chose, made safe to show inside Steward's own messages:
 * Discord renders markdown in message content, embed titles, descriptions and field values, so an unescaped title
 * could carry a masked link (`[claim your reward](https://evil.example)`), a heading, a block quote, a mention or a
 * timestamp, all in the bot's voice. Every view that shows user text passes it through here.
 *
 * Discord honours a backslash before any character that is not a letter, digit or space (simple-markdown's escape
 * rule), so escaping is total: each character that can start markup is escaped wherever it stands, which also
 * covers what discord.js `escapeMarkdown` leaves out by default (headings, subtext, lists, masked links, `<…>`
 * mentions, timestamps and emoji, autolinks).
 */

/**
 * Invisible format characters (Unicode Cf: bidi overrides, embeddings and isolates, zero-width spaces, joiners'
 * neighbours, BOM, tag characters) are removed: they can reverse the text around them or make two names look alike.
 * The zero-width joiner stays, since emoji sequences need it and it changes no order.
 */
const INVISIBLE = /(?!\u200D)\p{Cf}/gu;

/**
 * Always markup somewhere: emphasis, code, spoilers, quotes, masked links (`[`…`]`: a `(` alone is plain text),
 * mentions, timestamps, emoji and `<url>` (`<`), `@everyone`, escapes.
 */
const ALWAYS = /[\\*_~`|<>[\]@]/g;
/** Markup only where a line begins: headings (`#`), subtext (`-#`), lists (`-`, `+`, `1.`). */
const LINE_START = /^([ \t]*)([#+-]|\d+\.)/gm;
/** A scheme's `://` would make a bare address clickable. */
const AUTOLINK = /:(?=\/\/)/g;

function escapeAll(text: string): string {
  return text
    .replace(INVISIBLE, "")
    .replace(ALWAYS, "\\$&")
    .replace(AUTOLINK, "\\:")
    .replace(LINE_START, (_, indent: string, mark: string) =>
      mark.endsWith(".") ? `${indent}${mark.slice(0, -1)}\\.` : `${indent}\\${mark}`,
    );
}

/** Cuts the raw text so its escaped form fits `max`, never splitting an escape or a surrogate pair. */
function fitEscaped(text: string, max: number, ellipsis: string): string {
  const whole = escapeAll(text);
  if (whole.length <= max) return whole;
  const chars = [...text];
  let lo = 0;
  let hi = chars.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (escapeAll(chars.slice(0, mid).join("")).length + ellipsis.length <= max) lo = mid;
    else hi = mid - 1;
  }
  return `${escapeAll(chars.slice(0, lo).join("")).trimEnd()}${ellipsis}`;
}

/** Multi-line user text (descriptions, summaries, reasons, rationales), at most `max` characters once escaped. */
export function userText(text: string, max = 4096): string {
  return fitEscaped(text, max, " …") || "—";
}

/** One-line user text (titles, names, list items): line breaks become spaces, so it cannot start a line of its own. */
export function userLine(text: string, max = 256): string {
  return fitEscaped(text.replace(/\s*[\r\n]+\s*/g, " "), max, "…") || "—";
}

/**
 * Labels of buttons and select options are plain text (Discord renders no markdown there), so they are not escaped;
 * only invisible characters go and the length is Discord's limit.
 */
export function userLabel(text: string, max = 100): string {
  const clean = [...text.replace(INVISIBLE, "").replace(/\s+/g, " ")];
  return (clean.length > max ? `${clean.slice(0, max - 1).join("")}…` : clean.join("")) || "—";
}

/**
 * A link Steward shows as evidence (a contribution's links): clickable, with the real host as its text, so the
 * person sees where it leads. Anything that is not an http(s) address is shown as text.
 */
export function evidenceLink(link: string): string {
  let url: URL;
  try {
    url = new URL(link.trim());
  } catch {
    return userLine(link, 300);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return userLine(link, 300);
  const href = url.href.replace(
    /[()<>[\]\s]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`,
  );
  const where = `${url.host}${url.pathname === "/" ? "" : url.pathname}`;
  return `[${userLine(decodeSafely(where), 80)}](${href})`;
}

const decodeSafely = (s: string) => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};
