import { readFileSync } from "node:fs";
import { processAlive } from "./processAlive.ts";

/**
 * When Steward was started by `npm start`, the npm process is the one a person (or a supervisor) signals. A SIGKILL
 * of npm cannot be forwarded, so Steward would live on as an orphan holding its ports, and the next `npm start`
 * would fail on them. This watches the npm ancestor and calls `onGone` once it disappears, so Steward stops as a
 * foreground program would. Without npm among its ancestors (node run directly, Docker), it does nothing.
 */
export function watchLauncher(onGone: (launcherPid: number) => void, intervalMs = 500): () => void {
  const launcher = npmAncestor();
  if (launcher === undefined) return () => {};
  const timer = setInterval(() => {
    // A killed npm whose parent has not reaped it yet is a zombie: gone all the same.
    if (!processAlive(launcher)) {
      clearInterval(timer);
      onGone(launcher);
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}

function npmAncestor(): number | undefined {
  if (!process.env.npm_lifecycle_event) return undefined;
  let pid = process.ppid;
  for (let depth = 0; depth < 4 && pid > 1; depth++) {
    const cmdline = read(`/proc/${pid}/cmdline`).split("\0").join(" ");
    if (/(^|\/|\s)npm(-cli\.js)?(\s|$)/.test(cmdline)) return pid;
    pid = Number(
      read(`/proc/${pid}/stat`)
        .replace(/^.*\) \S+ /, "")
        .split(" ")[0] ?? 0,
    );
  }
  return undefined;
}

function read(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return "";
  }
}
