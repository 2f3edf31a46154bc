import type { Config } from "./config.ts";
import { redactUrl } from "./config.ts";
import { migrate } from "./db/migrate.ts";
import { type Database, type DatabaseTarget, openDatabase } from "./db/openDatabase.ts";
import type { Logger } from "./logger.ts";
import type { ServiceDeps } from "./services/deps.ts";

export interface Container {
  config: Config;
  logger: Logger;
  database: Database;
  services: ServiceDeps;
  close(): Promise<void>;
}

export function databaseTarget(config: Config): DatabaseTarget {
  return config.DATABASE_URL
    ? { kind: "postgres", url: config.DATABASE_URL }
    : { kind: "pglite", dataDir: config.STEWARD_DATA_DIR };
}

/** The composition root: builds every dependency once and hands them down explicitly. */
export async function createContainer(
  config: Config,
  logger: Logger,
  options: { database?: Database; now?: () => Date } = {},
): Promise<Container> {
  const target = databaseTarget(config);
  const database = options.database ?? (await openDatabase(target));
  const applied = await migrate(database.driver);
  logger.info(
    { database: target.kind === "postgres" ? redactUrl(target.url) : `pglite:${target.dataDir}`, applied },
    applied.length > 0 ? "migrations applied" : "database schema up to date",
  );
  const services: ServiceDeps = {
    db: database.prisma,
    now: options.now ?? (() => new Date()),
    settings: {
      walletChallengeTtlMs: config.WALLET_CHALLENGE_TTL,
      duplicateSubmissionWindowMs: config.DUPLICATE_SUBMISSION_WINDOW,
    },
  };
  return {
    config,
    logger,
    database,
    services,
    close: () => database.close(),
  };
}
