import { loadConfig } from "../src/config.ts";
import type { Database } from "../src/db/openDatabase.ts";
import { openScratchDatabase } from "../src/db/openScratchDatabase.ts";
import { createLogger } from "../src/logger.ts";
import { startSteward } from "../src/startSteward.ts";
import { SandboxClient } from "../test/helpers/sandboxClient.ts";

/**
 * Steward on its sandbox for a bench: a scratch managed PostgreSQL server unless a database is given, jobs off, logs on stderr at
 * warn. `ackOf` reads how long the bot took to acknowledge an interaction (the sandbox records both times).
 */
export async function startBenchStack(env: Record<string, string> = {}, database?: Database) {
  const config = loadConfig({
    ...process.env,
    DISCORD_TOKEN: "",
    SANDBOX_PORT: "0",
    LOG_LEVEL: "warn",
    STEWARD_DATA_DIR: "memory",
    ...env,
  });
  const logger = createLogger({ level: "warn", destination: process.stderr });
  const db = database ?? (await openScratchDatabase());
  const steward = await startSteward(config, logger, { database: db, scheduler: false, sandboxState: "memory" });
  const sandbox = steward.sandbox;
  if (!sandbox) throw new Error("the bench needs the sandbox");
  const ackOf = (id: string) => {
    const i = sandbox.state.interactions.get(id);
    return i?.acknowledgedAt === undefined ? undefined : i.acknowledgedAt - i.createdAt;
  };
  return { steward, sandbox, client: new SandboxClient(sandbox.url), ackOf };
}

export const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
