import { join } from "node:path";
import { sandboxBotToken } from "@steward/discord-sandbox";
import { Events } from "discord.js";
import { translator } from "../i18n/translator.ts";
import { findRunning } from "../runningInstance.ts";
import type { ServiceDeps } from "../services/deps.ts";
import type { Electorate } from "../services/votes/governanceSettings.ts";
import { checkQuorum } from "./checkQuorum.ts";
import { checkSetup } from "./checkSetup.ts";
import { createElectorate } from "./createElectorate.ts";
import type { DiscordSettings, DoctorConnection } from "./discordSettings.ts";
import { createDiscordClient } from "./startBot.ts";

/**
 * `steward doctor`: logs in as the bot (DISCORD_TOKEN; without one, into the running sandbox of STEWARD_DATA_DIR)
 * and prints, per server, one line per problem with what to change where. Exit code 1 when anything is wrong.
 */
export async function runDoctor(
  settings: DiscordSettings,
  connection: DoctorConnection,
  out: (line: string) => void,
  /** Steward's services over this bot's member list, for the checks that need the database (the quorum's reach). */
  openServices?: (electorate: Electorate) => Promise<DoctorServices | null>,
): Promise<number> {
  // The sandbox Steward runs on this data directory, wherever it listens; else where the settings say it would.
  const sandboxUrl =
    findRunning(connection.dataDir)?.sandboxUrl ?? `http://${connection.sandboxHost}:${connection.sandboxPort}`;
  const token = connection.token ?? sandboxBotToken(join(connection.dataDir, "sandbox.jsonl"));
  if (!token) {
    out(
      `No DISCORD_TOKEN is set and no sandbox was ever started in ${connection.dataDir}: set DISCORD_TOKEN to check a real server, or run \`npm start\` first.`,
    );
    return 1;
  }
  const apiUrl = connection.token ? connection.apiUrl : `${sandboxUrl}/api`;
  const client = createDiscordClient(apiUrl);
  try {
    const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
    try {
      await client.login(token);
    } catch (error) {
      const code = (error as { code?: string }).code;
      out(
        code === "TokenInvalid"
          ? "Discord refused DISCORD_TOKEN: copy the bot token again from the Developer Portal → your application → Bot → Reset Token."
          : connection.token
            ? `Could not log in to Discord: ${(error as Error).message}.`
            : `No Steward sandbox answers at ${sandboxUrl}: start Steward (\`npm start\`) and run the doctor again.`,
      );
      return 1;
    }
    await ready;
    if (!client.isReady()) return 1;
    const configured = settings.guildIds;
    const guilds = [...client.guilds.cache.values()].filter((g) => !configured || configured.includes(g.id));
    const absent = (configured ?? []).filter((id) => !client.guilds.cache.has(id));
    for (const id of absent) {
      out(`✗ The bot is not in the server ${id} (DISCORD_GUILD_ID): add it with the URL \`steward invite\` prints.`);
    }
    if (guilds.length === 0) {
      if (!configured) out("The bot is in no server yet: add it with the URL `steward invite` prints.");
      return 1;
    }
    let problems = absent.length;
    if (connection.token && !configured) {
      problems += 1;
      out(
        `✗ DISCORD_GUILD_ID is not set, so Steward will not start: set it to your server's id (${guilds.map((g) => `${g.name}: ${g.id}`).join(", ")}); Steward serves only the servers it lists.`,
      );
    }
    const services = openServices ? await openServices(createElectorate(client, settings)) : null;
    for (const guild of guilds) {
      const found = await checkSetup(translator("en"), client, guild, settings);
      if (services) found.push(...(await checkQuorum(translator("en"), services.services, guild.id)));
      problems += found.length;
      if (found.length === 0) out(`✓ ${guild.name}: all clear.`);
      for (const p of found) out(`✗ ${p}`);
    }
    await services?.close();
    return problems === 0 ? 0 : 1;
  } finally {
    await client.destroy();
  }
}

export interface DoctorServices {
  services: ServiceDeps;
  close(): Promise<void>;
}
