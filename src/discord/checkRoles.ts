import { type Client, type Guild, Routes } from "discord.js";
import { matchRole } from "./configuredRoles.ts";
import type { DiscordSettings } from "./discordSettings.ts";
import { sameNameProblem } from "./watchConfiguredRoles.ts";

/** Each configured role: that exactly one role answers to it (by id, or by a name no other role carries). */
export function checkRoles(guild: Guild, settings: DiscordSettings): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const { key, value } of settings.roles) {
    if (seen.has(`${key}:${value}`)) continue;
    seen.add(`${key}:${value}`);
    const match = matchRole(guild, value);
    if (match.sameName.length > 0) problems.push(sameNameProblem(key, value, match.sameName, match.id));
    else if (!match.id) {
      problems.push(
        `Role ${value} (${key}) does not exist in ${guild.name}: create it (Server Settings → Roles), or set ${key} to an existing role's id.`,
      );
    }
  }
  return problems;
}

/**
 * The application's Public Bot setting: on, anyone can add the bot to their own server (where Steward answers only
 * that it is not set up, but it should not be there at all).
 */
export async function checkPublicBot(client: Client<true>): Promise<string[]> {
  const app = (await client.rest.get(Routes.currentApplication())) as { bot_public?: boolean };
  return app.bot_public
    ? [
        "Public Bot is on, so anyone can add the bot to their own server: turn it off in the Discord Developer Portal → your application → Bot → Public Bot (Steward serves only DISCORD_GUILD_ID).",
      ]
    : [];
}
