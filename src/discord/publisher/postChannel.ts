import { type Client, DiscordAPIError } from "discord.js";
import { PostRefused } from "../describePostFailure.ts";
import { missingPostPermissions } from "../postPermissions.ts";

/**
 * The text channel to post in, checked before anything is sent: a missing channel or permission is refused here
 * with what to fix (a 403 from Discord would say less, and many of them get a bot temporarily banned).
 */
export function postChannel(client: Client, guildId: string, nameOrId: string) {
  if (!client.isReady()) throw new PostRefused({ kind: "not_connected" });
  const channel = client.guilds.cache
    .get(guildId)
    ?.channels.cache.find((c) => c.id === nameOrId || c.name === nameOrId);
  if (!channel?.isTextBased() || !("send" in channel)) {
    throw new PostRefused({ kind: "no_channel", channel: nameOrId });
  }
  const missing = missingPostPermissions(channel, client.user).map((p) => p.name);
  if (missing.length > 0) throw new PostRefused({ kind: "missing_permissions", permissions: missing });
  return channel;
}

export type PostChannel = ReturnType<typeof postChannel>;

/** `#name` of a channel setting (a name, or an id the bot can resolve), for a moderator to read. */
export function channelLabel(client: Client, nameOrId: string): string {
  const found = client.isReady() ? client.channels.cache.get(nameOrId) : undefined;
  return `#${found && "name" in found && found.name ? found.name : nameOrId}`;
}

export const isUnknownMessage = (error: unknown) => error instanceof DiscordAPIError && error.code === 10008;
