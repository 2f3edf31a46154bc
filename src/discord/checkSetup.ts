import { type Client, DiscordAPIError, type Guild, Routes } from "discord.js";
import { commandDefinitions } from "../../commands/index.ts";
import { type Translator, translator } from "../i18n/translator.ts";
import type { Logger } from "../logger.ts";
import { canonicalJson } from "../services/audit/canonicalJson.ts";
import { checkChannels } from "./checkChannels.ts";
import { checkPublicBot, checkRoles } from "./checkRoles.ts";
import type { DiscordSettings } from "./discordSettings.ts";

/** The parts of a command definition Discord keeps and that change how it works. */
function shape(c: unknown): string {
  const pick = (o: Record<string, unknown>): unknown => ({
    name: o.name,
    description: o.description,
    type: o.type ?? 1,
    required: o.required ?? false,
    choices: o.choices ?? [],
    options: ((o.options as Record<string, unknown>[] | undefined) ?? []).map(pick),
    // Sent as a number, returned by Discord as a string.
    default_member_permissions:
      o.default_member_permissions === undefined || o.default_member_permissions === null
        ? null
        : String(o.default_member_permissions),
  });
  return canonicalJson(pick(c as Record<string, unknown>) as Record<string, unknown>);
}

/**
 * What keeps Steward from working in a guild, one line each saying what to change where: the channel settings'
 * channels and every permission the bot will use there (overwrites included) and whether moderators can be pinged,
 * the configured roles (each exactly one role), the Server Members intent, the application's Public Bot setting,
 * and the deployed commands against `commands/`. Empty when all is well.
 */
export async function checkSetup(
  t: Translator,
  client: Client<true>,
  guild: Guild,
  settings: DiscordSettings,
): Promise<string[]> {
  const problems: string[] = [...checkChannels(t, client, guild, settings), ...checkRoles(t, guild, settings)];
  try {
    await guild.members.list({ limit: 1 });
  } catch (error) {
    if (!(error instanceof DiscordAPIError) || error.code !== 50001) throw error;
    problems.push(t.t("setup.membersIntentOff"));
  }
  problems.push(...(await checkPublicBot(t, client)));
  // Raw API objects (discord.js reshapes options), guild commands first: they win over global ones of the same name.
  const inGuild = (await client.rest.get(Routes.applicationGuildCommands(client.application.id, guild.id))) as {
    name: string;
  }[];
  const global = (await client.rest.get(Routes.applicationCommands(client.application.id))) as { name: string }[];
  const raw = [...inGuild, ...global];
  const byName = new Map<string, unknown>();
  for (const c of raw) if (!byName.has(c.name)) byName.set(c.name, c);
  const stale = commandDefinitions
    .filter((def) => {
      const found = byName.get(def.name);
      return found === undefined || shape(found) !== shape(def);
    })
    .map((def) => `/${def.name}`);
  if (stale.length > 0) {
    problems.push(t.t("setup.commands.stale", { commands: stale.join(t.t("setup.itemSeparator")) }));
  }
  const twice = commandDefinitions
    .filter((def) => inGuild.some((c) => c.name === def.name) && global.some((c) => c.name === def.name))
    .map((def) => `/${def.name}`);
  if (twice.length > 0) {
    problems.push(t.t("setup.commands.twice", { commands: twice.join(t.t("setup.itemSeparator")), guild: guild.name }));
  }
  return problems;
}

/**
 * The check on ready and on joining a guild: each problem becomes a warning in the log (in English, as the doctor
 * prints it), all clear an info line.
 */
export async function reportSetup(client: Client<true>, guild: Guild, settings: DiscordSettings, logger: Logger) {
  try {
    const problems = await checkSetup(translator("en"), client, guild, settings);
    if (problems.length === 0) logger.info({ guildId: guild.id }, "setup check: all clear");
    for (const problem of problems) logger.warn({ guildId: guild.id }, `setup: ${problem}`);
  } catch (err) {
    logger.warn({ guildId: guild.id, err }, "the setup check could not run");
  }
}
