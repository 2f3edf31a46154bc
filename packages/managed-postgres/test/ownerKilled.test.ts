import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { destroyManagedData, openManagedPostgres } from "../src/index.ts";
import { processAlive } from "../src/processAlive.ts";

const index = join(import.meta.dirname, "..", "src", "index.ts");
const dirs: string[] = [];
const owners: ChildProcess[] = [];

/** Another program using the package: it opens the server of `dataDir`, prints the server's pid, and waits. */
async function startOwner(dataDir: string): Promise<{ owner: ChildProcess; server: number }> {
  const script = `
    import { openManagedPostgres } from ${JSON.stringify(index)};
    const server = await openManagedPostgres(${JSON.stringify(dataDir)}, { role: "owner", unsafeNoSync: true, preferredPort: 0 });
    process.stdout.write(JSON.stringify({ server: server.pid }) + "\\n");
    setInterval(() => {}, 60_000);
  `;
  const owner = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  owners.push(owner);
  const server = await new Promise<number>((resolve, reject) => {
    let out = "";
    owner.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes("\n")) resolve((JSON.parse(out.split("\n")[0] ?? "") as { server: number }).server);
    });
    owner.once("exit", (code) => reject(new Error(`the owner exited (${code}) before it opened the server`)));
  });
  return { owner, server };
}

async function until(what: string, probe: () => boolean, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!probe()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const newDataDir = () => {
  const dir = mkdtempSync(join(tmpdir(), "managed-postgres-owner-"));
  dirs.push(dir);
  return dir;
};

describe("a server whose opener is killed", () => {
  afterAll(async () => {
    for (const owner of owners) owner.kill("SIGKILL");
    for (const dir of dirs) await destroyManagedData(dir);
  });

  it("is stopped by the opener's watchdog when nobody else uses it", async () => {
    const dataDir = newDataDir();
    const { owner, server } = await startOwner(dataDir);
    expect(processAlive(server)).toBe(true);
    owner.kill("SIGKILL");
    await until("the server stopped", () => !processAlive(server), 15_000);
    expect(readFileSync(join(dataDir, "postgres.log"), "utf8")).toContain(
      `watchdog: its owner (pid ${owner.pid}) is gone: stopping the database server (pid ${server})`,
    );
  });

  it("keeps running for another process that still uses it, which stops it when it leaves", async () => {
    const dataDir = newDataDir();
    const { owner, server } = await startOwner(dataDir);
    const second = await openManagedPostgres(dataDir, { role: "second" });
    expect(second.pid).toBe(server);
    owner.kill("SIGKILL");
    await until(
      "the watchdog decided",
      () =>
        readFileSync(join(dataDir, "postgres.log"), "utf8").includes("left running for 1 other process(es) using it"),
      15_000,
    );
    expect(processAlive(server)).toBe(true);
    await second.release();
    expect(processAlive(server)).toBe(false);
  });
});
