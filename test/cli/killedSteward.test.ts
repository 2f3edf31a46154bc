import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { stopLocalChain } from "../../src/chain/openLocalChain.ts";
import { destroyManagedData } from "../../src/db/managedPostgres.ts";
import { processAlive } from "../../src/processAlive.ts";
import { childrenOf, nothingLeft, watchdogsOf } from "../helpers/stewardChildren.ts";
import { exited, startStewardProcess } from "../helpers/stewardProcess.ts";
import { testDatabaseKind } from "../helpers/testDatabase.ts";
import { until } from "../helpers/until.ts";

const dirs: string[] = [];
const running: ChildProcess[] = [];

function newDataDir() {
  const dir = mkdtempSync(join(tmpdir(), "steward-killed-"));
  dirs.push(dir);
  return dir;
}

// Settlement on (the default): the sandbox's local chain runs beside the database server.
const envFor = (dataDir: string) => ({
  PATH: process.env.PATH,
  HOME: process.env.HOME,
  SANDBOX_PORT: "0",
  HTTP_PORT: "0",
  STEWARD_DATA_DIR: dataDir,
  LOG_LEVEL: "warn",
});

async function start(dataDir: string, options: { detached?: boolean } = {}) {
  const started = await startStewardProcess(envFor(dataDir), options);
  running.push(started.proc);
  return started;
}

async function rpc(dataDir: string, method: string, params: unknown[] = []): Promise<unknown> {
  const { rpcUrl } = JSON.parse(readFileSync(join(dataDir, "chain", "chain.json"), "utf8")) as { rpcUrl: string };
  const res = await fetch(rpcUrl, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
  });
  return ((await res.json()) as { result: unknown }).result;
}

/** Mines a few blocks right before a kill: only a chain that saved its state when it was stopped still has them. */
async function mineBlocks(dataDir: string): Promise<number> {
  await rpc(dataDir, "anvil_mine", ["0x5"]);
  return Number(await rpc(dataDir, "eth_blockNumber"));
}

async function databaseAnswers(dataDir: string): Promise<boolean> {
  const { user, password, port } = JSON.parse(readFileSync(join(dataDir, "postgres.json"), "utf8"));
  const client = new pg.Client({ host: "127.0.0.1", port, user, password, database: "steward" });
  client.on("error", () => {});
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

/** A CLI command's stand-in: a process holding the managed database (as `steward audit verify` does) until killed. */
async function holdDatabase(dataDir: string): Promise<ChildProcess> {
  const script = `
    import { openDatabase } from ${JSON.stringify(join(process.cwd(), "src", "db", "openDatabase.ts"))};
    await openDatabase({ kind: "embedded", dataDir: ${JSON.stringify(dataDir)}, options: { role: "audit verify" } });
    process.stdout.write("open\\n");
    setInterval(() => {}, 60_000);
  `;
  const proc = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME },
    stdio: ["ignore", "pipe", "inherit"],
  });
  running.push(proc);
  await new Promise<void>((resolve, reject) => {
    proc.stdout?.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("open")) resolve();
    });
    proc.once("exit", (code) => reject(new Error(`the CLI stand-in exited (${code}) before it opened the database`)));
  });
  return proc;
}

/**
 * Nothing Steward starts outlives it: a `steward start` killed by SIGKILL (alone or with its whole process group)
 * leaves no database server, local chain or watchdog behind, and the next start opens the same data. A database
 * server still used by another Steward process (a CLI command) keeps running until that one is gone too.
 */
describe.runIf(testDatabaseKind === "embedded")("a killed Steward", () => {
  afterAll(async () => {
    for (const proc of running) if (proc.exitCode === null && proc.signalCode === null) proc.kill("SIGKILL");
    for (const dir of dirs) {
      await stopLocalChain(dir);
      await destroyManagedData(dir);
    }
  });

  it("leaves no database server, local chain or watchdog behind, and the next start reuses its data", async () => {
    const dataDir = newDataDir();
    const first = await start(dataDir);
    await first.client.createUser("kim", ["Member"]);
    const guildId = (await first.client.state()).guildId;
    const children = childrenOf(dataDir);
    expect(watchdogsOf(dataDir)).toHaveLength(2);
    const blocks = await mineBlocks(dataDir);

    first.proc.kill("SIGKILL");
    await exited(first.proc);
    await until("the database server, the local chain and their watchdogs gone", nothingLeft(dataDir, children), 5_000);
    expect(existsSync(join(dataDir, "chain", "chain.json"))).toBe(false);

    // The next start finds the same sandbox, users and chain (which saved its state when it was stopped).
    const second = await start(dataDir);
    expect((await second.client.state()).guildId).toBe(guildId);
    expect((await second.client.state()).users.map((u) => u.username)).toContain("kim");
    expect(Number(await rpc(dataDir, "eth_blockNumber"))).toBeGreaterThanOrEqual(blocks);
    expect(second.stderr()).not.toMatch(/lost its contracts/);

    // A graceful stop leaves nothing behind either.
    const again = childrenOf(dataDir);
    second.proc.kill("SIGTERM");
    await exited(second.proc);
    await until("nothing left after a graceful stop", nothingLeft(dataDir, again), 3_000);
  }, 60_000);

  it("leaves nothing behind when its whole process group is killed", async () => {
    const dataDir = newDataDir();
    const first = await start(dataDir, { detached: true });
    const children = childrenOf(dataDir);
    const blocks = await mineBlocks(dataDir);

    process.kill(-(first.proc.pid as number), "SIGKILL");
    await exited(first.proc);
    await until("the database server, the local chain and their watchdogs gone", nothingLeft(dataDir, children), 5_000);

    const second = await start(dataDir);
    expect(Number(await rpc(dataDir, "eth_blockNumber"))).toBeGreaterThanOrEqual(blocks);
    second.proc.kill("SIGTERM");
    await exited(second.proc);
  }, 60_000);

  it("keeps the database server running for a CLI command still using it, and stops it once that one is killed", async () => {
    const dataDir = newDataDir();
    const steward = await start(dataDir);
    const children = childrenOf(dataDir);
    const cli = await holdDatabase(dataDir);

    steward.proc.kill("SIGKILL");
    await exited(steward.proc);
    await until("the local chain stopped", async () => !processAlive(children.anvil), 5_000);
    // Longer than a watchdog waits for a dead owner's connection to go away.
    await new Promise((r) => setTimeout(r, 3_000));
    expect(processAlive(children.postgres)).toBe(true);
    expect(await databaseAnswers(dataDir)).toBe(true);

    cli.kill("SIGKILL");
    await exited(cli);
    await until("the database server and every watchdog gone", nothingLeft(dataDir, children), 5_000);
  }, 60_000);
});
