import type { Client, Guild } from "discord.js";
import { matchRole } from "./configuredRoles.ts";
import type { DiscordSettings } from "./discordSettings.ts";
import { channelNeeds, MENTION_EVERYONE } from "./neededPermissions.ts";

/**
 * Each configured channel: that it exists, every permission Steward will use there (overwrites included), and, where
 * notes to moderators go, that the moderator role can be pinged (mentionable, or the bot has Mention Everyone).
 */
export function checkChannels(client: Client<true>, guild: Guild, settings: DiscordSettings): string[] {
  const problems: string[] = [];
  // The moderator role, or while its name is ambiguous each role that carries it.
  const match = matchRole(guild, settings.moderatorRole);
  const moderators = (match.id ? [match.id] : match.sameName).flatMap((id) => guild.roles.cache.get(id) ?? []);
  const silent = moderators.filter((r) => !r.mentionable);
  const label = silent.map((r) => (moderators.length > 1 ? `${r.name} (id ${r.id})` : r.name)).join(" and ");
  for (const { setting, value, needs, pingsModerators } of channelNeeds(settings)) {
    const channel = guild.channels.cache.find((c) => c.id === value || c.name === value);
    if (!channel?.isTextBased()) {
      problems.push(
        `Channel #${value} (${setting}) does not exist in ${guild.name}: create a text channel with that name, or set ${setting} to an existing channel's name or id.`,
      );
      continue;
    }
    const granted = channel.permissionsFor(client.user);
    const missing = needs.filter((p) => !granted?.has(p.bit));
    if (missing.length > 0) {
      problems.push(
        `In #${channel.name} (${setting}) the bot lacks ${missing.map((p) => `${p.name} (${p.why})`).join(", ")}: allow ${missing.length === 1 ? "it" : "them"} for the bot's role in the channel's permissions (Edit Channel → Permissions).`,
      );
    }
    if (pingsModerators && silent.length > 0 && !granted?.has(MENTION_EVERYONE.bit)) {
      problems.push(
        `In #${channel.name} (${setting}) moderators are not notified: ${silent.length === 1 ? "the role" : "the roles"} ${label} (MODERATOR_ROLE) ${silent.length === 1 ? "is" : "are"} not mentionable and the bot lacks Mention Everyone there, so Discord shows the mention without pinging anyone. Allow Mention Everyone for the bot's role (Server Settings → Roles, or Edit Channel → Permissions; Steward never pings @everyone or @here), or turn on "Allow anyone to @mention this role" (Server Settings → Roles).`,
      );
    }
  }
  return problems;
}
