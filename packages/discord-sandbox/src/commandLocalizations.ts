import { DISCORD_LOCALES } from "./discordLocales.ts";

type Json = Record<string, unknown>;

/**
 * The first localization of a command definition (its name, description, options, choices) keyed by something that
 * is not one of Discord's locales, as "where: key"; null when every key is a Discord locale. Discord refuses such a
 * command (50035 Invalid Form Body); Discord's OpenAPI description does not name the keys, so the spec check alone
 * would let it through.
 */
export function unknownLocalization(def: Json, where = String(def.name)): string | null {
  for (const field of ["name_localizations", "description_localizations"]) {
    const map = def[field];
    if (map === undefined || map === null || typeof map !== "object") continue;
    const unknown = Object.keys(map).find((k) => !(DISCORD_LOCALES as readonly string[]).includes(k));
    if (unknown !== undefined) return `${where}.${field}: ${unknown}`;
  }
  for (const [i, choice] of (Array.isArray(def.choices) ? (def.choices as Json[]) : []).entries()) {
    const problem = unknownLocalization(choice, `${where}.choices[${i}]`);
    if (problem) return problem;
  }
  for (const option of Array.isArray(def.options) ? (def.options as Json[]) : []) {
    const problem = unknownLocalization(option, `${where} ${String(option.name)}`);
    if (problem) return problem;
  }
  return null;
}
