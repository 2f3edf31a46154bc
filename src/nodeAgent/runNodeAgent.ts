import type { Wallet } from "ethers";
import type { ChallengeTask } from "../services/compute/challengeWork.ts";
import type { HeartbeatDomain } from "../services/compute/heartbeatTypedData.ts";
import { HEARTBEAT_TYPES, specsHash } from "../services/compute/heartbeatTypedData.ts";
import type { ReportedSpecs } from "../services/compute/reportedSpecs.ts";
import { answerChallengeTask } from "./answerChallenge.ts";

export interface AgentOptions {
  api: string;
  nodeId: number;
  wallet: Wallet;
  readSpecs: () => Promise<{ specs: ReportedSpecs; utilization: number }>;
  log: (line: string) => void;
  now?: () => number;
  /** Stops the loop (tests, signals). */
  signal?: AbortSignal;
  /** Solves a capacity challenge's lanes (default: the CPU solver). */
  solve?: (task: ChallengeTask) => Promise<string[]>;
}

/** A refusal the agent cannot fix by retrying: it exits with this message. */
export class PermanentRefusal extends Error {}

const PERMANENT = new Set(["unknown_node", "node_retired", "wrong_key", "bad_signature", "invalid_body"]);

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener("abort", () => {
      clearTimeout(timer);
      resolve();
    });
  });

async function call(url: string, init?: RequestInit) {
  const response = await fetch(url, { ...init, signal: AbortSignal.timeout(15_000) });
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  return { status: response.status, body };
}

/**
 * The node agent's loop: learns the heartbeat domain from Steward, then every interval reads the machine's specs
 * and posts a heartbeat signed with EIP-712 typed data. The sequence is the time in milliseconds (or one more than
 * the last), so it keeps increasing across restarts without state. While Steward is unreachable or failing, it
 * retries with backoff (1 s doubling, at most the interval) and never exits; a permanent refusal (unknown or
 * retired node, a key that is not the registered one) ends it with Steward's reason. A capacity challenge in a
 * heartbeat's answer is solved and answered (signed, like the heartbeats) while the heartbeats go on.
 */
export async function runNodeAgent(o: AgentOptions): Promise<void> {
  const now = o.now ?? Date.now;
  const base = o.api.replace(/\/+$/, "");
  let domain: HeartbeatDomain | null = null;
  let intervalMs = 60_000;
  let sequence = 0;
  let backoff = 1000;
  let accepted = 0;
  let failing = false;
  const answered = new Set<number>();
  while (!o.signal?.aborted) {
    let wait = intervalMs;
    try {
      if (!domain) {
        const d = await call(`${base}/api/nodes/${o.nodeId}/heartbeat-domain`);
        if (d.status !== 200) throw refusal(d);
        domain = d.body.domain as HeartbeatDomain;
        intervalMs = Number(d.body.intervalMs) || intervalMs;
        wait = 0;
        continue;
      }
      const { specs, utilization } = await o.readSpecs();
      sequence = Math.max(sequence + 1, now());
      const message = {
        node: o.nodeId,
        timestamp: Math.floor(now() / 1000),
        sequence,
        specs: specsHash(specs),
        utilization: Math.max(0, Math.min(100, Math.round(utilization))),
      };
      const signature = await o.wallet.signTypedData(domain, HEARTBEAT_TYPES, message);
      const r = await call(`${base}/api/nodes/${o.nodeId}/heartbeat`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          timestamp: message.timestamp,
          sequence,
          utilization: message.utilization,
          specs,
          signature,
        }),
      });
      if (r.status !== 200) throw refusal(r);
      const challenge = r.body.challenge as ChallengeTask | undefined;
      if (challenge && !answered.has(challenge.id)) {
        answered.add(challenge.id);
        // Solved beside the heartbeats (it yields between lanes), so a long challenge never takes the node offline.
        void answerChallengeTask({ ...o, base, domain, task: challenge, now });
      }
      accepted++;
      if (accepted === 1 || failing) o.log(`heartbeat accepted (sequence ${sequence}): node #${o.nodeId} is online`);
      failing = false;
      backoff = 1000;
    } catch (error) {
      if (error instanceof PermanentRefusal) throw error;
      failing = true;
      o.log(
        `heartbeat failed, retrying in ${Math.round(Math.min(backoff, intervalMs) / 1000)} s: ${(error as Error).message}`,
      );
      wait = Math.min(backoff, intervalMs);
      backoff = Math.min(backoff * 2, intervalMs);
    }
    await sleep(wait, o.signal);
  }
}

function refusal(r: { status: number; body: Record<string, unknown> }): Error {
  const code = String(r.body.error ?? "");
  const text = `${r.status} ${code}: ${String(r.body.message ?? "no reason given")}`;
  return PERMANENT.has(code) ? new PermanentRefusal(text) : new Error(text);
}
