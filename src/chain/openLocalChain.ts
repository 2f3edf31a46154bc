import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { processAlive } from "../processAlive.ts";
import { ANVIL_KEY_0, type LocalChain, startAnvil, watchAnvil } from "./startAnvil.ts";

interface ChainFile {
  pid: number;
  rpcUrl: string;
}

async function answers(rpcUrl: string): Promise<boolean> {
  try {
    const res = await fetch(rpcUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "eth_chainId", params: [] }),
      signal: AbortSignal.timeout(2000),
    });
    return res.ok;
  } catch {
    return false;
  }
}

/**
 * The sandbox's local chain: Anvil with its state in `<dataDir>/chain/state.json` (saved every second and on exit),
 * its address in `chain.json` so that CLI commands reach the running one. The process that started it stops it, and
 * so does its watchdog when that process dies. `own`: this process stops the chain when it stops (`start`), and a
 * chain found running (an earlier start's, whose watchdog did not get to stop it) is adopted: reused, as it holds
 * the newest state, and watched from now on; a CLI command that found it running leaves it be. "memory": a
 * throwaway chain (tests, benches).
 */
export async function openLocalChain(
  dataDir: string,
  options: { own: boolean; log: (line: string) => void },
): Promise<LocalChain & { reused: boolean }> {
  if (dataDir === "memory") return { ...(await startAnvil()), reused: false };
  const dir = join(dataDir, "chain");
  mkdirSync(dir, { recursive: true });
  const file = join(dir, "chain.json");
  const known = existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as ChainFile) : null;
  if (known && processAlive(known.pid, /anvil/) && (await answers(known.rpcUrl))) {
    const found = { rpcUrl: known.rpcUrl, deployerKey: ANVIL_KEY_0, reused: true };
    if (!options.own) return { ...found, stop: async () => {} };
    options.log(`reusing the local chain left running by an earlier start (pid ${known.pid})`);
    const watchdog = watchAnvil(known.pid, file);
    return {
      ...found,
      async stop() {
        await stopPid(known.pid, file);
        watchdog.release();
      },
    };
  }
  const chain = await startAnvil({ statePath: join(dir, "state.json"), detached: true, recordedIn: file });
  writeFileSync(file, `${JSON.stringify({ pid: chain.pid, rpcUrl: chain.rpcUrl } satisfies ChainFile)}\n`);
  return {
    ...chain,
    reused: false,
    async stop() {
      await chain.stop();
      rmSync(file, { force: true });
    },
  };
}

/** SIGTERM (Anvil saves its state on exit), then wait until it is gone. */
async function stopPid(pid: number, file: string) {
  try {
    process.kill(pid, "SIGTERM");
  } catch {
    // already gone
  }
  const deadline = Date.now() + 10_000;
  while (processAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  rmSync(file, { force: true });
}

/** Stops the local chain of a data directory if one runs (tests and tools cleaning up after a killed Steward). */
export async function stopLocalChain(dataDir: string): Promise<void> {
  const file = join(dataDir, "chain", "chain.json");
  if (!existsSync(file)) return;
  const known = JSON.parse(readFileSync(file, "utf8")) as ChainFile;
  if (processAlive(known.pid, /anvil/)) await stopPid(known.pid, file);
  else rmSync(file, { force: true });
}
