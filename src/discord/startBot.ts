import { Client, Events, GatewayIntentBits } from "discord.js";
import type { BotDeps } from "./context.ts";
import { handleInteraction } from "./handleInteraction.ts";

export interface BotOptions {
  token: string;
  /** Base URL of Discord's API (without /v10); a local sandbox in development and tests. */
  apiUrl?: string | undefined;
}

/** A logged-in discord.js client wired to Steward's handlers; resolves once the gateway is ready. */
export async function startBot(deps: BotDeps, options: BotOptions): Promise<Client<true>> {
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    rest: options.apiUrl ? { api: options.apiUrl } : {},
  });
  client.on(Events.InteractionCreate, (interaction) => {
    handleInteraction(interaction, deps).catch((err) => deps.logger.error({ err }, "interaction handler crashed"));
  });
  client.on(Events.Error, (err) => deps.logger.error({ err }, "discord client error"));
  client.on(Events.ShardReconnecting, (shardId) => deps.logger.warn({ shardId }, "gateway reconnecting"));
  const ready = new Promise<Client<true>>((resolve) => client.once(Events.ClientReady, resolve));
  await client.login(options.token);
  const readyClient = await ready;
  deps.logger.info({ user: readyClient.user.tag, guilds: readyClient.guilds.cache.size }, "discord client ready");
  return readyClient;
}
