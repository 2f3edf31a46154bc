import { type Client, DiscordAPIError } from "discord.js";
import { PostRefused } from "../describePostFailure.ts";
import { missingPostPermissions } from "../postPermissions.ts";

const listWords = (words: string[]) =>
  words.length <= 1 ? (words[0] ?? "") : `${words.slice(0, -1).join(", ")} and ${words.at(-1)}`;

/**
 * The text channel to post in, checked before anything is sent: a missing channel or permission is refused here
 * with what to fix (a 403 from Discord would say less, and many of them get a bot temporarily banned).
 */
export function postChannel(client: Client, guildId: string, nameOrId: string) {
  if (!client.isReady()) throw new PostRefused("the bot is not connected to Discord");
  const channel = client.guilds.cache
    .get(guildId)
    ?.channels.cache.find((c) => c.id === nameOrId || c.name === nameOrId);
  if (!channel?.isTextBased() || !("send" in channel)) {
    throw new PostRefused(`there is no text channel named #${nameOrId} (create it, or set the channel setting)`);
  }
  const missing = missingPostPermissions(channel, client.user).map((p) => p.name);
  if (missing.length > 0) throw new PostRefused(`I lack ${listWords(missing)} there`);
  return channel;
}

export type PostChannel = ReturnType<typeof postChannel>;

/** `#name` of a channel setting (a name, or an id the bot can resolve), for a moderator to read. */
export function channelLabel(client: Client, nameOrId: string): string {
  const found = client.isReady() ? client.channels.cache.get(nameOrId) : undefined;
  return `#${found && "name" in found && found.name ? found.name : nameOrId}`;
}

export const isUnknownMessage = (error: unknown) => error instanceof DiscordAPIError && error.code === 10008;
