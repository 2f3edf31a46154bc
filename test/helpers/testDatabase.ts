import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { migrate } from "../../src/db/migrate.ts";
import { type Database, openDatabase } from "../../src/db/openDatabase.ts";
import { TEMPLATE_DB } from "./globalSetup.ts";

/** "embedded": the managed PostgreSQL server `npm start` runs; "postgres": the external server of TEST_DATABASE_URL. */
export const testDatabaseKind = process.env.STEWARD_TEST_DB === "postgres" ? "postgres" : "embedded";

function adminUrl(): string {
  const url = testDatabaseKind === "postgres" ? process.env.TEST_DATABASE_URL : inject("embeddedAdminUrl");
  if (!url) throw new Error("TEST_DATABASE_URL is not set");
  return url;
}

async function onAdmin<T>(fn: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  try {
    return await fn(admin);
  } finally {
    await admin.end();
  }
}

/** A fresh, migrated database (a copy of the run's template); closing it throws it away. */
export async function createTestDatabase(): Promise<Database> {
  const name = `steward_test_${randomBytes(6).toString("hex")}`;
  await onAdmin((admin) => admin.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DB}`));
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  const db = await openDatabase({ kind: "postgres", url: url.toString() });
  // A no-op on an up-to-date copy; it proves the template matches the migrations of this checkout.
  await migrate(db.driver);
  return {
    ...db,
    async close() {
      await db.close();
      await onAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

/** A fresh database and a second client of it standing for a second Steward process. */
export async function createTestDatabasePair(): Promise<{ database: Database; second: Database }> {
  const database = await createTestDatabase();
  return { database, second: await openDatabase({ kind: "postgres", url: database.url }) };
}
