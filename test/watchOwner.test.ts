import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { processAlive } from "../src/processAlive.ts";
import { testDatabaseKind } from "./helpers/testDatabase.ts";
import { until } from "./helpers/until.ts";

const dir = mkdtempSync(join(tmpdir(), "steward-watchdog-"));
const owners: ChildProcess[] = [];
const children: number[] = [];

/**
 * A throwaway owner process: it starts `command` as its child, records it in `record` as chain.json does, arms a
 * watchdog for it, prints both pids, and releases the watchdog when a line arrives on its stdin.
 */
async function startOwner(command: string[], record: string) {
  const script = `
    import { spawn } from "node:child_process";
    import { writeFileSync } from "node:fs";
    import { watchOwner } from ${JSON.stringify(join(process.cwd(), "src", "watchOwner.ts"))};
    const [bin, ...args] = ${JSON.stringify(command)};
    const child = spawn(bin, args, { stdio: "ignore" });
    writeFileSync(${JSON.stringify(record)}, JSON.stringify({ pid: child.pid }));
    const watchdog = watchOwner({
      name: "test child",
      pid: child.pid,
      signals: { stop: "SIGTERM", force: "SIGKILL" },
      forget: ${JSON.stringify(record)},
    });
    process.stdout.write(JSON.stringify({ child: child.pid, watchdog: watchdog.pid }) + "\\n");
    process.stdin.on("data", () => {
      watchdog.release();
      process.stdout.write("released\\n");
    });
  `;
  const owner = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
    stdio: ["pipe", "pipe", "inherit"],
  });
  owners.push(owner);
  let stdout = "";
  owner.stdout?.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  const pids = await until("the owner's pids", async () => {
    const line = stdout.split("\n")[0];
    return stdout.includes("\n") && line ? (JSON.parse(line) as { child: number; watchdog: number }) : undefined;
  });
  children.push(pids.child);
  return { owner, ...pids, printed: () => stdout };
}

const gone = (pid: number) => async () => !processAlive(pid);

// Processes, not databases: once, in the embedded pass.
describe.runIf(testDatabaseKind === "embedded")("a watchdog of a child process", () => {
  afterAll(() => {
    for (const owner of owners) owner.kill("SIGKILL");
    for (const pid of children) if (processAlive(pid)) process.kill(pid, "SIGKILL");
    rmSync(dir, { recursive: true, force: true });
  });

  it("stops the child when its owner is SIGKILLed, forgets its record, and exits", async () => {
    const record = join(dir, "sleep.json");
    const { owner, child, watchdog } = await startOwner(["sleep", "60"], record);
    expect(processAlive(watchdog)).toBe(true);
    owner.kill("SIGKILL");
    await until("the child stopped", gone(child), 2_000, 20);
    await until("the watchdog exited", gone(watchdog), 2_000, 20);
    expect(existsSync(record)).toBe(false);
  });

  it("exits at once without touching the child once its owner releases it", async () => {
    const { owner, child, watchdog, printed } = await startOwner(["sleep", "60"], join(dir, "released.json"));
    owner.stdin?.write("release\n");
    await until("released", async () => printed().includes("released"));
    await until("the watchdog exited", gone(watchdog), 1_000, 20);
    owner.kill("SIGKILL");
    await new Promise((r) => setTimeout(r, 1_500));
    expect(processAlive(child)).toBe(true);
  });

  it("exits when the child ends on its own", async () => {
    const { child, watchdog } = await startOwner(["sleep", "0.2"], join(dir, "short.json"));
    await until("the child ended", gone(child), 2_000, 20);
    await until("the watchdog exited", gone(watchdog), 2_000, 20);
  });

  it("kills a child that ignores the request to stop", async () => {
    const stubborn = [process.execPath, "-e", "process.on('SIGTERM', () => {}); setInterval(() => {}, 60_000);"];
    const { owner, child, watchdog } = await startOwner(stubborn, join(dir, "stubborn.json"));
    // Give node a moment to install its SIGTERM handler.
    await new Promise((r) => setTimeout(r, 500));
    owner.kill("SIGKILL");
    await new Promise((r) => setTimeout(r, 2_000));
    expect(processAlive(child)).toBe(true);
    await until("the child killed", gone(child), 6_000, 50);
    await until("the watchdog exited", gone(watchdog), 1_000, 20);
  });
});
