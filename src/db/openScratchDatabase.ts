import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { migrate } from "./migrate.ts";
import { type Database, openDatabase } from "./openDatabase.ts";

/**
 * A managed PostgreSQL server in a new temporary data directory, migrated; closing it stops the server and deletes
 * everything. For benches and tools that need a real database and no state (`unsafeNoSync` skips fsync).
 */
export async function openScratchDatabase(options: { unsafeNoSync?: boolean; migrated?: boolean } = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), "steward-scratch-"));
  const db = await openDatabase({
    kind: "embedded",
    dataDir,
    options: { role: "scratch", preferredPort: 0, unsafeNoSync: options.unsafeNoSync ?? false },
  });
  if (options.migrated !== false) await migrate(db.driver);
  return {
    ...db,
    async close() {
      await db.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  } satisfies Database;
}
