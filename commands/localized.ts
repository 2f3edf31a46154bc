/**
 * A description or a choice in every language Steward speaks besides English, as Discord's
 * `description_localizations` / `name_localizations` want it: Spanish is given to both of Discord's Spanish locales
 * (Spain and Latin America), as Steward's Spanish catalog answers both. `commands/` imports no other layer, so the
 * languages are named here; test/commands/definitions.test.ts checks they are every language of
 * `src/i18n/locales.ts` (a language added there without its descriptions here fails it).
 */
export interface Translations {
  readonly "zh-CN": string;
  readonly "es-ES": string;
}

export function localized(words: Translations) {
  return { "zh-CN": words["zh-CN"], "es-ES": words["es-ES"], "es-419": words["es-ES"] };
}

/**
 * A command's, subcommand's or option's description in one of Steward's languages (`en`, `zh-CN`, `es-ES`): its
 * localization, or the English description for English (for /help, which lists commands in the member's language).
 */
export function descriptionIn(
  item: { description: string; description_localizations?: Partial<Record<string, string | null>> | null },
  locale: string,
): string {
  return item.description_localizations?.[locale] ?? item.description;
}
