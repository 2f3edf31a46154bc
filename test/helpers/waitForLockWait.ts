import type { SqlDriver } from "../../src/db/sqlDriver.ts";

/** Waits until some session of this database waits on a lock (the call under test reached the held row). */
export async function waitForLockWait(driver: SqlDriver): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const [row] = await driver.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()`,
    );
    if ((row?.n ?? 0) > 0) return;
    await new Promise((r) => setTimeout(r, 20));
  }
}
