import { type Client, Events, type Guild } from "discord.js";
import { matchRole } from "./configuredRoles.ts";
import type { BotDeps } from "./context.ts";

/** What a role setting that two roles answer to means now, in words for the log and the doctor. */
export function sameNameProblem(key: string, value: string, sameName: string[], kept: string | null): string {
  return `${key} "${value}" is the name of ${sameName.length} roles (ids ${sameName.join(", ")}): ${
    kept
      ? `Steward keeps the one it resolved first (id ${kept}) and gives the others no authority`
      : "Steward cannot tell which is meant, so nobody holds it for Steward"
  }. Set ${key} to the right role's id, and delete or rename the other role${sameName.length > 2 ? "s" : ""} (Server Settings → Roles).`;
}

/**
 * Resolves the configured role names to ids in each served guild once the client is ready, and again whenever a
 * role is created, changed or deleted; a name two roles carry is logged as an error each time that changes.
 */
export function watchConfiguredRoles(client: Client, deps: BotDeps): void {
  const said = new Map<string, string>();
  const resolve = (guild: Guild) => {
    if (!deps.guildIds.includes(guild.id)) return;
    const problems = deps.settings.roles.flatMap(({ key, value }) => {
      const match = matchRole(guild, value);
      return match.sameName.length > 0 ? [sameNameProblem(key, value, match.sameName, match.id)] : [];
    });
    const summary = problems.join("\n");
    if (said.get(guild.id) === summary) return;
    said.set(guild.id, summary);
    for (const problem of problems) deps.logger.error({ guildId: guild.id }, `roles: ${problem}`);
  };
  client.once(Events.ClientReady, (ready) => {
    for (const guild of ready.guilds.cache.values()) resolve(guild);
  });
  client.on(Events.GuildCreate, resolve);
  client.on(Events.GuildRoleCreate, (role) => resolve(role.guild));
  client.on(Events.GuildRoleUpdate, (_old, role) => resolve(role.guild));
  client.on(Events.GuildRoleDelete, (role) => resolve(role.guild));
}
