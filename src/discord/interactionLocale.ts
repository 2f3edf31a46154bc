import { DEFAULT_LOCALE, type Locale, supportedLocale } from "../i18n/locales.ts";
import { type Translator, translator } from "../i18n/translator.ts";
import type { DiscordSettings } from "./discordSettings.ts";

/** The language of a guild's public posts: GUILD_LOCALE, else the guild's own (Community setting), else English. */
export function guildLocale(settings: Pick<DiscordSettings, "guildLocale">, preferred: string | null | undefined) {
  return settings.guildLocale ?? supportedLocale(preferred) ?? DEFAULT_LOCALE;
}

/**
 * The language of a reply to a member: their Discord client's, when Steward speaks it; else the guild's. Discord
 * sends both with every interaction (`locale`, `guild_locale`).
 */
export function memberLocale(
  settings: Pick<DiscordSettings, "guildLocale">,
  interaction: { locale: string; guildLocale?: string | null },
): Locale {
  return supportedLocale(interaction.locale) ?? guildLocale(settings, interaction.guildLocale);
}

/** The translator for a reply to this interaction's member. */
export function memberTranslator(
  settings: Pick<DiscordSettings, "guildLocale">,
  interaction: { locale: string; guildLocale?: string | null },
): Translator {
  return translator(memberLocale(settings, interaction));
}
