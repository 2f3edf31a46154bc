import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { type AddressInfo, createServer } from "node:net";
import { dirname, join } from "node:path";
import { type Watchdog, watchOwner } from "../watchOwner.ts";

const require = createRequire(import.meta.url);

/** The anvil binary shipped inside @foundry-rs/anvil's platform package (npm does not run its postinstall). */
export function anvilBinary(): string {
  const arch = process.arch === "x64" ? "amd64" : process.arch;
  const pkg = `@foundry-rs/anvil-${process.platform}-${arch}/package.json`;
  let path: string;
  try {
    path = join(dirname(require.resolve(pkg)), "bin", process.platform === "win32" ? "anvil.exe" : "anvil");
  } catch {
    throw new Error(`no anvil binary for ${process.platform}-${arch}: install @foundry-rs/anvil (npm ci)`);
  }
  if (!existsSync(path)) throw new Error(`anvil binary missing at ${path}`);
  return path;
}

export interface LocalChain {
  rpcUrl: string;
  /** Anvil's first default account: rich, unlocked, deterministic (a local test key, never a real one). */
  deployerKey: string;
  stop(): Promise<void>;
}

export const ANVIL_KEY_0 = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";

/**
 * Starts Anvil on a free port (or `port`) and resolves once its JSON-RPC answers. A port the OS called free can be
 * taken before Anvil binds it (other servers start at the same time): then another one is tried. A watchdog stops
 * it when this process dies without stopping it.
 */
export async function startAnvil(
  options: Parameters<typeof startAnvilOnce>[0] = {},
): Promise<LocalChain & { pid: number }> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startAnvilOnce({ ...options, port: options.port ?? (await freePort()) });
    } catch (error) {
      const taken = /Address already in use/.test(String((error as Error).message));
      if (!taken || options.port !== undefined || attempt >= 5) throw error;
    }
  }
}

/** A port the OS has just called free on 127.0.0.1. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function startAnvilOnce(
  options: {
    port?: number;
    chainId?: number;
    /** Loads the chain from this file and saves it there every second and on exit (`--state`). */
    statePath?: string;
    /**
     * In a process group of its own: a signal to Steward's group (Ctrl-C, `kill -- -<pgid>`) does not reach it, and
     * its watchdog stops it with SIGTERM, on which it saves its state.
     */
    detached?: boolean;
    /** The file that records this Anvil for other processes (chain.json): removed when its watchdog stops it. */
    recordedIn?: string;
  } = {},
): Promise<LocalChain & { pid: number }> {
  const port = options.port ?? 0;
  const args = [
    "--port",
    String(port),
    "--host",
    "127.0.0.1",
    "--chain-id",
    String(options.chainId ?? 31337),
    "--silent",
  ];
  if (options.statePath) args.push("--state", options.statePath, "--state-interval", "1");
  const child: ChildProcess = spawn(anvilBinary(), args, {
    stdio: ["ignore", "ignore", "pipe"],
    detached: options.detached ?? false,
  });
  const watchdog = watchAnvil(child.pid as number, options.recordedIn);
  let stderr = "";
  child.stderr?.on("data", (d) => {
    stderr += String(d);
  });
  const rpcUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) {
      watchdog.release();
      throw new Error(`anvil exited with ${child.exitCode}: ${stderr.slice(0, 500)}`);
    }
    try {
      const res = await fetch(rpcUrl, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "eth_chainId", params: [] }),
      });
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      watchdog.release();
      throw new Error(`anvil did not answer on ${rpcUrl} within 15 s`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    rpcUrl,
    pid: child.pid as number,
    deployerKey: ANVIL_KEY_0,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        child.kill("SIGTERM");
        await exited;
      }
      watchdog.release();
    },
  };
}

/** A watchdog that stops the Anvil of `pid` once this process is gone: SIGTERM (it saves its state), then SIGKILL. */
export function watchAnvil(pid: number, recordedIn?: string): Watchdog {
  return watchOwner({
    name: "local chain",
    pid,
    signals: { stop: "SIGTERM", force: "SIGKILL" },
    ...(recordedIn ? { forget: recordedIn } : {}),
  });
}
