import { randomUUID } from "node:crypto";
import { readFileSync, readlinkSync } from "node:fs";
import { hostname } from "node:os";
import type { Db } from "../../db/openDatabase.ts";

/** This Steward process as claims name it (a row of StewardInstance). */
export interface ProcessInstance {
  id: string;
  /** Where its pid is meaningful (see pidSpace). */
  host: string;
  pid: number;
  /** Random per OS process: a pid reused by a later process (a container restarting as pid 1) is told apart. */
  processKey: string;
  role: string;
}

const PROCESS_KEY = randomUUID();

/** Silent this long (no heartbeat), a process counts as dead and its claims are released. */
export const INSTANCE_SILENCE_SECONDS = 30;

/**
 * Where pids mean the same thing: the host name, this boot of its kernel and the pid namespace (containers sharing a
 * host name, or the host's network, still see different pids). Without /proc (macOS) the host name alone.
 */
function pidSpace(): string {
  const read = (f: () => string) => {
    try {
      return f().trim();
    } catch {
      return "";
    }
  };
  const boot = read(() => readFileSync("/proc/sys/kernel/random/boot_id", "utf8"));
  const namespace = read(() => readlinkSync("/proc/self/ns/pid"));
  return [hostname(), boot, namespace].filter(Boolean).join("/");
}

const PID_SPACE = pidSpace();

export function newProcessInstance(role: string): ProcessInstance {
  return { id: randomUUID(), host: PID_SPACE, pid: process.pid, processKey: PROCESS_KEY, role };
}

/**
 * The statement that makes sure the instance's row exists and is fresh: claims run it first (a claim proves the
 * claimer alive), and the heartbeat runs it alone. Parameters $1–$5: id, host, pid, processKey, role.
 */
export const UPSERT_INSTANCE = `INSERT INTO "StewardInstance" ("id", "host", "pid", "processKey", "role", "startedAt", "seenAt")
  VALUES ($1, $2, $3, $4, $5, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC')
  ON CONFLICT ("id") DO UPDATE SET "seenAt" = now() AT TIME ZONE 'UTC'`;

export const instanceParams = (i: ProcessInstance) => [i.id, i.host, i.pid, i.processKey, i.role];

/** Tells the others this process is alive (the database's clock in UTC, so a test's shifted clock cannot age it). */
export async function touchInstance(db: Db, instance: ProcessInstance): Promise<void> {
  await db.$executeRawUnsafe(UPSERT_INSTANCE, ...instanceParams(instance));
}

/**
 * Deletes the rows of processes that are gone, which releases every claim they held (ON DELETE SET NULL): silent
 * for INSTANCE_SILENCE_SECONDS anywhere, or, in this pid space, a pid no longer running (`isAlive`) or reused by a
 * later process. Returns how many were gone.
 */
export async function reapDeadInstances(
  db: Db,
  self: ProcessInstance,
  isAlive: (pid: number) => boolean,
): Promise<number> {
  const silent = await db.$executeRawUnsafe(
    `DELETE FROM "StewardInstance" WHERE "id" <> $1 AND "seenAt" < now() AT TIME ZONE 'UTC' - make_interval(secs => $2)`,
    self.id,
    INSTANCE_SILENCE_SECONDS,
  );
  const here = await db.stewardInstance.findMany({
    where: { host: self.host, id: { not: self.id } },
    select: { id: true, pid: true, processKey: true },
  });
  const dead = here.filter((r) => (r.pid === self.pid ? r.processKey !== self.processKey : !isAlive(r.pid)));
  if (dead.length > 0) await db.stewardInstance.deleteMany({ where: { id: { in: dead.map((r) => r.id) } } });
  return silent + dead.length;
}

/** A process that stops deletes its row: what it claimed and did not finish is free for the next one at once. */
export async function retireInstance(db: Db, instance: ProcessInstance): Promise<void> {
  await db.stewardInstance.deleteMany({ where: { id: instance.id } });
}
