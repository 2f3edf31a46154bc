import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { destroyManagedData, openManagedPostgres } from "../../src/db/managedPostgres.ts";
import { migrate } from "../../src/db/migrate.ts";
import { openDatabase } from "../../src/db/openDatabase.ts";

export const TEMPLATE_DB = "steward_template";

/**
 * The embedded pass runs on the same managed PostgreSQL server `npm start` uses, in a throwaway data directory.
 * One migrated template database is made per run; every test database is a copy of it (CREATE DATABASE …
 * TEMPLATE takes ~50 ms where migrating takes seconds). The external pass (TEST_DATABASE_URL) gets one too.
 */
export default async function setup(project: TestProject) {
  const dataDir = mkdtempSync(join(tmpdir(), "steward-test-db-"));
  const server = await openManagedPostgres(dataDir, {
    role: "test-setup",
    unsafeNoSync: true,
    preferredPort: 0,
  });
  const admins = { embedded: server.adminUrl, postgres: process.env.TEST_DATABASE_URL };
  for (const adminUrl of Object.values(admins)) if (adminUrl) await makeTemplate(adminUrl);
  project.provide("embeddedAdminUrl", server.adminUrl);
  return async () => {
    await server.release();
    await destroyManagedData(dataDir);
  };
}

async function makeTemplate(adminUrl: string) {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${TEMPLATE_DB}`;
  const db = await openDatabase({ kind: "postgres", url: url.toString() });
  await migrate(db.driver);
  await db.close();
}

declare module "vitest" {
  export interface ProvidedContext {
    embeddedAdminUrl: string;
  }
}
