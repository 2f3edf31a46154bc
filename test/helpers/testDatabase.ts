import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import pg from "pg";
import { inject } from "vitest";
import { migrate } from "../../src/db/migrate.ts";
import { type Database, openDatabase } from "../../src/db/openDatabase.ts";

export const testDatabaseKind = process.env.STEWARD_TEST_DB === "postgres" ? "postgres" : "pglite";

let template: Blob | undefined;

/** A fresh, migrated database of the kind this test project runs on; closing it throws it away. */
export async function createTestDatabase(): Promise<Database & { url?: string }> {
  if (testDatabaseKind === "pglite") {
    template ??= new Blob([readFileSync(inject("pgliteTemplate"))]);
    const db = await openDatabase({ kind: "pglite", dataDir: "memory", template });
    await migrate(db.driver);
    return db;
  }
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error("TEST_DATABASE_URL is not set");
  const name = `steward_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = await openDatabase({ kind: "postgres", url: url.toString() });
  await migrate(db.driver);
  return {
    ...db,
    url: url.toString(),
    async close() {
      await db.close();
      const cleanup = new pg.Client({ connectionString: adminUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}

/**
 * A fresh database and, on PostgreSQL, a second client of it standing for a second Steward process (PGlite has
 * one session by design: there `second` is undefined and callers use the first).
 */
export async function createTestDatabasePair(): Promise<{ database: Database & { url?: string }; second?: Database }> {
  const database = await createTestDatabase();
  if (testDatabaseKind === "postgres" && database.url) {
    return { database, second: await openDatabase({ kind: "postgres", url: database.url }) };
  }
  return { database };
}
