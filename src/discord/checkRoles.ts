import { type Client, type Guild, Routes } from "discord.js";
import type { Translator } from "../i18n/translator.ts";
import { matchRole } from "./configuredRoles.ts";
import type { DiscordSettings } from "./discordSettings.ts";
import { sameNameProblem } from "./watchConfiguredRoles.ts";

/** Each configured role: that exactly one role answers to it (by id, or by a name no other role carries). */
export function checkRoles(t: Translator, guild: Guild, settings: DiscordSettings): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const { key, value } of settings.roles) {
    if (seen.has(`${key}:${value}`)) continue;
    seen.add(`${key}:${value}`);
    const match = matchRole(guild, value);
    if (match.sameName.length > 0) problems.push(sameNameProblem(t, key, value, match.sameName, match.id));
    // Mentorship is open only where a server made the mentor role: without it nothing else is kept from working.
    else if (!match.id && key !== "MENTOR_ROLE")
      problems.push(t.t("setup.role.missing", { value, setting: key, guild: guild.name }));
  }
  return problems;
}

/**
 * The application's Public Bot setting: on, anyone can add the bot to their own server (where Steward answers only
 * that it is not set up, but it should not be there at all).
 */
export async function checkPublicBot(t: Translator, client: Client<true>): Promise<string[]> {
  const app = (await client.rest.get(Routes.currentApplication())) as { bot_public?: boolean };
  return app.bot_public ? [t.t("setup.publicBot")] : [];
}
