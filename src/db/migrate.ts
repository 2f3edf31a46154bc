import { createHash, randomUUID } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { inTransaction, type SqlDriver } from "./sqlDriver.ts";

export const defaultMigrationsDir = fileURLToPath(new URL("../../prisma/migrations", import.meta.url));

// Prisma's own bookkeeping table, created exactly as `prisma migrate deploy` creates it, so that Prisma's CLI on a
// machine that has the schema engine sees the same history.
const createMigrationsTable = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

// Any constant works: it only has to be the same in every Steward process sharing a PostgreSQL database.
const MIGRATION_LOCK_KEY = 72_657_301;

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

export function readMigrations(dir = defaultMigrationsDir): MigrationFile[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

export class MigrationError extends Error {
  override name = "MigrationError";
}

/** Applies pending migrations in order; returns the names applied. Safe to run from several processes at once. */
export async function migrate(driver: SqlDriver, dir = defaultMigrationsDir): Promise<string[]> {
  const migrations = readMigrations(dir);
  return driver.withConnection(async (conn) => {
    // The lock keeps two processes starting together from applying the same migration twice.
    await conn.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    try {
      await conn.exec(createMigrationsTable);
      const rows = await conn.query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
        `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`,
      );
      const applied = new Map(rows.map((r) => [r.migration_name, r]));
      const done: string[] = [];
      for (const m of migrations) {
        const row = applied.get(m.name);
        if (row?.finished_at) {
          if (row.checksum !== m.checksum) {
            throw new MigrationError(`migration ${m.name} was changed after it was applied (checksum differs)`);
          }
          continue;
        }
        if (row) throw new MigrationError(`migration ${m.name} failed earlier and needs manual repair`);
        const id = randomUUID();
        try {
          await inTransaction(conn, async () => {
            await conn.query(
              `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count) VALUES ($1, $2, $3, now(), 0)`,
              [id, m.checksum, m.name],
            );
            await conn.exec(m.sql);
            await conn.query(
              `UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`,
              [id],
            );
          });
        } catch (error) {
          throw new MigrationError(`migration ${m.name} failed: ${(error as Error).message}`);
        }
        done.push(m.name);
      }
      return done;
    } finally {
      await conn.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]);
    }
  });
}
