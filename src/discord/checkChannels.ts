import type { Client, Guild } from "discord.js";
import type { Translator } from "../i18n/translator.ts";
import { matchRole } from "./configuredRoles.ts";
import type { DiscordSettings } from "./discordSettings.ts";
import { channelNeeds, MENTION_EVERYONE, permissionWords } from "./neededPermissions.ts";

/**
 * Each configured channel: that it exists, every permission Steward will use there (overwrites included), and, where
 * notes to moderators go, that the moderator role can be pinged (mentionable, or the bot has Mention Everyone).
 */
export function checkChannels(t: Translator, client: Client<true>, guild: Guild, settings: DiscordSettings): string[] {
  const problems: string[] = [];
  // The moderator role, or while its name is ambiguous each role that carries it.
  const match = matchRole(guild, settings.moderatorRole);
  const moderators = (match.id ? [match.id] : match.sameName).flatMap((id) => guild.roles.cache.get(id) ?? []);
  const silent = moderators.filter((r) => !r.mentionable);
  const roles = t.list(
    silent.map((r) => (moderators.length > 1 ? t.t("setup.roleWithId", { name: r.name, id: r.id }) : r.name)),
  );
  for (const { setting, value, needs, pingsModerators } of channelNeeds(settings)) {
    const channel = guild.channels.cache.find((c) => c.id === value || c.name === value);
    if (!channel?.isTextBased()) {
      problems.push(t.t("setup.channel.missing", { value, setting, guild: guild.name }));
      continue;
    }
    const granted = channel.permissionsFor(client.user);
    const missing = needs.filter((p) => !granted?.has(p.bit));
    if (missing.length > 0) {
      problems.push(
        t.t("setup.channel.lacks", {
          channel: channel.name,
          setting,
          missing: missing.map((p) => permissionWords(t, p)).join(t.t("setup.itemSeparator")),
          missingCount: missing.length,
        }),
      );
    }
    if (pingsModerators && silent.length > 0 && !granted?.has(MENTION_EVERYONE.bit)) {
      problems.push(t.t("setup.channel.silent", { channel: channel.name, setting, roles, silentCount: silent.length }));
    }
  }
  return problems;
}
