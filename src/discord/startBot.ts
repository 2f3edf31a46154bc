import { Client, Events, GatewayIntentBits } from "discord.js";
import { reportSetup } from "./checkSetup.ts";
import type { BotDeps } from "./context.ts";
import { handleInteraction } from "./handleInteraction.ts";
import { refuseWhileStopping, throughGate } from "./interactionGate.ts";
import { watchConfiguredRoles } from "./watchConfiguredRoles.ts";

/**
 * The discord.js client, made before anything else so the composition root can build the one publisher (and the
 * electorate) around it; it is logged in by startBot once every dependency exists.
 */
export function createDiscordClient(apiUrl?: string): Client {
  return new Client({ intents: [GatewayIntentBits.Guilds], rest: apiUrl ? { api: apiUrl } : {} });
}

/** Wires the client to Steward's handlers and logs it in; resolves once the gateway is ready. */
export async function startBot(client: Client, deps: BotDeps, token: string): Promise<Client<true>> {
  client.on(Events.InteractionCreate, (interaction) => {
    if (deps.gate.closed) {
      refuseWhileStopping(interaction).catch((err) => deps.logger.debug({ err }, "could not answer while stopping"));
      return;
    }
    throughGate(deps.gate, () =>
      handleInteraction(interaction, deps).catch((err) => deps.logger.error({ err }, "interaction handler crashed")),
    );
  });
  client.on(Events.Error, (err) => deps.logger.error({ err }, "discord client error"));
  // A guild joined while running is checked at once: what is missing is in the log before anyone uses a command.
  client.on(Events.GuildCreate, (guild) => {
    if (!deps.guildIds.includes(guild.id)) {
      deps.logger.warn(
        { guildId: guild.id, guild: guild.name },
        "the bot was added to a server that is not in DISCORD_GUILD_ID: Steward answers nothing there (turn off Public Bot in the Developer Portal so nobody else can add it)",
      );
      return;
    }
    if (client.isReady()) void reportSetup(client, guild, deps.settings, deps.logger);
  });
  // Role names resolve to ids at start and whenever roles change; a name that two roles carry is said loudly.
  watchConfiguredRoles(client, deps);
  // discord.js reports its own closing of the gateway at a stop as a reconnect: not worth a warning then.
  client.on(Events.ShardReconnecting, (shardId) =>
    deps.gate.closed
      ? deps.logger.debug({ shardId }, "gateway closed for the stop")
      : deps.logger.warn({ shardId }, "gateway reconnecting"),
  );
  const ready = new Promise<Client<true>>((resolve) => client.once(Events.ClientReady, resolve));
  await client.login(token);
  const readyClient = await ready;
  deps.logger.info({ user: readyClient.user.tag, guilds: readyClient.guilds.cache.size }, "discord client ready");
  return readyClient;
}
