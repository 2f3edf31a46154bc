import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { destroyManagedData, openManagedPostgres } from "../../src/db/managedPostgres.ts";
import { testDatabaseKind } from "../helpers/testDatabase.ts";

// The server itself is tested in packages/managed-postgres; these are Steward's choices around it.
const dirs: string[] = [];
const newDataDir = () => {
  const dir = mkdtempSync(join(tmpdir(), "steward-managed-"));
  dirs.push(dir);
  return dir;
};

describe.runIf(testDatabaseKind === "embedded")("Steward's managed PostgreSQL server", () => {
  afterAll(async () => {
    for (const dir of dirs) await destroyManagedData(dir);
  });

  it("holds the steward database, owned by steward, and names each process's presence after its role", async () => {
    const dataDir = newDataDir();
    const server = await openManagedPostgres(dataDir, { role: "job verify-audit", unsafeNoSync: true });
    const client = new pg.Client({ connectionString: server.url });
    try {
      expect(new URL(server.url).pathname).toBe("/steward");
      expect(new URL(server.url).username).toBe("steward");
      await client.connect();
      const { rows } = await client.query<{ name: string }>(
        "SELECT application_name AS name FROM pg_stat_activity WHERE application_name LIKE 'steward-presence:%'",
      );
      expect(rows.map((r) => r.name)).toEqual([`steward-presence:${process.pid}:job verify-audit`]);
    } finally {
      await client.end();
      await server.release();
    }
  });

  it("refuses a data directory made by the PGlite version and says what to do", async () => {
    const dataDir = newDataDir();
    writeFileSync(join(dataDir, "PG_VERSION"), "17\n");
    mkdirSync(join(dataDir, "base"));
    await expect(openManagedPostgres(dataDir)).rejects.toThrow(
      `${dataDir} holds a database made by an earlier Steward with PGlite, which this version no longer opens (PGlite cannot recover from a crash). Move that folder aside (for example: mv ${dataDir} ${dataDir}.pglite) and start again for a new database, or set STEWARD_DATA_DIR to another folder.`,
    );
    // Refused before anything was made beside the old files.
    expect(existsSync(join(dataDir, "postgres.json"))).toBe(false);
  });
});
