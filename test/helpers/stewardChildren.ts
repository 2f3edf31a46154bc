import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { processAlive } from "../../src/processAlive.ts";

/** The processes a `steward start` of `dataDir` runs beside itself: its database server and its local chain. */
export function childrenOf(dataDir: string) {
  const postgres = Number(readFileSync(join(dataDir, "postgres", "postmaster.pid"), "utf8").split("\n")[0]);
  const { pid: anvil } = JSON.parse(readFileSync(join(dataDir, "chain", "chain.json"), "utf8")) as { pid: number };
  return { postgres, anvil };
}

/** The watchdogs armed for `dataDir`'s children (their command line names a file of the data directory). */
export function watchdogsOf(dataDir: string): number[] {
  const ps = spawnSync("ps", ["-A", "-ww", "-o", "pid=,args="], { encoding: "utf8" });
  return ps.stdout
    .split("\n")
    .filter((line) => line.includes("watchdog.js") && line.includes(dataDir))
    .map((line) => Number(line.trim().split(/\s+/)[0]));
}

/** Whether every process Steward ran for `dataDir` is gone: the database server, the chain, the watchdogs. */
export function nothingLeft(dataDir: string, children: { postgres: number; anvil: number }) {
  return async () =>
    !processAlive(children.postgres) && !processAlive(children.anvil) && watchdogsOf(dataDir).length === 0;
}
