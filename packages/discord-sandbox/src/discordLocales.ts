/** Discord's languages (AvailableLocalesEnum in Discord's OpenAPI description): a user's or a guild's `locale`. */
export const DISCORD_LOCALES = [
  "ar",
  "bg",
  "cs",
  "da",
  "de",
  "el",
  "en-GB",
  "en-US",
  "es-419",
  "es-ES",
  "fi",
  "fr",
  "he",
  "hi",
  "hr",
  "hu",
  "id",
  "it",
  "ja",
  "ko",
  "lt",
  "nl",
  "no",
  "pl",
  "pt-BR",
  "ro",
  "ru",
  "sv-SE",
  "th",
  "tr",
  "uk",
  "vi",
  "zh-CN",
  "zh-TW",
] as const;

/** The locale given, or a 400 naming the ones Discord has. */
export function discordLocaleProblem(value: unknown): string | null {
  if (typeof value === "string" && (DISCORD_LOCALES as readonly string[]).includes(value)) return null;
  return `locale must be one of Discord's languages: ${DISCORD_LOCALES.join(", ")} (got ${JSON.stringify(value)}).`;
}
