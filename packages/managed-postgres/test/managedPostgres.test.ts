import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { destroyManagedData, ManagedPostgresError, openManagedPostgres } from "../src/index.ts";
import { processAlive } from "../src/processAlive.ts";

const dirs: string[] = [];
const newDataDir = () => {
  const dir = mkdtempSync(join(tmpdir(), "managed-postgres-"));
  dirs.push(dir);
  return dir;
};

async function serverRuns(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1_000 });
  client.on("error", () => {});
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

describe("the managed PostgreSQL server", () => {
  afterAll(async () => {
    for (const dir of dirs) {
      await destroyManagedData(dir);
    }
  });

  it("initialises once with a generated password kept 0600, listens on loopback only, and stops with its last user", async () => {
    const dataDir = newDataDir();
    const lines: string[] = [];
    const first = await openManagedPostgres(dataDir, { log: (l) => lines.push(l), unsafeNoSync: true });
    expect(first.startedHere).toBe(true);
    expect(lines.some((l) => l.startsWith("created a new database"))).toBe(true);
    const credentials = JSON.parse(readFileSync(join(dataDir, "postgres.json"), "utf8"));
    expect(statSync(join(dataDir, "postgres.json")).mode & 0o777).toBe(0o600);
    expect(credentials.password).toMatch(/^[\w-]{32}$/);
    expect(first.url).toContain("@127.0.0.1:");

    const client = new pg.Client({ connectionString: first.url });
    await client.connect();
    const listen = await client.query("SHOW listen_addresses");
    expect(listen.rows[0].listen_addresses).toBe("127.0.0.1");
    await client.end();
    expect(await serverRuns(first.url.replace(credentials.password, "wrong"))).toBe(false);

    // A second process (a CLI command) joins the running server instead of opening the files itself.
    const second = await openManagedPostgres(dataDir, { log: (l) => lines.push(l) });
    expect(second.startedHere).toBe(false);
    expect(second.pid).toBe(first.pid);
    await first.release();
    expect(await serverRuns(second.url)).toBe(true);
    await second.release();
    expect(await serverRuns(second.url)).toBe(false);
  });

  it("takes a free port when its port is in use, and keeps it", async () => {
    const blocker: Server = createServer();
    await new Promise<void>((r) => blocker.listen(0, "127.0.0.1", () => r()));
    const taken = (blocker.address() as { port: number }).port;
    const dataDir = newDataDir();
    const lines: string[] = [];
    const server = await openManagedPostgres(dataDir, {
      log: (l) => lines.push(l),
      preferredPort: taken,
      unsafeNoSync: true,
    });
    try {
      expect(lines).toContain(`port ${taken} is taken: the database server uses port ${new URL(server.url).port}`);
      expect(JSON.parse(readFileSync(join(dataDir, "postgres.json"), "utf8")).port).toBe(
        Number(new URL(server.url).port),
      );
    } finally {
      await server.release();
      blocker.close();
    }
  });

  it("recovers after the server itself was killed, saying what it did", async () => {
    const dataDir = newDataDir();
    const first = await openManagedPostgres(dataDir, { unsafeNoSync: true });
    process.kill(first.pid, "SIGKILL");
    // A signal is delivered asynchronously: wait until the server is really gone, as after a crash.
    while (processAlive(first.pid)) await new Promise((r) => setTimeout(r, 20));
    const lines: string[] = [];
    const again = await openManagedPostgres(dataDir, { log: (l) => lines.push(l), unsafeNoSync: true });
    try {
      expect(lines).toContain(`the database server was not shut down cleanly (pid ${first.pid} is gone): recovering`);
      expect(await serverRuns(again.url)).toBe(true);
    } finally {
      await again.release();
    }
  });

  it("names the database, its owner and the presence connections after the application", async () => {
    const dataDir = newDataDir();
    const server = await openManagedPostgres(dataDir, { name: "ledger", role: "api", unsafeNoSync: true });
    const client = new pg.Client({ connectionString: server.url });
    try {
      expect(new URL(server.url).pathname).toBe("/ledger");
      expect(new URL(server.url).username).toBe("ledger");
      await client.connect();
      const { rows } = await client.query<{ name: string }>(
        "SELECT application_name AS name FROM pg_stat_activity WHERE application_name LIKE 'ledger-presence:%'",
      );
      expect(rows.map((r) => r.name)).toEqual([`ledger-presence:${process.pid}:api`]);
    } finally {
      await client.end();
      await server.release();
    }
  });

  it("refuses a name that is not a plain identifier, before touching the data directory", async () => {
    const dataDir = join(newDataDir(), "never-made");
    await expect(openManagedPostgres(dataDir, { name: 'x"; DROP' })).rejects.toThrow(ManagedPostgresError);
    expect(existsSync(dataDir)).toBe(false);
  });

  it("shows the server's own log lines when it cannot start, never 'undefined'", async () => {
    const dataDir = newDataDir();
    const server = await openManagedPostgres(dataDir, { unsafeNoSync: true });
    await server.release();
    // A setting the server rejects at start-up: the error must carry PostgreSQL's words.
    const conf = join(dataDir, "postgres", "postgresql.auto.conf");
    writeFileSync(conf, "shared_buffers = 'lots'\n");
    await expect(openManagedPostgres(dataDir)).rejects.toThrow(/did not start[\s\S]*shared_buffers/);
  });
});
