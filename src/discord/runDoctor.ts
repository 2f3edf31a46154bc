import { join } from "node:path";
import { Events } from "discord.js";
import type { Config } from "../config.ts";
import { sandboxBotToken } from "../sandbox/sandboxJournal.ts";
import { checkSetup } from "./checkSetup.ts";
import { createDiscordClient } from "./startBot.ts";

/**
 * `steward doctor`: logs in as the bot (DISCORD_TOKEN; without one, into the running sandbox of STEWARD_DATA_DIR)
 * and prints, per server, one line per problem with what to change where. Exit code 1 when anything is wrong.
 */
export async function runDoctor(config: Config, out: (line: string) => void): Promise<number> {
  const sandboxUrl = `http://${config.SANDBOX_HOST}:${config.SANDBOX_PORT}`;
  const token = config.DISCORD_TOKEN ?? sandboxBotToken(join(config.STEWARD_DATA_DIR, "sandbox.jsonl"));
  if (!token) {
    out(
      `No DISCORD_TOKEN is set and no sandbox was ever started in ${config.STEWARD_DATA_DIR}: set DISCORD_TOKEN to check a real server, or run \`npm start\` first.`,
    );
    return 1;
  }
  const apiUrl = config.DISCORD_TOKEN ? config.DISCORD_API_URL : `${sandboxUrl}/api`;
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
          : config.DISCORD_TOKEN
            ? `Could not log in to Discord: ${(error as Error).message}.`
            : `No Steward sandbox answers at ${sandboxUrl}: start Steward (\`npm start\`) and run the doctor again.`,
      );
      return 1;
    }
    await ready;
    if (!client.isReady()) return 1;
    const guilds = [...client.guilds.cache.values()].filter(
      (g) => !config.DISCORD_GUILD_ID || g.id === config.DISCORD_GUILD_ID,
    );
    if (guilds.length === 0) {
      out(
        config.DISCORD_GUILD_ID
          ? `The bot is not in the server ${config.DISCORD_GUILD_ID} (DISCORD_GUILD_ID): invite it with the URL in the README's real-server section.`
          : "The bot is in no server yet: invite it with the URL in the README's real-server section.",
      );
      return 1;
    }
    let problems = 0;
    for (const guild of guilds) {
      const found = await checkSetup(client, guild, config);
      problems += found.length;
      if (found.length === 0) out(`✓ ${guild.name}: all clear.`);
      for (const p of found) out(`✗ ${p}`);
    }
    return problems === 0 ? 0 : 1;
  } finally {
    await client.destroy();
  }
}
