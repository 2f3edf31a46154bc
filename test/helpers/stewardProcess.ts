import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import { SandboxClient } from "./sandboxClient.ts";

export const stewardBin = join(process.cwd(), "bin", "steward.js");

/**
 * `steward start` as its own process, resolved at its `sandbox ready:` line with a client for that sandbox.
 * `detached`: in a process group of its own, so that a test can kill the group (`process.kill(-pid, …)`).
 */
export function startStewardProcess(
  env: NodeJS.ProcessEnv,
  options: { detached?: boolean } = {},
): Promise<{ proc: ChildProcess; client: SandboxClient; stdout: () => string; stderr: () => string }> {
  const proc = spawn(process.execPath, [stewardBin, "start"], {
    env,
    stdio: ["ignore", "pipe", "pipe"],
    detached: options.detached ?? false,
  });
  let stdout = "";
  let stderr = "";
  proc.stderr?.on("data", (c: Buffer) => {
    stderr += c.toString();
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ready line in 60 s; stderr: ${stderr}`)), 60_000);
    proc.stdout?.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      const url = /^sandbox ready: (\S+)$/m.exec(stdout)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve({ proc, client: new SandboxClient(url), stdout: () => stdout, stderr: () => stderr });
      }
    });
    proc.once("exit", (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`steward exited (${code ?? signal}) before it was ready: ${stderr}`));
    });
  });
}

/** Resolves when the process has exited (at once if it already has). */
export function exited(proc: ChildProcess): Promise<unknown> {
  return proc.exitCode !== null || proc.signalCode !== null
    ? Promise.resolve()
    : new Promise((r) => proc.once("exit", r));
}
