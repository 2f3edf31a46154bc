import { auditSummaryText } from "../base/auditFindingsText.ts";
import { verifyAudit } from "../services/audit/verifyAudit.ts";
import type { Job } from "./types.ts";

export const verifyAuditJob: Job = {
  name: "verify-audit",
  schedule: "17 * * * *",
  description:
    "Recomputes the audit log's hash chain, checks it against every published anchor of its head, and every paid batch against the vote and the chain's receipts.",
  async run({ services }) {
    const report = await verifyAudit(services);
    // The facts, as JSON keeps them: the public API and `steward audit verify` read them back (base/auditFindings.ts).
    const detail = JSON.parse(JSON.stringify(report)) as Record<string, unknown>;
    return { outcome: report.ok ? "ok" : "problem", summary: auditSummaryText(report, services.token), detail };
  },
};
