// The watchdog started by watchOwner.ts: stops the database server once its owner process is gone. Plain
// JavaScript run by node directly (no TypeScript loader: a small, quick process), so it cannot import the package's
// TypeScript; the little it shares with it (file names, the presence prefix) comes in the JSON of its command line.
import { readFileSync, rmSync, writeFileSync } from "node:fs";

/** @type {import("./watchOwner.ts").WatchedChild & { owner: number }} */
const child = JSON.parse(process.argv[2] ?? "{}");
const { owner } = child;
/** How long a stopping child gets before the forceful signal, and then before the watchdog gives up on it. */
const GRACE_MS = 5_000;
/** How long a dead owner's presence connection may take to go away (the server notices the closed socket). */
const PRESENCE_GONE_MS = 3_000;

let acting = false;
// The owner's end of stdin closes when the owner dies, however it died.
process.stdin.on("end", () => void act());
process.stdin.on("error", () => void act());
process.stdin.resume();
// A fallback, should the pipe ever stay open (its end leaked into another process); and a child that went away on
// its own needs no watchdog (its pid could later name another program).
setInterval(() => {
  if (acting) return;
  if (!alive(owner)) void act();
  else if (typeof child.pid === "number" && !alive(child.pid)) process.exit(0);
}, 1_000);

async function act() {
  if (acting) return;
  acting = true;
  try {
    await stopChild();
  } catch (error) {
    say(`could not stop the ${child.name}: ${error instanceof Error ? error.message : error}`);
  }
  process.exit(0);
}

async function stopChild() {
  const unlock = child.shared ? takeLock(child.shared.lockFile) : () => {};
  if (!unlock) return;
  try {
    const pid = typeof child.pid === "number" ? child.pid : pidIn(child.pid.file);
    if (!pid || !alive(pid)) return;
    if (child.shared) {
      const users = await otherUsers(child.shared);
      if (users === undefined) {
        return say(
          `could not ask the ${child.name} (pid ${pid}) whether other processes use it: left running (the next start reuses it; kill -INT ${pid} stops it)`,
        );
      }
      if (users > 0) return say(`the ${child.name} is left running for ${users} other process(es) using it`);
    }
    say(`its owner (pid ${owner}) is gone: stopping the ${child.name} (pid ${pid})`);
    signal(pid, child.signals.stop);
    if (!(await gone(pid))) {
      say(`the ${child.name} (pid ${pid}) did not stop within ${GRACE_MS / 1000} s: sent ${child.signals.force}`);
      signal(pid, child.signals.force);
      await gone(pid);
    }
  } finally {
    unlock();
  }
}

/**
 * The start lock of the managed PostgreSQL server (see acquireStartLock in managedPostgres.ts). Another live
 * holder is a process starting the server, which has a watchdog of its own, or another watchdog deciding
 * the same: either way this one leaves it to them (undefined).
 */
function takeLock(file) {
  for (;;) {
    try {
      writeFileSync(file, String(process.pid), { flag: "wx" });
      return () => rmSync(file, { force: true });
    } catch (error) {
      if (error.code !== "EEXIST") throw error;
    }
    let holder;
    try {
      holder = Number(readFileSync(file, "utf8").trim());
    } catch {
      continue; // released in between
    }
    // An empty file is one its holder is writing at this very moment.
    if (holder === 0 || (holder !== owner && alive(holder))) {
      say(`another process (pid ${holder || "?"}) is starting or stopping the ${child.name}: left to it`);
      return undefined;
    }
    rmSync(file, { force: true });
  }
}

/**
 * How many other processes hold a presence connection to the server (managedPostgres.ts), or undefined
 * when it cannot be asked. A connection of a process that is gone counts once it outlasted PRESENCE_GONE_MS.
 */
async function otherUsers({ credentialsFile, presencePrefix }) {
  const { default: pg } = await import("pg");
  const { user, password, port } = JSON.parse(readFileSync(credentialsFile, "utf8"));
  const client = new pg.Client({
    host: "127.0.0.1",
    port,
    user,
    password,
    database: "postgres",
    // A server that hangs must not keep the watchdog waiting.
    connectionTimeoutMillis: 2_000,
    query_timeout: 2_000,
  });
  client.on("error", () => {});
  try {
    await client.connect();
  } catch (error) {
    // Not accepting connections yet (the owner died while starting it) or any more (it is stopping): then nobody
    // can be using it.
    return error.code === "57P03" || error.code === "ECONNREFUSED" ? 0 : undefined;
  }
  try {
    const deadline = Date.now() + PRESENCE_GONE_MS;
    for (;;) {
      const { rows } = await client.query(
        "SELECT application_name AS name FROM pg_stat_activity WHERE application_name LIKE $1",
        [`${presencePrefix}:%`],
      );
      const pids = rows.map((r) => Number(r.name.split(":")[1]));
      if (pids.every(alive) || Date.now() > deadline) return pids.filter((p) => p !== owner).length;
      await sleep(50);
    }
  } finally {
    await client.end().catch(() => {});
  }
}

/** The pid on the first line of a postmaster.pid; not initdb's negative one (a pid below 0 names a process group). */
function pidIn(file) {
  try {
    const pid = Number(readFileSync(file, "utf8").split("\n")[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

async function gone(pid) {
  const deadline = Date.now() + GRACE_MS;
  while (alive(pid) && Date.now() < deadline) await sleep(25);
  return !alive(pid);
}

function signal(pid, name) {
  try {
    process.kill(pid, name);
  } catch {
    // gone already
  }
}

/** Like processAlive.ts: a zombie (killed, not yet reaped by its parent) is gone. */
function alive(pid) {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (error) {
    return error.code === "EPERM";
  }
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return true; // no /proc (macOS): the signal is all there is
  }
}

function say(line) {
  process.stdout.write(`${new Date().toISOString()} watchdog: ${line}\n`);
}

function sleep(ms) {
  return new Promise((r) => setTimeout(r, ms));
}
