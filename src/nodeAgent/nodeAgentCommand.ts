import { mkdirSync } from "node:fs";
import os from "node:os";
import { dirname, join } from "node:path";
import { type ChallengeSolver, chooseChallengeSolver, SolverUnavailable } from "./chooseChallengeSolver.ts";
import { loadNodeKey } from "./loadNodeKey.ts";
import { readMachineSpecs } from "./readMachineSpecs.ts";
import { PermanentRefusal, runNodeAgent } from "./runNodeAgent.ts";

const USAGE =
  "Usage: steward node-agent [--key <file>] [--api <Steward's HTTP URL> --node <id>]\n" +
  "  First run without --api: creates the key (default STEWARD_DATA_DIR/node.key) and prints the address to give /node register.\n";

/** The key's default place: the data directory, which git ignores, never the directory the command runs in. */
const dataDir = () => process.env.STEWARD_DATA_DIR || "./data";
const defaultKeyFile = () => join(dataDir(), "node.key");

function flags(args: string[]): Record<string, string> | null {
  const out: Record<string, string> = {};
  for (let i = 0; i < args.length; i += 2) {
    const name = args[i];
    const value = args[i + 1];
    if (!name?.startsWith("--") || value === undefined || !["--api", "--node", "--key"].includes(name)) return null;
    out[name.slice(2)] = value;
  }
  return out;
}

/** `steward node-agent`: the exit code, or -1 while it runs (until a signal or a permanent refusal). */
export async function nodeAgentCommand(args: string[]): Promise<number> {
  const f = flags(args);
  if (!f || (f.api === undefined) !== (f.node === undefined)) {
    process.stderr.write(USAGE);
    return 2;
  }
  f.key ??= defaultKeyFile();
  mkdirSync(dirname(f.key), { recursive: true });
  let key: ReturnType<typeof loadNodeKey>;
  try {
    key = loadNodeKey(f.key);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    return 2;
  }
  const address = key.wallet.address;
  if (!f.api || !f.node) {
    process.stdout.write(
      `${key.created ? "Created" : "Using"} the node key in ${f.key}; its address: ${address}\n` +
        "Register the node in Discord with /node register … public_key:" +
        `${address}, then run the command its reply gives:\nnpm run steward -- node-agent --api <Steward's HTTP URL> --node <id>${args.includes("--key") ? ` --key ${f.key}` : ""}\n`,
    );
    return 0;
  }
  const nodeId = Number(f.node);
  if (!Number.isInteger(nodeId) || nodeId < 1) {
    process.stderr.write(`--node must be the node's id (the number after #), not ${JSON.stringify(f.node)}.\n`);
    return 2;
  }
  let api: URL;
  try {
    api = new URL(f.api);
  } catch {
    process.stderr.write(
      `--api must be Steward's HTTP URL (e.g. http://127.0.0.1:3000), not ${JSON.stringify(f.api)}.\n`,
    );
    return 2;
  }
  const mode = process.env.CHALLENGE_SOLVER || "auto";
  const threads = Number(process.env.CHALLENGE_THREADS || os.availableParallelism());
  if (mode !== "auto" && mode !== "cpu" && mode !== "cuda") {
    process.stderr.write(`CHALLENGE_SOLVER must be auto, cpu or cuda, not ${JSON.stringify(mode)}.\n`);
    return 2;
  }
  if (!Number.isInteger(threads) || threads < 1) {
    process.stderr.write(
      `CHALLENGE_THREADS must be a number of threads (1 or more), not ${JSON.stringify(process.env.CHALLENGE_THREADS)}.\n`,
    );
    return 2;
  }
  const log = (line: string) => process.stdout.write(`${new Date().toISOString()} ${line}\n`);
  log(`node-agent: node #${nodeId}, key ${address}, Steward at ${api.origin}`);
  let solver: ChallengeSolver;
  try {
    solver = await chooseChallengeSolver({
      mode,
      solverPath: process.env.CHALLENGE_SOLVER_PATH || undefined,
      cacheDir: join(dataDir(), "challenge-solver"),
      threads,
    });
  } catch (error) {
    if (!(error instanceof SolverUnavailable)) throw error;
    process.stderr.write(`node-agent: CHALLENGE_SOLVER=cuda, but the GPU solver is not usable: ${error.message}\n`);
    return 2;
  }
  log(`challenge solver: ${solver.description}`);
  const stop = new AbortController();
  process.once("SIGINT", () => stop.abort());
  process.once("SIGTERM", () => stop.abort());
  try {
    await runNodeAgent({
      api: api.toString(),
      nodeId,
      wallet: key.wallet,
      readSpecs: readMachineSpecs,
      log,
      signal: stop.signal,
      solve: solver.solve,
    });
    log("node-agent: stopped");
    return 0;
  } catch (error) {
    if (error instanceof PermanentRefusal) {
      process.stderr.write(`node-agent: Steward refused node #${nodeId} for good: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}
