import { checkNodeHealth } from "../services/compute/nodeHealth.ts";
import type { Job } from "./types.ts";

export const nodeHealthJob: Job = {
  name: "node-health",
  schedule: "* * * * *",
  description:
    "Turns nodes silent for two heartbeat intervals offline, ends leases past their end, and offers the requester of a lease whose node stays offline the next best online offer (the deadline watcher does the same every few seconds).",
  async run({ services }) {
    const r = await checkNodeHealth(services);
    const parts = [
      r.offline > 0 ? `${r.offline} node(s) offline` : "",
      r.ended > 0 ? `${r.ended} lease(s) ended` : "",
      r.failovers > 0 ? `${r.failovers} failover offer(s)` : "",
    ].filter(Boolean);
    return { outcome: "ok", summary: parts.length > 0 ? parts.join("; ") : "all nodes as they were", detail: { ...r } };
  },
};
