import type { Wallet } from "ethers";
import { HEARTBEAT_TYPES, specsHash } from "../../src/services/compute/heartbeatTypedData.ts";
import type { ReportedSpecs } from "../../src/services/compute/reportedSpecs.ts";

export const H200_SPECS: ReportedSpecs = {
  cpuCores: 16,
  ramGb: 128,
  os: "Linux 6.8 x64",
  gpus: [{ name: "NVIDIA H200", uuid: "GPU-1", memoryMiB: 143771, driver: "580.159.04", computeCap: "9.0" }],
};

/**
 * A node agent's heartbeats as the real agent sends them (GET the domain, sign EIP-712, POST), for tests that need
 * nodes online without a process per node. `keepAlive` sends one every `everyMs` until stopped.
 */
export function nodeHeartbeats(api: string, nodeId: number, wallet: Pick<Wallet, "signTypedData">, specs = H200_SPECS) {
  let sequence = Date.now();
  // Asked once, as the real agent does (the route allows an address a few requests a minute).
  let known: { domain: Record<string, string> } | undefined;
  const beat = async () => {
    known ??= (await (await fetch(`${api}/api/nodes/${nodeId}/heartbeat-domain`)).json()) as {
      domain: Record<string, string>;
    };
    const domain = known;
    const body = { timestamp: Math.floor(Date.now() / 1000), sequence: ++sequence, utilization: 10, specs };
    const signature = await wallet.signTypedData(domain.domain, HEARTBEAT_TYPES, {
      node: nodeId,
      timestamp: body.timestamp,
      sequence: body.sequence,
      specs: specsHash(specs),
      utilization: body.utilization,
    });
    const res = await fetch(`${api}/api/nodes/${nodeId}/heartbeat`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ ...body, signature }),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  let timer: NodeJS.Timeout | undefined;
  return {
    beat,
    keepAlive(everyMs = 400) {
      timer = setInterval(() => void beat().catch(() => {}), everyMs);
    },
    stop() {
      clearInterval(timer);
    },
  };
}
