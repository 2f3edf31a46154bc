import type { Config } from "./config.ts";
import { fetchApplicationId } from "./discord/deployCommands.ts";
import { invitePermissions, inviteUrl, permissionInteger } from "./discord/neededPermissions.ts";
import { discordSettings } from "./settingsFromConfig.ts";

/**
 * `steward invite [--client-id <id>]`: the URL that adds the bot with exactly the permissions this configuration
 * needs, what each is for, and the Developer Portal setting that keeps others from adding it.
 */
export async function inviteCommand(config: Config, args: string[], out: (line: string) => void): Promise<number> {
  const flag = args.indexOf("--client-id");
  const given = flag >= 0 ? args[flag + 1] : undefined;
  const unknown = args.filter((_arg, i) => !(i === flag || (flag >= 0 && i === flag + 1)));
  if (unknown.length > 0 || (flag >= 0 && !/^\d{17,20}$/.test(given ?? ""))) {
    process.stderr.write("Usage: steward invite [--client-id <your application id, 17-20 digits>]\n");
    return 2;
  }
  let applicationId = given;
  if (!applicationId) {
    if (!config.DISCORD_TOKEN) {
      process.stderr.write(
        "steward invite needs your application's id: set DISCORD_TOKEN (it is read from Discord), or give --client-id <id> (Developer Portal → your application → General Information → Application ID).\n",
      );
      return 2;
    }
    applicationId = await fetchApplicationId(config.DISCORD_TOKEN, config.DISCORD_API_URL);
  }
  const permissions = invitePermissions(discordSettings(config));
  out("Add Steward to your server with:");
  out(inviteUrl(applicationId, discordSettings(config)));
  out("");
  out(
    `Scopes: bot (to post) and applications.commands (the slash commands). Permissions ${permissionInteger(permissions)}, each for a reason:`,
  );
  for (const p of permissions) out(`- ${p.name} (${p.bit}): ${p.why}`);
  out("Nothing else: Steward never moderates, deletes or manages anything.");
  out("");
  out(
    "Then turn off Public Bot (Developer Portal → your application → Bot → Public Bot), so that only you can add the bot to a server.",
  );
  return 0;
}
