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
    // Reminders off unless a test asks for them: the default (24h before the weekly Monday close) would post an epoch
    // reminder into #governance of every stack started on a Sunday, and tests counting posts would fail that day only.
    REMINDER_BEFORE: "off",
    ...overrides,
  });
}

/** An EPOCH_CRON that never fires (31 February): no epoch close, hence no epoch reminder, on any day a test runs. */
export const NEVER = "0 0 31 2 *";
