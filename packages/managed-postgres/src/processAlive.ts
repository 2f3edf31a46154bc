import { readFileSync } from "node:fs";

/**
 * Whether a process still runs: signal 0 (EPERM: it exists, under another user), then not a zombie (a killed
 * process keeps its pid until it is reaped, but it is gone). With `command`, a pid reused after a crash by another
 * program counts as gone too. Where /proc is missing (macOS) only the signal is trusted.
 */
export function processAlive(pid: number, command?: RegExp): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
  const read = (file: string) => {
    try {
      return readFileSync(file, "utf8");
    } catch {
      return undefined;
    }
  };
  const stat = read(`/proc/${pid}/stat`);
  if (stat !== undefined && /^\d+ \(.*\) Z/.test(stat)) return false;
  if (!command) return true;
  const cmdline = read(`/proc/${pid}/cmdline`);
  return cmdline === undefined || command.test(cmdline);
}
