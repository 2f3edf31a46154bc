import type { Config } from "../../src/config.ts";
import { discordSettings, doctorConnection } from "../../src/settingsFromConfig.ts";

/** `steward doctor`'s settings as the CLI groups them from a configuration. */
export function doctorArgs(config: Config) {
  return [discordSettings(config), doctorConnection(config)] as const;
}
