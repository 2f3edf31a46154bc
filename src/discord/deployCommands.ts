import { REST, Routes } from "discord.js";
import { commandDefinitions } from "../../commands/index.ts";

/** Bulk-overwrites Steward's slash commands: guild-scoped when a guild id is given (instant), else global. */
export async function deployCommands(options: {
  token: string;
  applicationId: string;
  guildId?: string | undefined;
  apiUrl?: string | undefined;
}): Promise<{ scope: "guild" | "global"; count: number }> {
  const rest = new REST(options.apiUrl ? { api: options.apiUrl } : {}).setToken(options.token);
  const route = options.guildId
    ? Routes.applicationGuildCommands(options.applicationId, options.guildId)
    : Routes.applicationCommands(options.applicationId);
  const stored = (await rest.put(route, { body: deployBody() })) as unknown[];
  return { scope: options.guildId ? "guild" : "global", count: stored.length };
}

export async function fetchApplicationId(token: string, apiUrl?: string): Promise<string> {
  const rest = new REST(apiUrl ? { api: apiUrl } : {}).setToken(token);
  const app = (await rest.get(Routes.currentApplication())) as { id: string };
  return app.id;
}

/** The bulk-overwrite body: `commands/` as Discord's OpenAPI spec wants it (default_member_permissions an integer). */
export function deployBody() {
  return commandDefinitions.map((c) =>
    "default_member_permissions" in c ? { ...c, default_member_permissions: Number(c.default_member_permissions) } : c,
  );
}
