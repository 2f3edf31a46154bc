import { payoutFailureText } from "../base/payoutFailureText.ts";
import { settlePayouts } from "../services/settlement/settlePayouts.ts";
import { intentWaitText, settleSkipText } from "./settlementWords.ts";
import type { Job } from "./types.ts";

export const settleJob: Job = {
  name: "settle",
  // SETTLEMENT_CRON overrides this; an approval kicks it at once.
  schedule: "*/5 * * * *",
  description:
    "Pays approved payout proposals on-chain through the distributor, exactly once (claimed across processes, one transaction at a time per treasury), resumes anything a crash interrupted, and queues receipts for the payouts channel.",
  async run({ services, signal }) {
    const r = await settlePayouts(services, signal);
    if (r.skipped) {
      const blocked = services.settlement?.blocked;
      return { outcome: blocked ? "problem" : "ok", summary: settleSkipText(r.skipped), detail: { ...r } };
    }
    const parts = [
      r.planned.length > 0 ? `planned #${r.planned.join(", #")}` : "",
      r.confirmed.length > 0 ? `${r.confirmed.length} chunk(s) confirmed` : "",
      r.settled.length > 0 ? `settled #${r.settled.join(", #")}` : "",
      r.pending.length > 0 ? `waiting: ${r.pending.map((p) => intentWaitText(p.wait)).join("; ")}` : "",
      r.failed.length > 0
        ? `failed: ${r.failed.map((f) => `#${f.proposalId} ${payoutFailureText(f.failure)}`).join("; ")}`
        : "",
      r.refused.length > 0 ? `refused: ${r.refused.map((f) => `#${f.proposalId} ${f.reason}`).join("; ")}` : "",
      r.waitingForCap.length > 0 ? `over the daily cap: #${r.waitingForCap.join(", #")}` : "",
      r.anchors && "error" in r.anchors ? `audit anchor not published: ${r.anchors.error}` : "",
      r.anchors && "published" in r.anchors && r.anchors.published.length > 0
        ? `audit head anchored at block ${r.anchors.published.map((a) => a.blockNumber).join(", ")}`
        : "",
    ].filter(Boolean);
    return {
      outcome: r.failed.length > 0 || r.refused.length > 0 ? "problem" : "ok",
      summary: parts.length > 0 ? parts.join("; ") : "nothing to pay",
      detail: JSON.parse(JSON.stringify(r)) as Record<string, unknown>,
    };
  },
};
