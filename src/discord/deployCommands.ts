import { REST, Routes } from "discord.js";
import { commandDefinitions } from "../../commands/index.ts";

const stewardNames = new Set<string>(commandDefinitions.map((c) => c.name));

/**
 * Bulk-overwrites Steward's slash commands in one scope, the given guilds (instant) or else global, and takes
 * Steward's commands out of the other scope, so that nobody sees each command twice (a guild copy beside a global
 * one). Commands of other names in the other scope are left as they are.
 */
export async function deployCommands(options: {
  token: string;
  applicationId: string;
  guildIds?: readonly string[] | undefined;
  apiUrl?: string | undefined;
}): Promise<{ scope: "guild" | "global"; count: number; removed: { scope: string; count: number }[] }> {
  const rest = new REST(options.apiUrl ? { api: options.apiUrl } : {}).setToken(options.token);
  const app = options.applicationId;
  const guildIds = options.guildIds ?? [];
  let count = 0;
  const removed: { scope: string; count: number }[] = [];
  /** Keeps only what is not Steward's in a scope; a scope without Steward's commands is not written. */
  const clear = async (route: `/${string}`, scope: string) => {
    const existing = (await rest.get(route)) as ({ id: string; name: string } & Record<string, unknown>)[];
    const keep = existing.filter((c) => !stewardNames.has(c.name));
    if (keep.length === existing.length) return;
    // Given with their ids, the other commands stay as they are.
    await rest.put(route, { body: keep.map(asOverwrite) });
    removed.push({ scope, count: existing.length - keep.length });
  };
  if (guildIds.length > 0) {
    for (const guildId of guildIds) {
      const stored = (await rest.put(Routes.applicationGuildCommands(app, guildId), {
        body: deployBody(),
      })) as unknown[];
      count = stored.length;
    }
    await clear(Routes.applicationCommands(app), "global");
    return { scope: "guild", count, removed };
  }
  const stored = (await rest.put(Routes.applicationCommands(app), { body: deployBody() })) as unknown[];
  const guilds = (await rest.get(Routes.userGuilds())) as { id: string }[];
  for (const g of guilds) await clear(Routes.applicationGuildCommands(app, g.id), `guild ${g.id}`);
  return { scope: "global", count: stored.length, removed };
}

export async function fetchApplicationId(token: string, apiUrl?: string): Promise<string> {
  const rest = new REST(apiUrl ? { api: apiUrl } : {}).setToken(token);
  const app = (await rest.get(Routes.currentApplication())) as { id: string };
  return app.id;
}

/**
 * The bulk-overwrite body: `commands/` as Discord's OpenAPI spec wants it (default_member_permissions an integer), with
 * every description's and choice's localizations as written there.
 */
export function deployBody() {
  return commandDefinitions.map((c) =>
    "default_member_permissions" in c ? { ...c, default_member_permissions: Number(c.default_member_permissions) } : c,
  );
}

/** A stored command as a bulk overwrite takes it back: its id and the fields that define it. */
function asOverwrite(c: Record<string, unknown>) {
  const fields = [
    "id",
    "name",
    "name_localizations",
    "description",
    "description_localizations",
    "type",
    "options",
    "contexts",
    "integration_types",
    "nsfw",
  ];
  const out: Record<string, unknown> = {};
  for (const f of fields) if (c[f] !== undefined && c[f] !== null) out[f] = c[f];
  if (c.default_member_permissions !== undefined && c.default_member_permissions !== null) {
    out.default_member_permissions = Number(c.default_member_permissions);
  }
  return out;
}
