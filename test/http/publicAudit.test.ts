import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/openDatabase.ts";
import { createHttpServer } from "../../src/http/createHttpServer.ts";
import { runJob } from "../../src/jobs/runJob.ts";
import { verifyAuditJob } from "../../src/jobs/verifyAuditJob.ts";
import { createLogger } from "../../src/logger.ts";
import { appendAuditEvent } from "../../src/services/audit/appendAuditEvent.ts";
import { runAudited } from "../../src/services/audit/runAudited.ts";
import { serviceDeps } from "../helpers/serviceDeps.ts";
import { createTestDatabase } from "../helpers/testDatabase.ts";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
}, 60_000);
afterAll(() => database?.close());

const logger = createLogger({ level: "silent" });
const event = (n: number) => ({
  guildId: "g",
  actorId: "a",
  action: "test.event",
  subjectType: "test",
  subjectId: String(n),
  payload: { n },
  createdAt: new Date(Date.UTC(2026, 10, 26, 0, 0, n)),
});

/** The last verification as the public API serves it: at /audit and inside /summary, alike. */
async function lastVerification() {
  const app = await createHttpServer({ services: serviceDeps(database), logger, guildId: "g" });
  try {
    const audit = (await app.inject({ method: "GET", url: "/api/public/audit" })).json();
    const summary = (await app.inject({ method: "GET", url: "/api/public/summary" })).json();
    expect(summary.audit).toEqual(audit);
    return audit.lastVerification;
  } finally {
    await app.close();
  }
}

describe("the public API's last audit verification", () => {
  it("serves a run stored as sentences (before findings were facts) as it was stored", async () => {
    const at = new Date("2026-11-26T10:00:00Z");
    await database.prisma.jobRun.create({
      data: {
        job: "verify-audit",
        trigger: "schedule",
        startedAt: at,
        finishedAt: at,
        outcome: "problem",
        detail: {
          summary: "1 mismatch(es): proposal #3: the audit log has no record of its vote opening",
          ok: false,
          checked: ["audit log: 4 events, every hash and link recomputed"],
          mismatches: ["proposal #3: the audit log has no record of its vote opening"],
        },
      },
    });
    expect(await lastVerification()).toEqual({
      at: at.toISOString(),
      ok: false,
      summary: "1 mismatch(es): proposal #3: the audit log has no record of its vote opening",
      checked: ["audit log: 4 events, every hash and link recomputed"],
      mismatches: ["proposal #3: the audit log has no record of its vote opening"],
    });
  });

  it("stores a run's findings as facts and serves them in words", async () => {
    const deps = serviceDeps(database);
    for (let n = 1; n <= 3; n++) await runAudited(deps.db, (tx) => appendAuditEvent(tx, event(n)));
    const head = await deps.db.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } });
    // An event whose stored hash is not its content's: appended as a forger would, past the service.
    await deps.db.auditEvent.create({ data: { ...event(4), prevHash: head.hash, hash: "f".repeat(64) } });
    const forged = await deps.db.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } });

    const run = await runJob(verifyAuditJob, { services: deps, logger }, "manual");
    expect(run.outcome).toBe("problem");
    const stored = await deps.db.jobRun.findUniqueOrThrow({ where: { id: run.runId } });
    expect(stored.detail).toMatchObject({
      checked: [
        { kind: "chain_broken", upTo: String(forged.id) },
        { kind: "anchors", recorded: 0 },
        { kind: "anchors_onchain_none" },
        { kind: "settlements", proposals: 0, chunks: 0, transfers: null },
      ],
      mismatches: [{ kind: "event_changed", eventId: String(forged.id), stored: "f".repeat(64) }],
    });

    const changed = `audit event #${forged.id} (test.event of test 4) was changed after it was written: its content hashes to`;
    const served = await lastVerification();
    expect(served).toEqual({
      at: expect.any(String),
      ok: false,
      summary: expect.stringMatching(/^1 mismatch\(es\): audit event #\d+ \(test\.event of test 4\) was changed/),
      checked: [
        `audit log: recomputed up to event #${forged.id}`,
        "anchors recorded by Steward: 0, each compared with the audit log",
        "on-chain anchors: none to read (no chain or no AuditAnchor contract): compare the heads in #governance's distribution posts by hand",
        "paid proposals: 0 (0 chunks; no chain configured, so receipts were not read), each batch against the voted hash and the audit log",
      ],
      mismatches: [expect.stringMatching(/, not to its stored hash ffffffffffff…$/)],
    });
    expect(served.mismatches[0].startsWith(changed)).toBe(true);
  });

  it("serves a run whose findings this version cannot read with its outcome and summary, not a failed page", async () => {
    const at = new Date("2026-11-26T11:00:00Z");
    await database.prisma.jobRun.create({
      data: {
        job: "verify-audit",
        trigger: "schedule",
        startedAt: at,
        finishedAt: at,
        outcome: "problem",
        detail: { summary: "1 mismatch(es): something new", checked: [], mismatches: [{ kind: "from_the_future" }] },
      },
    });
    expect(await lastVerification()).toMatchObject({
      ok: false,
      summary: "1 mismatch(es): something new",
      checked: [],
      mismatches: [],
    });
  });
});
