import { type ChildProcess, execFile, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { stopLocalChain } from "../../src/chain/openLocalChain.ts";
import { destroyManagedData } from "../../src/db/managedPostgres.ts";
import { runningFile } from "../../src/runningInstance.ts";
import { finalResponse } from "../helpers/sandboxClient.ts";
import { exited, startStewardProcess, stewardBin } from "../helpers/stewardProcess.ts";
import { testDatabaseKind } from "../helpers/testDatabase.ts";

const execFileAsync = promisify(execFile);
const dataDir = mkdtempSync(join(tmpdir(), "steward-first-hour-"));
/** What a newcomer's second terminal has: the data directory, not the ports Steward was started with. */
const env = { PATH: process.env.PATH, HOME: process.env.HOME, STEWARD_DATA_DIR: dataDir, LOG_LEVEL: "warn" };

/** A `steward` command run to its end, without blocking this process (the test talks to Steward meanwhile). */
async function steward(args: string[], input?: string) {
  const child = execFileAsync(process.execPath, [stewardBin, ...args], { env, encoding: "utf8" });
  if (input !== undefined) child.child.stdin?.end(input);
  try {
    const { stdout, stderr } = await child;
    return { status: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { status: e.code ?? 1, stdout: e.stdout ?? "", stderr: e.stderr ?? "" };
  }
}

const jsonLines = (text: string) =>
  text
    .split("\n")
    .filter((l) => l.startsWith("{"))
    .map((l) => JSON.parse(l) as { level: number; msg: string });

describe.runIf(testDatabaseKind === "embedded")("the first hour, as a newcomer tries it", () => {
  let proc: ChildProcess | undefined;
  afterAll(async () => {
    if (proc && proc.exitCode === null) {
      proc.kill("SIGKILL");
      await exited(proc);
    }
    await stopLocalChain(dataDir);
    await destroyManagedData(dataDir);
  });

  it("finds the running Steward from its data directory, signs a wallet link in one command, keeps keys out of git, and stops and restarts quietly", async () => {
    // Started on ports of its own choosing (as with SANDBOX_PORT=4310): the other commands are not told them.
    const started = await startStewardProcess({ ...env, SANDBOX_PORT: "0", HTTP_PORT: "0", LOG_LEVEL: "info" });
    proc = started.proc;
    const sandboxUrl = started.client.baseUrl;
    expect(JSON.parse(readFileSync(runningFile(dataDir), "utf8"))).toMatchObject({ pid: proc.pid, sandboxUrl });

    // The terminal client and the doctor find it; a value with a space needs no quotes.
    const session = await steward(["sandbox"], "adduser alice Member\nas alice /audit trace id:proposal 2\n");
    expect(session.stdout).toContain(`Steward sandbox at ${sandboxUrl} (the running Steward of ${dataDir})`);
    expect(session.stdout).not.toContain("has no subcommand");
    expect(session.stdout).toContain("There is no proposal `#2` in this server.");
    const doctor = await steward(["doctor"]);
    expect(doctor.stdout).not.toContain("No Steward sandbox answers");
    expect(doctor.stdout).toMatch(/^[✓✗] /m);

    // A wallet without another tool: a key (0600, never overwritten), and the signature of the pending request.
    const created = await steward(["wallet", "new"]);
    expect(created.status).toBe(0);
    const [, keyFile = "", address = ""] =
      /Created a wallet key in (\S+); its address: (0x[0-9a-fA-F]{40})/.exec(created.stdout) ?? [];
    expect(keyFile.startsWith(join(dataDir, "wallets"))).toBe(true);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    const again = await steward(["wallet", "new", "--out", keyFile]);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain("already exists");
    const tooEarly = await steward(["wallet", "sign", "--key", keyFile]);
    expect(tooEarly.status).toBe(1);
    expect(tooEarly.stderr).toContain(`/wallet link address:${address}`);
    await started.client.run("alice", "wallet link", { address });
    const signed = await steward(["wallet", "sign", "--key", keyFile]);
    expect(signed.status).toBe(0);
    const signature = signed.stdout.trim();
    expect(signature).toMatch(/^0x[0-9a-f]{130}$/);
    const verified = finalResponse(await started.client.run("alice", "wallet verify", { signature }));
    expect(verified.content).toBe(`Wallet **${address}** is now linked. Your rewards will be paid to it.`);

    // The node agent keeps its key in the data directory by default, and git ignores keys wherever they are.
    const agent = await steward(["node-agent"]);
    expect(agent.status).toBe(0);
    expect(agent.stdout).toContain(`the node key in ${join(dataDir, "node.key")}`);
    expect(agent.stdout).toContain("npm run steward -- node-agent --api");
    expect(statSync(join(dataDir, "node.key")).mode & 0o777).toBe(0o600);
    const ignored = spawnSync("git", ["check-ignore", "node.key", "keys/wallet.key"], { encoding: "utf8" });
    expect(ignored.stdout.trim().split("\n")).toEqual(["node.key", "keys/wallet.key"]);

    // A clean stop: no warning that the gateway is reconnecting, and the record of the running Steward is gone.
    proc.kill("SIGTERM");
    await exited(proc);
    expect(jsonLines(started.stderr()).filter((l) => /gateway reconnecting/.test(l.msg))).toEqual([]);
    expect(existsSync(runningFile(dataDir))).toBe(false);
    const stopped = await steward(["sandbox"], "users\n");
    expect(stopped.status).toBe(1);
    expect(stopped.stderr).toContain("No Steward sandbox answers at http://127.0.0.1:3210");

    // Restarted: restoring the sandbox is news, not a warning. Killed: its record stays but names a dead process.
    const restarted = await startStewardProcess({ ...env, SANDBOX_PORT: "0", HTTP_PORT: "0", LOG_LEVEL: "info" });
    proc = restarted.proc;
    const restored = jsonLines(restarted.stderr()).find((l) => l.msg.startsWith("sandbox restored"));
    expect(restored?.level).toBe(30);
    proc.kill("SIGKILL");
    await exited(proc);
    expect(existsSync(runningFile(dataDir))).toBe(true);
    const stale = await steward(["sandbox"], "users\n");
    expect(stale.stderr).toContain(`(SANDBOX_PORT; no Steward runs on ${dataDir})`);
  }, 400_000);
});
