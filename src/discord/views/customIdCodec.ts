/**
 * Custom ids are `prefix:arg:arg…` (the router splits on `:`) and Discord refuses any longer than 100 characters.
 * Text inside an argument escapes only what would break that split, so it stays as short as the person typed it and
 * never has to be cut (cutting percent-encoding mid-escape is what made a filtered page 2 throw).
 */
export const CUSTOM_ID_MAX = 100;

/** `%`, `:` and a leading `~` (which marks a stashed value, see below) are written as `%25`, `%3A`, `%7E`. */
export function encodeIdPart(text: string): string {
  return text.replace(/[%:]/g, (c) => (c === "%" ? "%25" : "%3A")).replace(/^~/, "%7E");
}

/** The inverse of `encodeIdPart`; total: a garbled part decodes to some text rather than throwing. */
export function decodeIdPart(part: string): string {
  return part.replace(/%(25|3A|7E)/gi, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

/** A value carried by a short key instead of in the id itself, for text too long to fit. */
export const STASH_MARK = "~";
export const isStashKey = (part: string) => part.startsWith(STASH_MARK);

/**
 * The custom id, or null when it would exceed Discord's limit. Counted in UTF-16 units, which is never less than
 * the code points Discord counts, so a fitting id fits on either count.
 */
export function joinCustomId(prefix: string, args: (string | number)[]): string | null {
  const id = [prefix, ...args.map(String)].join(":");
  return id.length <= CUSTOM_ID_MAX ? id : null;
}
