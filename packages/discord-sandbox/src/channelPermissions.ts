import { DiscordApiError } from "./discordApiError.ts";
import type { MentionRights } from "./mentions.ts";
import type { Overwrite, SandboxChannel, SandboxState } from "./sandboxState.ts";

/** Discord's permission bits the sandbox enforces or reports, by the names discord.js uses. */
export const PERMISSIONS = {
  Administrator: 1n << 3n,
  ViewChannel: 1n << 10n,
  SendMessages: 1n << 11n,
  ManageMessages: 1n << 13n,
  EmbedLinks: 1n << 14n,
  AttachFiles: 1n << 15n,
  ReadMessageHistory: 1n << 16n,
  MentionEveryone: 1n << 17n,
} as const;

export type PermissionName = keyof typeof PERMISSIONS;

export const isPermissionName = (name: unknown): name is PermissionName =>
  typeof name === "string" && Object.hasOwn(PERMISSIONS, name);

export const bitsOf = (names: readonly PermissionName[]) => names.reduce((bits, n) => bits | PERMISSIONS[n], 0n);

export const namesOf = (bits: bigint) =>
  (Object.keys(PERMISSIONS) as PermissionName[]).filter((n) => (bits & PERMISSIONS[n]) !== 0n);

/**
 * The bot's permissions in a channel, computed as Discord does: @everyone and the bot's roles, Administrator
 * grants all, then the channel's @everyone overwrite, its role overwrites together, and the member overwrite.
 */
export function botPermissions(state: SandboxState, channel: SandboxChannel): bigint {
  const everyone = state.roles.find((r) => r.id === state.guildId);
  const roleIds = new Set(
    state.botUser.roles.map((name) => state.roleByName(name)?.id).filter((id): id is string => id !== undefined),
  );
  let bits = BigInt(everyone?.permissions ?? "0");
  for (const r of state.roles) if (roleIds.has(r.id)) bits |= BigInt(r.permissions);
  if ((bits & PERMISSIONS.Administrator) !== 0n) return (1n << 51n) - 1n;
  const overwrites = channel.overwrites ?? [];
  const apply = (o: Overwrite | undefined) => {
    if (o) bits = (bits & ~BigInt(o.deny)) | BigInt(o.allow);
  };
  apply(overwrites.find((o) => o.type === 0 && o.id === state.guildId));
  let allow = 0n;
  let deny = 0n;
  for (const o of overwrites) {
    if (o.type === 0 && roleIds.has(o.id)) {
      allow |= BigInt(o.allow);
      deny |= BigInt(o.deny);
    }
  }
  bits = (bits & ~deny) | allow;
  apply(overwrites.find((o) => o.type === 1 && o.id === state.botUser.id));
  return bits;
}

/**
 * What Discord answers when the bot acts in a channel without a permission it needs: 50001 Missing Access without
 * View Channel (the channel is invisible), 50013 Missing Permissions for the rest.
 */
export function requireBotPermissions(state: SandboxState, channel: SandboxChannel, needed: PermissionName[]) {
  const bits = botPermissions(state, channel);
  if ((bits & PERMISSIONS.ViewChannel) === 0n) throw new DiscordApiError(403, 50001, "Missing Access");
  if (needed.some((n) => (bits & PERMISSIONS[n]) === 0n)) throw new DiscordApiError(403, 50013, "Missing Permissions");
  return bits;
}

/** What the bot may ping with these permissions in a channel: Mention Everyone, or a role that is mentionable. */
export function mentionRightsOf(state: SandboxState, bits: bigint): MentionRights {
  const everyone = (bits & PERMISSIONS.MentionEveryone) !== 0n;
  return { everyone, role: (id) => everyone || state.roles.find((r) => r.id === id)?.mentionable !== false };
}
