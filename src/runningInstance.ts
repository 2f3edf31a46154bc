import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { processAlive } from "./processAlive.ts";

/** Where a running `steward start` is reached: written into its data directory so that other commands find it. */
export interface RunningInstance {
  pid: number;
  /** Steward's HTTP server (heartbeats, the transparency page, wallet link messages). */
  httpUrl: string;
  /** The local Discord sandbox, when it runs one. */
  sandboxUrl?: string;
}

export const runningFile = (dataDir: string) => join(dataDir, "running.json");

/**
 * Records this process as the Steward of `dataDir`; the returned function removes the record at a clean stop (only
 * while it still names this process). A record left by a killed process is recognised by its pid being gone.
 */
export function recordRunning(dataDir: string, instance: Omit<RunningInstance, "pid">): () => void {
  mkdirSync(dataDir, { recursive: true });
  const file = runningFile(dataDir);
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify({ pid: process.pid, ...instance } satisfies RunningInstance)}\n`);
  renameSync(tmp, file);
  return () => {
    if (readRecord(file)?.pid === process.pid) rmSync(file, { force: true });
  };
}

/** The Steward running on `dataDir`, or null when none is recorded or the recorded one is gone. */
export function findRunning(dataDir: string): RunningInstance | null {
  const record = readRecord(runningFile(dataDir));
  return record && processAlive(record.pid, /node|steward/) ? record : null;
}

function readRecord(file: string): RunningInstance | null {
  try {
    const parsed = JSON.parse(readFileSync(file, "utf8")) as Partial<RunningInstance>;
    if (typeof parsed.pid !== "number" || typeof parsed.httpUrl !== "string") return null;
    return parsed as RunningInstance;
  } catch {
    return null;
  }
}
