import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import {
  destroyManagedData,
  type ManagedPostgres,
  ManagedPostgresError,
  openManagedPostgres as openServer,
  type ManagedPostgresOptions as ServerOptions,
} from "@steward/managed-postgres";

export { destroyManagedData, type ManagedPostgres };

/** What a Steward process says about itself when it opens the server; the rest is Steward's policy, below. */
export type ManagedPostgresOptions = Pick<ServerOptions, "log" | "role" | "unsafeNoSync" | "preferredPort">;

/**
 * The PostgreSQL server Steward manages in its data directory (@steward/managed-postgres): database and owner
 * `steward`, presence connections `steward-presence:<pid>:<role>`, root's shared files in /var/lib/steward, and
 * DATABASE_URL named as the way out when no server can run here.
 */
export async function openManagedPostgres(
  dataDir: string,
  options: ManagedPostgresOptions = {},
): Promise<ManagedPostgres> {
  refusePgliteDirectory(resolve(dataDir));
  return openServer(dataDir, {
    ...options,
    name: "steward",
    alternative: "Or set DATABASE_URL to use a PostgreSQL server of your own.",
  });
}

function refusePgliteDirectory(dataDir: string) {
  // PGlite kept its cluster files directly in STEWARD_DATA_DIR; the managed server keeps them in `postgres/`.
  if (existsSync(join(dataDir, "PG_VERSION")) && existsSync(join(dataDir, "base"))) {
    throw new ManagedPostgresError(
      `${dataDir} holds a database made by an earlier Steward with PGlite, which this version no longer opens (PGlite cannot recover from a crash). Move that folder aside (for example: mv ${dataDir} ${dataDir}.pglite) and start again for a new database, or set STEWARD_DATA_DIR to another folder.`,
    );
  }
}
