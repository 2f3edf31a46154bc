import { verifyAuditChain } from "../services/audit/verifyAuditChain.ts";
import type { Job } from "./types.ts";

export const verifyAuditJob: Job = {
  name: "verify-audit",
  schedule: "17 * * * *",
  description: "Recomputes the audit log's hash chain and reports the first broken link, if any.",
  async run({ services }) {
    const report = await verifyAuditChain(services.db);
    return report.intact
      ? { outcome: "ok", summary: `audit chain intact: ${report.events} events`, detail: { ...report } }
      : {
          outcome: "problem",
          summary: `audit chain broken at event ${report.firstBrokenId} (${report.problem})`,
          detail: { ...report },
        };
  },
};
