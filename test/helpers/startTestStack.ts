import { Writable } from "node:stream";
import { defaultSpecPath, SpecValidator } from "@steward/discord-sandbox";
import { SpecValidator as GithubSpecValidator } from "@steward/github-sandbox";
import { expect } from "vitest";
import { type Database, openDatabase } from "../../src/db/openDatabase.ts";
import { createLogger } from "../../src/logger.ts";
import { type Steward, startSteward } from "../../src/startSteward.ts";
import { SandboxClient } from "./sandboxClient.ts";
import { testConfig } from "./testConfig.ts";
import { createTestDatabase } from "./testDatabase.ts";

let validator: SpecValidator | undefined;

export interface TestStack {
  steward: Steward;
  sandbox: NonNullable<Steward["sandbox"]>;
  client: SandboxClient;
  /** Every log line the bot wrote, parsed. */
  logs: Record<string, unknown>[];
  /** Moves the bot's clock forward. */
  advanceClock(ms: number): void;
  /** Fails the test if any REST body crossing the sandbox broke Discord's OpenAPI spec. */
  expectNoSpecViolations(): void;
  stop(): Promise<void>;
}

/**
 * Boots the sandbox and the real bot (real discord.js client) on a fresh database. `databaseVia`: the URL Steward
 * reaches that database by (e.g. through a latency proxy).
 */
export async function startTestStack(
  env: Record<string, string> = {},
  options: {
    databaseVia?: (url: string) => string | Promise<string>;
    /** Check every local GitHub answer against GitHub's OpenAPI description (its `violations`; slower to start). */
    githubSpec?: boolean;
    /** Run the scheduled jobs on their schedules, as a production start does (default: only the deadline watcher). */
    scheduler?: boolean;
    /** The deadline watcher kicks close-votes the moment a vote ends (default true). */
    watchVoteDeadlines?: boolean;
  } = {},
): Promise<TestStack> {
  validator ??= new SpecValidator(defaultSpecPath());
  const logs: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split("\n")) if (line.trim()) logs.push(JSON.parse(line));
      done();
    },
  });
  const config = testConfig({ LOG_LEVEL: "info", ...env });
  const logger = createLogger({ level: config.LOG_LEVEL, destination: sink });
  const created = await createTestDatabase();
  const database = options.databaseVia ? await reachedVia(created, options.databaseVia) : created;
  let offset = 0;
  const steward = await startSteward(config, logger, {
    database,
    validator,
    ...(options.githubSpec ? { githubValidator: new GithubSpecValidator() } : {}),
    scheduler: options.scheduler ?? false,
    sandboxState: "memory",
    // Votes close through the same path as in production: the deadline watcher kicks close-votes.
    watchVoteDeadlines: options.watchVoteDeadlines ?? true,
    now: () => new Date(Date.now() + offset),
  });
  const sandbox = steward.sandbox;
  if (!sandbox) throw new Error("the test stack expects the sandbox");
  return {
    steward,
    sandbox,
    client: new SandboxClient(sandbox.url, () => steward.postsIdle()),
    logs,
    advanceClock(ms) {
      offset += ms;
    },
    expectNoSpecViolations() {
      expect(sandbox.violations).toEqual([]);
    },
    stop: () => steward.stop(),
  };
}

/** The same database opened by another URL; closing it closes (and drops) the original too. */
async function reachedVia(database: Database, via: (url: string) => string | Promise<string>): Promise<Database> {
  const other = await openDatabase({ kind: "postgres", url: await via(database.url) });
  return {
    ...other,
    async close() {
      await other.close();
      await database.close();
    },
  };
}
