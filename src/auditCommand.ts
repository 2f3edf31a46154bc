import { storedAuditVerificationSchema } from "./base/auditFindings.ts";
import { storedAuditText } from "./base/auditFindingsText.ts";
import type { Config } from "./config.ts";
import { createContainer } from "./container.ts";
import { runJob } from "./jobs/runJob.ts";
import { anchorSkipText } from "./jobs/settlementWords.ts";
import { verifyAuditJob } from "./jobs/verifyAuditJob.ts";
import type { Logger } from "./logger.ts";
import { anchorNow } from "./services/audit/publishAnchors.ts";
import { takeAnchor } from "./services/audit/takeAnchor.ts";

/** `steward audit verify | anchor`: works beside a running Steward, on the embedded database or DATABASE_URL. */
export async function auditCommand(config: Config, logger: Logger, args: string[], out: (line: string) => void) {
  const [sub] = args;
  if ((sub !== "verify" && sub !== "anchor") || args.length > 1) {
    process.stderr.write("Usage: steward audit verify | steward audit anchor\n");
    return 2;
  }
  const container = await createContainer(config, logger, {
    role: `audit ${sub}`,
    chain: { sandbox: !config.DISCORD_TOKEN, own: false },
  });
  try {
    if (sub === "verify") {
      const run = await runJob(verifyAuditJob, { services: container.services, logger }, "manual");
      if (!run.detail) {
        out(`audit verify: ${run.outcome} — ${run.summary}`);
        return 1;
      }
      const ok = run.outcome === "ok";
      const report = storedAuditText(storedAuditVerificationSchema.parse(run.detail), container.services.token);
      out("Checked:");
      for (const line of report.checked) out(`  ✓ ${line}`);
      if (report.mismatches.length > 0) {
        out(`Mismatches (${report.mismatches.length}):`);
        for (const line of report.mismatches) out(`  ✗ ${line}`);
      }
      out(`audit verify: ${ok ? "ok" : "FAILED"} — ${run.summary}`);
      return ok ? 0 : 1;
    }
    const services = container.services;
    const anchor = await services.db.$transaction((tx) =>
      takeAnchor(tx, { guildId: null, reason: "manual", now: services.now() }),
    );
    if (!anchor) {
      out("The audit log is empty: there is no head to anchor yet.");
      return 0;
    }
    const result = await anchorNow(services);
    const row = await services.db.auditAnchor.findUniqueOrThrow({ where: { id: anchor.id } });
    out(`Audit chain head: event #${row.eventId}, hash ${row.hash}.`);
    if (row.txHash) {
      out(`Anchored on chain ${row.chainId} in block ${row.blockNumber} (tx ${row.txHash}, contract ${row.contract}).`);
      return 0;
    }
    const why = "error" in result ? result.error : result.skipped ? anchorSkipText(result.skipped) : "not published";
    out(`Recorded, not on chain yet: ${why}.`);
    return "error" in result ? 1 : 0;
  } finally {
    await container.close();
  }
}
