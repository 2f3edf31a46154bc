import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
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
): Promise<LocalChain & { reused: boolean; savedBlock: () => number }> {
  if (dataDir === "memory")
    return { ...(await startAnvil()), reused: false, savedBlock: () => Number.MAX_SAFE_INTEGER };
  const dir = join(dataDir, "chain");
  mkdirSync(dir, { recursive: true });
  const file = join(dir, "chain.json");
  const statePath = join(dir, "state.json");
  const savedBlock = () => keepCompleteCopy(statePath) ?? -1;
  const known = existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as ChainFile) : null;
  if (known && processAlive(known.pid, /anvil/) && (await answers(known.rpcUrl))) {
    const found = { rpcUrl: known.rpcUrl, deployerKey: ANVIL_KEY_0, reused: true, savedBlock };
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
  usableState(statePath, options.log);
  const chain = await startAnvil({ statePath, detached: true, recordedIn: file });
  writeFileSync(file, `${JSON.stringify({ pid: chain.pid, rpcUrl: chain.rpcUrl } satisfies ChainFile)}\n`);
  return {
    ...chain,
    reused: false,
    savedBlock,
    async stop() {
      await chain.stop();
      rmSync(file, { force: true });
      // Saved whole on exit: the last complete copy a start falls back on.
      keepCompleteCopy(statePath);
    },
  };
}

/**
 * Anvil rewrites its state file in place every second and on exit: a kill in the middle of a save (the process,
 * or the machine) leaves it cut short, and Anvil then refuses to start. A complete copy is kept beside it at every
 * start and clean stop, and whenever settlement asks which block is saved (`savedBlock`: a payout counts as
 * confirmed only once that copy holds its block); a start that finds the file cut short goes back to that copy
 * (the chain forgets only what no confirmed payout relied on: settlement sends again what it had signed).
 */
function usableState(statePath: string, log: (line: string) => void) {
  if (!existsSync(statePath)) return;
  if (keepCompleteCopy(statePath) !== null) return;
  const copy = `${statePath}.complete`;
  const broken = `${statePath}.broken-${Date.now()}`;
  renameSync(statePath, broken);
  if (existsSync(copy)) {
    copyFileSync(copy, statePath);
    log(
      `the local chain's saved state was cut short (a kill while it saved; kept as ${broken}): starting from its last complete copy`,
    );
  } else {
    log(`the local chain's saved state was cut short (a kill while it saved; kept as ${broken}): starting a new chain`);
  }
}

/**
 * Copies the state file aside when it is complete JSON (what was read, written whole and renamed into place, so the
 * copy is never cut short either); the number of the newest block it holds, or null when it was not complete.
 */
function keepCompleteCopy(statePath: string): number | null {
  let text: string;
  let state: { block?: { number?: string } };
  try {
    text = readFileSync(statePath, "utf8");
    state = JSON.parse(text);
  } catch {
    return null;
  }
  const copy = `${statePath}.complete`;
  writeFileSync(`${copy}.tmp`, text);
  renameSync(`${copy}.tmp`, copy);
  return Number.parseInt(state.block?.number ?? "0x0", 16);
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
