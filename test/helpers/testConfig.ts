import { type Config, loadConfig } from "../../src/config.ts";

/** The configuration tests run with: sandbox on a free port, quiet logs, overrides on top. */
export function testConfig(overrides: Record<string, string> = {}): Config {
  // Settlement off unless a test asks for it: each stack would otherwise start and deploy its own local chain.
  return loadConfig({
    SANDBOX_PORT: "0",
    HTTP_PORT: "0",
    LOG_LEVEL: "silent",
    STEWARD_DATA_DIR: "memory",
    SETTLEMENT_MODE: "off",
    ...overrides,
  });
}
