import { createHash } from "node:crypto";
import { cpSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultMigrationsDir, migrate, readMigrations } from "../../src/db/migrate.ts";
import type { Database } from "../../src/db/openDatabase.ts";
import { createTestDatabase } from "../helpers/testDatabase.ts";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

describe("migrations", () => {
  it("records applied migrations in Prisma's _prisma_migrations format with sha256 checksums", async () => {
    const rows = await database.driver.query<{
      migration_name: string;
      checksum: string;
      finished_at: Date;
      applied_steps_count: number;
    }>(
      'SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name',
    );
    const files = readMigrations();
    expect(rows.map((r) => r.migration_name)).toEqual(files.map((f) => f.name));
    for (const [i, f] of files.entries()) {
      expect(rows[i]?.checksum).toBe(createHash("sha256").update(f.sql).digest("hex"));
      expect(rows[i]?.finished_at).toBeTruthy();
      expect(rows[i]?.applied_steps_count).toBe(1);
    }
    expect(await migrate(database.driver)).toEqual([]);
  });

  it("refuses to run when an applied migration was edited", async () => {
    const dir = mkdtempSync(join(tmpdir(), "steward-migrations-"));
    cpSync(defaultMigrationsDir, dir, { recursive: true });
    const first = readMigrations(dir)[0];
    if (!first) throw new Error("no migrations");
    writeFileSync(join(dir, first.name, "migration.sql"), `${first.sql}\n-- edited\n`);
    await expect(migrate(database.driver, dir)).rejects.toThrow(
      `migration ${first.name} was changed after it was applied`,
    );
  });

  it("applies a new migration once and rolls back a failing one completely", async () => {
    const dir = mkdtempSync(join(tmpdir(), "steward-migrations-"));
    cpSync(defaultMigrationsDir, dir, { recursive: true });
    const { mkdirSync } = await import("node:fs");
    mkdirSync(join(dir, "29990101000000_extra"));
    writeFileSync(join(dir, "29990101000000_extra", "migration.sql"), 'CREATE TABLE "Extra" (id INT);');
    expect(await migrate(database.driver, dir)).toEqual(["29990101000000_extra"]);
    expect(await migrate(database.driver, dir)).toEqual([]);
    mkdirSync(join(dir, "29990102000000_broken"));
    writeFileSync(
      join(dir, "29990102000000_broken", "migration.sql"),
      'CREATE TABLE "Half" (id INT); SELECT nope FROM nowhere;',
    );
    await expect(migrate(database.driver, dir)).rejects.toThrow(/29990102000000_broken failed/);
    const half = await database.driver.query<{ n: string }>(
      "SELECT count(*) AS n FROM information_schema.tables WHERE table_name = 'Half'",
    );
    expect(Number(half[0]?.n)).toBe(0);
  });
});
