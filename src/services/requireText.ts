import { UserError } from "./errors.ts";

const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\s]/gu;

/** What a reader sees of a text: without whitespace and invisible characters (zero-width spaces, joiners, marks). */
export function visibleText(text: string): string {
  return text.replace(INVISIBLE, "");
}

/**
 * A required free-text field, trimmed: refused when nothing visible is left, when it has no letter or digit at all
 * (`!`), or when it is longer than `max`.
 */
export function requireText(field: string, value: string, max: number): string {
  const text = value.trim();
  if (visibleText(text) === "") throw new UserError("field_empty", { field });
  if (!/[\p{L}\p{N}]/u.test(text)) throw new UserError("field_no_words", { field });
  if (text.length > max) throw new UserError("field_too_long", { field, max, length: text.length });
  return text;
}

/** A moderator's or author's reason: recorded, audited and shown, so it must say something. */
export function requireReason(value: string, max = 1000): string {
  const text = value.trim();
  if (visibleText(text) === "") throw new UserError("field_empty_reason", {});
  if (text.length > max) throw new UserError("field_too_long", { field: "reason", max, length: text.length });
  return text;
}
