import { type Client, DiscordAPIError } from "discord.js";
import type { Electorate, GuildMemberProfile } from "../services/votes/governanceSettings.ts";
import { ElectorateUnavailableError } from "../services/votes/offlineElectorate.ts";
import { configuredRoleIds, heldRoleSettings } from "./configuredRoles.ts";
import type { DiscordSettings } from "./discordSettings.ts";

/**
 * The guild's members over REST (GET /guilds/{id}/members, paged by 1000), each with the configured roles they
 * hold (as the settings write them), decided by role id.
 */
export function createElectorate(client: Client, settings: DiscordSettings): Electorate {
  return {
    async members(guildId) {
      const guild = client.guilds.cache.get(guildId) ?? (await client.guilds.fetch(guildId));
      const roleIds = configuredRoleIds(guild, settings);
      const out: GuildMemberProfile[] = [];
      let after: string | undefined;
      for (;;) {
        const page = await guild.members
          .list({ limit: 1000, ...(after ? { after } : {}), cache: false })
          .catch((error: unknown) => {
            // 50001 on the member list: the Server Members intent is off in the developer portal.
            if (error instanceof DiscordAPIError && error.code === 50001) {
              throw new ElectorateUnavailableError("the Server Members intent is off", "members_intent");
            }
            throw error;
          });
        for (const m of page.values()) {
          out.push({
            discordId: m.id,
            username: m.user.username,
            roles: heldRoleSettings(roleIds, m.roles.cache.keys()),
            joinedAt: m.joinedAt,
            bot: m.user.bot,
          });
        }
        if (page.size < 1000) return out;
        after = page.lastKey();
      }
    },
  };
}
