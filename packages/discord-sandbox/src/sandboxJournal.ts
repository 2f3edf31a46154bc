import { appendFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { processAlive } from "./processAlive.ts";
import { type SandboxChange, SandboxState } from "./sandboxState.ts";

/**
 * Keeps the sandbox's guild, channels, roles, users, messages and commands in a file (one JSON change per line), so a
 * restarted Steward finds the server it left: the same ids the database refers to. Each change is appended before
 * the REST or control call that made it answers, so a SIGKILL loses nothing that was acknowledged. Interactions
 * are not kept: their tokens would be dead after a restart anyway.
 */
export function openSandboxJournal(file: string, log: (line: string) => void = () => {}): SandboxState {
  mkdirSync(dirname(file), { recursive: true });
  lockJournal(file);
  const state = existsSync(file) ? restore(file, log) : new SandboxState();
  // Rewrite compactly on every start: edits of one message collapse into its last version.
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, [...state.snapshot()].map((c) => `${JSON.stringify(c)}\n`).join(""));
  renameSync(tmp, file);
  state.onChange = (change) => appendFileSync(file, `${JSON.stringify(change)}\n`);
  return state;
}

/**
 * One sandbox per journal: a second Steward on the same data directory would append to the same file from another
 * guild's point of view. A lock left by a killed process (its pid is gone) is taken over.
 */
function lockJournal(file: string) {
  const lock = `${file}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lock, String(process.pid), { flag: "wx" });
      process.once("exit", () => rmSync(lock, { force: true }));
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const holder = Number(readFileSync(lock, "utf8").trim() || "0");
    // After a crash the pid may belong to another program now: only a Steward (node) process holds the lock.
    if (holder && holder !== process.pid && processAlive(holder, /node|steward/)) {
      throw new Error(
        `The sandbox of ${dirname(file)} is already running in another Steward (pid ${holder}). Stop that one first, or give this one another STEWARD_DATA_DIR.`,
      );
    }
    rmSync(lock, { force: true });
  }
}

export function resetSandboxJournal(file: string): boolean {
  if (!existsSync(file)) return false;
  rmSync(file);
  return true;
}

function restore(file: string, log: (line: string) => void): SandboxState {
  const lines = readFileSync(file, "utf8").split("\n");
  let state: SandboxState | undefined;
  let torn = 0;
  for (const [i, line] of lines.entries()) {
    if (line.trim() === "") continue;
    let change: SandboxChange;
    try {
      change = JSON.parse(line) as SandboxChange;
    } catch {
      // Only the last line can be half-written (a kill during append); anything else means the file was edited.
      if (i >= lines.length - 2) {
        torn++;
        continue;
      }
      throw new Error(`${file} line ${i + 1} is not valid JSON: fix or delete that line, or reset the sandbox`);
    }
    if (change.t === "identity") state = new SandboxState(change.identity);
    else if (!state) throw new Error(`${file} does not start with the sandbox's identity: reset the sandbox`);
    else state.replay(change);
  }
  if (!state) return new SandboxState();
  log(
    `sandbox restored from ${file}: ${state.users.size} users, ${state.messages.size} messages${torn ? " (a half-written last line was dropped)" : ""}`,
  );
  return state;
}

/** The bot token of the sandbox journaled in `file` (its first line), for CLI tools that talk to a running one. */
export function sandboxBotToken(file: string): string | undefined {
  try {
    const first = readFileSync(file, "utf8").split("\n", 1)[0] ?? "";
    const change = JSON.parse(first) as { t?: string; identity?: { botToken?: string } };
    return change.t === "identity" ? change.identity?.botToken : undefined;
  } catch {
    return undefined;
  }
}
