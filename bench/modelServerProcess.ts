// The local OpenAI-compatible server in a process of its own, as a model server is in production: in the bench's
// process its request handling (HTTP parsing, JSON, sockets) would take the evaluator's CPU and be measured with it.
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { evaluationJson, startLocalOpenAI } from "../test/helpers/localOpenAI.ts";

const self = fileURLToPath(import.meta.url);

if (process.argv[1] === self) {
  const latencyMs = Number(process.argv[2]);
  const server = await startLocalOpenAI(() => ({ content: evaluationJson(), delayMs: latencyMs }));
  process.stdout.write(`${server.baseUrl}\n`);
  process.stdin.resume();
  process.stdin.on("end", () => void server.close().then(() => process.exit(0)));
}

/** Starts the server in a child process answering every call after `latencyMs`; closes with the bench. */
export async function startModelServerProcess(latencyMs: number): Promise<{ baseUrl: string; close(): void }> {
  const child = spawn(process.execPath, ["--import", "tsx", self, String(latencyMs)], {
    stdio: ["pipe", "pipe", "inherit"],
  });
  const line = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.once("line", resolve);
    child.once("exit", (code) => reject(new Error(`the model server exited (${code}) before it listened`)));
  });
  return { baseUrl: line.trim(), close: () => child.stdin.end() };
}
