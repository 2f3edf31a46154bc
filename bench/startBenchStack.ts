import { type ChildProcess, fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import { startSandbox } from "@steward/discord-sandbox";
import { deployCommands } from "../src/discord/deployCommands.ts";
import { SandboxClient } from "../test/helpers/sandboxClient.ts";
import type { BotMessage, BotRequest } from "./botProcess.ts";

export interface BenchBot {
  /** Steward's stored votes on a proposal (Steward only). */
  countVotes(proposalId: number): Promise<number>;
  /** Steward's stored evaluations, and the posts still in its outbox (Steward only). */
  countEvaluations(): Promise<{ count: number; queuedPosts: number }>;
  /** The bot process's CPU time so far, in milliseconds. */
  cpuMs(): Promise<number>;
  stop(): Promise<void>;
}

/**
 * The sandbox and the load generator in this process; the bot under measurement in its own (`botProcess.ts`), as in
 * production, where Discord does not share the bot's CPU. Steward's commands are deployed once; the bare bot answers
 * them all with "pong", so both bots get the same interactions. `ackOf` reads how long the bot took to acknowledge an
 * interaction (the sandbox records both times).
 */
export async function startBenchStack() {
  const sandbox = await startSandbox({ log: (line) => process.stderr.write(`sandbox: ${line}\n`) });
  await deployCommands({
    token: sandbox.token,
    applicationId: sandbox.applicationId,
    guildIds: [sandbox.guildId],
    apiUrl: sandbox.apiUrl,
  });
  const ackOf = (id: string) => {
    const i = sandbox.state.interactions.get(id);
    return i?.acknowledgedAt === undefined ? undefined : i.acknowledgedAt - i.createdAt;
  };
  const startBot = (kind: "steward" | "bare", env: Record<string, string> = {}) =>
    startBotProcess(kind, {
      BENCH_API_URL: sandbox.apiUrl,
      BENCH_TOKEN: sandbox.token,
      BENCH_GUILD_ID: sandbox.guildId,
      BENCH_ENV: JSON.stringify(env),
    });
  return { sandbox, client: new SandboxClient(sandbox.url), ackOf, startBot };
}

async function startBotProcess(kind: "steward" | "bare", env: Record<string, string>): Promise<BenchBot> {
  const child = fork(fileURLToPath(new URL("./botProcess.ts", import.meta.url)), [kind], {
    // BENCH_CPU_PROF=dir writes the bot's CPU profile there (open it in Chrome's DevTools).
    execArgv: [
      "--import",
      "tsx",
      ...(process.env.BENCH_CPU_PROF ? [`--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`, "--cpu-prof"] : []),
    ],
    env: { ...process.env, ...env },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  await next(child, "ready");
  return {
    async countVotes(proposalId) {
      child.send({ type: "count-votes", proposalId } satisfies BotRequest);
      const m = await next(child, "votes");
      return m.type === "votes" ? m.count : Number.NaN;
    },
    async countEvaluations() {
      child.send({ type: "count-evaluations" } satisfies BotRequest);
      const m = await next(child, "evaluations");
      return m.type === "evaluations" ? { count: m.count, queuedPosts: m.queuedPosts } : { count: 0, queuedPosts: 0 };
    },
    async cpuMs() {
      child.send({ type: "cpu" } satisfies BotRequest);
      const m = await next(child, "cpu");
      return m.type === "cpu" ? m.micros / 1000 : Number.NaN;
    },
    async stop() {
      child.send({ type: "stop" } satisfies BotRequest);
      await next(child, "stopped");
    },
  };
}

function next(child: ChildProcess, type: BotMessage["type"]): Promise<BotMessage> {
  return new Promise((resolve, reject) => {
    const onMessage = (m: BotMessage) => {
      if (m.type !== type) return;
      child.off("message", onMessage);
      child.off("exit", onExit);
      resolve(m);
    };
    const onExit = (code: number | null) =>
      reject(new Error(`the bench's bot process exited (${code}) before "${type}"`));
    child.on("message", onMessage);
    child.once("exit", onExit);
  });
}

export const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;

/** The median of some numbers (the mean of the middle two when their count is even). */
export function median(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? Number.NaN) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}
