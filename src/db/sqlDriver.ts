/** The few raw operations the migration runner needs, over a pg pool. */
export interface SqlDriver {
  /** Runs a script that may hold several statements. */
  exec(sql: string): Promise<void>;
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs `fn` with exclusive use of one connection. */
  withConnection<R>(fn: (conn: SqlConnection) => Promise<R>): Promise<R>;
  close(): Promise<void>;
}

/** One connection of the pool, held by the caller (a transaction runs on it). */
export type SqlConnection = Omit<SqlDriver, "withConnection" | "close">;

/** Runs `fn` in a transaction on `conn`: committed when it returns, rolled back (and the error rethrown) when it throws. */
export async function inTransaction<R>(conn: SqlConnection, fn: () => Promise<R>): Promise<R> {
  await conn.exec("BEGIN");
  try {
    const result = await fn();
    await conn.exec("COMMIT");
    return result;
  } catch (error) {
    await conn.exec("ROLLBACK").catch(() => {});
    throw error;
  }
}
