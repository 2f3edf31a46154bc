import { type GuildBasedChannel, PermissionFlagsBits, type User } from "discord.js";

/**
 * What Steward needs in each channel it posts in, and why (the doctor says why; a refused post says what). `key`
 * names the permission's words in the catalogs (`setup.permission.<key>.name` / `.why`) where a member reads them.
 */
export const POST_PERMISSIONS = [
  { bit: PermissionFlagsBits.ViewChannel, key: "viewChannel", name: "View Channel", why: "to see the channel" },
  { bit: PermissionFlagsBits.SendMessages, key: "sendMessages", name: "Send Messages", why: "to post" },
  { bit: PermissionFlagsBits.EmbedLinks, key: "embedLinks", name: "Embed Links", why: "posts are embeds" },
  {
    bit: PermissionFlagsBits.ReadMessageHistory,
    key: "readMessageHistory",
    name: "Read Message History",
    why: "results and evaluations reply to their post",
  },
] as const;

/** The post permissions the bot lacks in `channel`, overwrites included. */
export function missingPostPermissions(channel: GuildBasedChannel, bot: User) {
  const granted = channel.permissionsFor(bot);
  return POST_PERMISSIONS.filter((p) => !granted?.has(p.bit));
}
