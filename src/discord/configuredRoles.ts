import type { Guild } from "discord.js";
import type { DiscordSettings } from "./discordSettings.ts";

/**
 * What a role setting points at in a guild: the role's id, or null when no role has that id or name, or when two
 * or more roles carry the name (`sameName`: their ids) and none of them was the one resolved before.
 */
export interface RoleMatch {
  id: string | null;
  sameName: string[];
}

/**
 * The role each name resolved to, per guild: once a name has named exactly one role, a role created later with the
 * same name (anyone with Manage Roles can make one) never takes its place.
 */
const resolved = new WeakMap<Guild, Map<string, string>>();

/** The role a setting means in `guild`: by id first, else the one role of that name (see `resolved`). */
export function matchRole(guild: Guild, value: string): RoleMatch {
  const byId = guild.roles.cache.get(value);
  if (byId && byId.id !== guild.id) return { id: byId.id, sameName: [] };
  const named = [...guild.roles.cache.values()].filter((r) => r.name === value && r.id !== guild.id).map((r) => r.id);
  let pins = resolved.get(guild);
  if (!pins) {
    pins = new Map();
    resolved.set(guild, pins);
  }
  const sameName = named.length > 1 ? named : [];
  const pinned = pins.get(value);
  if (pinned && named.includes(pinned)) return { id: pinned, sameName };
  if (named.length === 1) {
    pins.set(value, named[0] as string);
    return { id: named[0] as string, sameName };
  }
  return { id: null, sameName };
}

/** Setting value → role id, for the settings that resolve in `guild` (computed once per call site, not per member). */
export function configuredRoleIds(guild: Guild, settings: DiscordSettings): Map<string, string> {
  const ids = new Map<string, string>();
  for (const { value } of settings.roles) {
    if (ids.has(value)) continue;
    const { id } = matchRole(guild, value);
    if (id) ids.set(value, id);
  }
  return ids;
}

/**
 * The role settings (as the configuration writes them) a member holds, decided by role id: what services compare
 * with MODERATOR_ROLE, PROVIDER_ROLE, VOTER_ROLES and ROLE_WEIGHTS. A role that only shares a name counts for nothing.
 */
export function heldRoleSettings(ids: Map<string, string>, memberRoleIds: Iterable<string>): string[] {
  const held = new Set(memberRoleIds);
  return [...ids].filter(([, id]) => held.has(id)).map(([value]) => value);
}
