import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "../generated/prisma/client.ts";
import type { SqlDriver } from "./sqlDriver.ts";

export type Db = PrismaClient;

export interface Database {
  prisma: PrismaClient;
  driver: SqlDriver;
  close(): Promise<void>;
}

export type DatabaseTarget =
  | { kind: "postgres"; url: string }
  /** `template`: a PGlite data-dir dump to start from (tests use a migrated one; initdb is the slow part). */
  | { kind: "pglite"; dataDir: string | "memory"; template?: Blob };

/** Opens the database Steward runs on: a PostgreSQL server when a URL is given, else embedded PGlite. */
export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if (target.kind === "postgres") {
    const pool = new pg.Pool({ connectionString: target.url, max: 10 });
    const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
    const driver = pgDriver(pool);
    return {
      prisma,
      driver,
      async close() {
        await prisma.$disconnect();
        await pool.end();
      },
    };
  }
  if (target.dataDir !== "memory") mkdirSync(target.dataDir, { recursive: true });
  const client =
    target.dataDir === "memory"
      ? new PGlite(target.template ? { loadDataDir: target.template } : {})
      : new PGlite(target.dataDir);
  await client.waitReady;
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(client) });
  const driver = pgliteDriver(client);
  return {
    prisma,
    driver,
    async close() {
      await prisma.$disconnect();
      await client.close();
    },
  };
}

/** The raw driver over one PGlite instance (also used to build the test template). */
export function pgliteDriver(client: PGlite): SqlDriver {
  const conn = {
    kind: "pglite" as const,
    async exec(sql: string) {
      await client.exec(sql);
    },
    async query<T>(sql: string, params: unknown[] = []) {
      return (await client.query<T>(sql, params)).rows;
    },
  };
  return { ...conn, withConnection: (fn) => fn(conn), close: () => client.close() };
}

function pgDriver(pool: pg.Pool): SqlDriver {
  const wrap = (c: pg.Pool | pg.PoolClient) => ({
    kind: "postgres" as const,
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
