import { chmodSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { destroyManagedData } from "./managedPostgres.ts";
import { migrate } from "./migrate.ts";
import { type Database, openDatabase } from "./openDatabase.ts";

/**
 * A managed PostgreSQL server in a new temporary data directory, migrated; closing it stops the server and deletes
 * everything. For benches and tools that need a real database and no state (`unsafeNoSync` skips fsync).
 */
export async function openScratchDatabase(options: { unsafeNoSync?: boolean; migrated?: boolean } = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), "steward-scratch-"));
  // mkdtemp makes it 0700: as root the postgres user could not reach it, and the files would go elsewhere.
  chmodSync(dataDir, 0o755);
  const db = await openDatabase({
    kind: "embedded",
    dataDir,
    options: {
      role: "scratch",
      preferredPort: 0,
      unsafeNoSync: options.unsafeNoSync ?? false,
    },
  });
  if (options.migrated !== false) await migrate(db.driver);
  return {
    ...db,
    async close() {
      await db.close();
      await destroyManagedData(dataDir);
    },
  } satisfies Database;
}
