import { type Config, loadConfig } from "../../src/config.ts";

/** The configuration tests run with: sandbox on a free port, quiet logs, overrides on top. */
export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({ SANDBOX_PORT: "0", LOG_LEVEL: "silent", STEWARD_DATA_DIR: "memory", ...overrides });
}
