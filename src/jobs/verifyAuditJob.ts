import { verifyAudit } from "../services/audit/verifyAudit.ts";
import type { Job } from "./types.ts";

export const verifyAuditJob: Job = {
  name: "verify-audit",
  schedule: "17 * * * *",
  description:
    "Recomputes the audit log's hash chain, checks it against every published anchor of its head, and every paid batch against the vote and the chain's receipts.",
  async run({ services }) {
    const report = await verifyAudit(services);
    const detail = JSON.parse(JSON.stringify(report)) as Record<string, unknown>;
    return report.ok
      ? {
          outcome: "ok",
          summary: `audit verified: ${report.events} events, ${report.anchors.onChain} anchor(s) on chain and ${report.anchors.recorded} recorded, ${report.settled.chunks} paid chunk(s); no mismatch`,
          detail,
        }
      : {
          outcome: "problem",
          summary: `${report.mismatches.length} mismatch(es): ${report.mismatches[0]}${report.mismatches.length > 1 ? " …" : ""}`,
          detail,
        };
  },
};
