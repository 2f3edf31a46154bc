import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "../generated/prisma/client.ts";
import { type ManagedPostgresOptions, openManagedPostgres } from "./managedPostgres.ts";
import type { SqlDriver } from "./sqlDriver.ts";

export type Db = PrismaClient;

export interface Database {
  prisma: PrismaClient;
  driver: SqlDriver;
  /** The connection URL (with its password: never log it). */
  url: string;
  close(): Promise<void>;
}

export type DatabaseTarget =
  | { kind: "postgres"; url: string }
  /** The PostgreSQL server Steward manages in its data directory (started, or reused when already running). */
  | { kind: "embedded"; dataDir: string; options?: ManagedPostgresOptions };

/** Opens the database Steward runs on: a PostgreSQL server of the operator's by URL, else the managed one. */
export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if (target.kind === "postgres") return connect(target.url, async () => {});
  const server = await openManagedPostgres(target.dataDir, target.options);
  try {
    return await connect(server.url, () => server.release());
  } catch (error) {
    await server.release();
    throw error;
  }
}

async function connect(url: string, release: () => Promise<void>): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle client whose server went away emits 'error' on the pool; the next query reconnects.
  pool.on("error", () => {});
  // Prisma's defaults (2 s to get a connection for a transaction, 5 s to finish it) fail every write on a slow or
  // distant database; an interaction is acknowledged in time anyway (autoDefer), so a slow write may take longer.
  const prisma = new PrismaClient({
    adapter: new PrismaPg(pool),
    transactionOptions: { maxWait: 10_000, timeout: 20_000 },
  });
  return {
    prisma,
    driver: pgDriver(pool),
    url,
    async close() {
      await prisma.$disconnect();
      await pool.end();
      await release();
    },
  };
}

function pgDriver(pool: pg.Pool): SqlDriver {
  const wrap = (c: pg.Pool | pg.PoolClient) => ({
    async exec(sql: string) {
      await c.query(sql);
    },
    async query<T>(sql: string, params: unknown[] = []) {
      return (await c.query(sql, params)).rows as T[];
    },
  });
  return {
    ...wrap(pool),
    async withConnection(fn) {
      const client = await pool.connect();
      try {
        return await fn(wrap(client));
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
