import { type Client, Events, type Guild } from "discord.js";
import { type Translator, translator } from "../i18n/translator.ts";
import { matchRole } from "./configuredRoles.ts";
import type { BotDeps } from "./context.ts";

/** What a role setting that two roles answer to means now, in words for the log (English) and the doctor. */
export function sameNameProblem(
  t: Translator,
  key: string,
  value: string,
  sameName: string[],
  kept: string | null,
): string {
  const values = {
    setting: key,
    value,
    roleCount: sameName.length,
    ids: sameName.join(", "),
    others: sameName.length - 1,
  };
  return kept ? t.t("setup.role.sameNameKept", { ...values, kept }) : t.t("setup.role.sameNameNone", values);
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
      return match.sameName.length > 0 ? [sameNameProblem(translator("en"), key, value, match.sameName, match.id)] : [];
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
