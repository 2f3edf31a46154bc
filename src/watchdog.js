// The watchdog started by watchOwner.ts: stops one child of Steward's once its owner process is gone. Plain
// JavaScript run by node directly (no tsx: a small, quick process), so it cannot import Steward's TypeScript; the
// little it shares with it (file names) comes in the JSON of its command line. (The managed PostgreSQL server has a
// watchdog of its own, in @steward/managed-postgres.)
import { readFileSync, rmSync } from "node:fs";

/** @type {import("./watchOwner.ts").WatchedChild & { owner: number }} */
const child = JSON.parse(process.argv[2] ?? "{}");
const { owner } = child;
/** How long a stopping child gets before the forceful signal, and then before the watchdog gives up on it. */
const GRACE_MS = 5_000;

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
  const pid = typeof child.pid === "number" ? child.pid : pidIn(child.pid.file);
  if (!pid || !alive(pid)) return forget(pid);
  say(`Steward (pid ${owner}) is gone: stopping the ${child.name} (pid ${pid})`);
  signal(pid, child.signals.stop);
  if (!(await gone(pid))) {
    say(`the ${child.name} (pid ${pid}) did not stop within ${GRACE_MS / 1000} s: sent ${child.signals.force}`);
    signal(pid, child.signals.force);
    await gone(pid);
  }
  forget(pid);
}

function forget(pid) {
  if (!child.forget || !pid) return;
  try {
    if (JSON.parse(readFileSync(child.forget, "utf8")).pid === pid) rmSync(child.forget, { force: true });
  } catch {
    // gone already, or not ours to judge
  }
}

/** The pid on the first line of a pid file; never a negative one (a pid below 0 names a process group). */
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
  process.stdout.write(`${new Date().toISOString()} steward watchdog: ${line}\n`);
}

function sleep(ms) {
  return new Promise((r) => setTimeout(r, ms));
}
