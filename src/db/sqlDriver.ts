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
