import { spawn } from "node:child_process";
import { closeSync, openSync } from "node:fs";
import type { Socket } from "node:net";
import { fileURLToPath } from "node:url";

/** The server a watchdog stops, and how. Given to the watchdog on its command line: no secrets. */
export interface WatchedChild {
  /** What it is, in the watchdog's lines ("database server"). */
  name: string;
  /**
   * Its pid, or a file whose first line is its pid, read once the owner is gone (a server that another process
   * restarted in the meantime is the one stopped).
   */
  pid: number | { file: string };
  /** Asks it to stop; `force` follows when it still runs a few seconds later. */
  signals: { stop: NodeJS.Signals; force: NodeJS.Signals };
  /**
   * A PostgreSQL server that several processes share: stopped only when none of them holds a presence connection
   * any more, deciding and stopping under its start lock so that no start reuses it in the meantime.
   */
  shared?: { credentialsFile: string; presencePrefix: string; lockFile: string };
  /** Where the watchdog appends what it did (default: nowhere). */
  logFile?: string;
}

export interface Watchdog {
  pid: number;
  /** This process is done with the child (it stopped it, or leaves it to other users): the watchdog just exits. */
  release(): void;
}

const program = fileURLToPath(new URL("./watchdog.js", import.meta.url));

/**
 * Starts a watchdog that stops `child` once this process is gone, whatever ended it (SIGKILL, out of memory, an exit
 * without cleaning up). It runs in a process group of its own, so that a signal to its owner's group does not end it
 * before it acts, and learns of the death at once: its stdin is a pipe whose other end only this process holds
 * (Node opens it close-on-exec, so later children do not inherit it), and the kernel closes that end when this
 * process dies. Plain JavaScript run by node itself: it starts in a few tens of milliseconds, small, without a TypeScript loader.
 */
export function watchOwner(child: WatchedChild): Watchdog {
  const log = child.logFile ? openSync(child.logFile, "a") : "ignore";
  try {
    const watchdog = spawn(process.execPath, [program, JSON.stringify({ owner: process.pid, ...child })], {
      detached: true,
      stdio: ["pipe", log, log],
      // Nothing of the owner's environment: no secrets, no NODE_OPTIONS loading a loader into it, no PG* settings.
      env: {},
    });
    watchdog.once("error", () => {});
    const pipe = watchdog.stdin as Socket;
    pipe.on("error", () => {});
    // Neither the watchdog nor its pipe keeps this process running.
    watchdog.unref();
    pipe.unref();
    return {
      pid: watchdog.pid ?? 0,
      release() {
        // Through the ChildProcess: once the watchdog exited (its child went away first) this is a no-op, never a
        // signal to a process that took its pid.
        watchdog.kill("SIGTERM");
        pipe.destroy();
      },
    };
  } finally {
    if (typeof log === "number") closeSync(log);
  }
}
