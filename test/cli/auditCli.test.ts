import { type ChildProcess, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, openDatabase } from "../../src/db/openDatabase.ts";
import { stewardBin as bin, exited, startStewardProcess } from "../helpers/stewardProcess.ts";
import { submitCodeContribution } from "../helpers/submitCodeContribution.ts";
import { createTestDatabase, testDatabaseKind } from "../helpers/testDatabase.ts";

const dataDir = mkdtempSync(join(tmpdir(), "steward-audit-cli-"));
let external: Database | undefined;
let env: NodeJS.ProcessEnv;
let proc: ChildProcess | undefined;
let db: Database;

const steward = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { env, encoding: "utf8" });

/**
 * `steward audit verify | anchor` and `steward export` from a second process while Steward runs: on the embedded
 * default (Steward's own PostgreSQL in its data directory) in the first pass, on an external PostgreSQL in the second.
 */
describe(`audit and export from the CLI while Steward runs (${testDatabaseKind} PostgreSQL)`, () => {
  beforeAll(async () => {
    if (testDatabaseKind === "postgres") external = await createTestDatabase();
    env = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      SANDBOX_PORT: "0",
      HTTP_PORT: "0",
      STEWARD_DATA_DIR: dataDir,
      LOG_LEVEL: "warn",
      ...(external ? { DATABASE_URL: external.url } : {}),
    };
    const started = await startStewardProcess(env);
    proc = started.proc;
    await started.client.createUser("ada", ["Member"]);
    await submitCodeContribution(started.client, "ada", "Audit the audit");
    // The first epoch opens on first use.
    await started.client.run("ada", "epoch status");
    if (external) db = external;
    else {
      const credentials = JSON.parse(readFileSync(join(dataDir, "postgres.json"), "utf8"));
      db = await openDatabase({
        kind: "postgres",
        url: `postgresql://${credentials.user}:${credentials.password}@127.0.0.1:${credentials.port}/steward`,
      });
    }
  }, 120_000);
  afterAll(async () => {
    proc?.kill("SIGTERM");
    if (proc) await exited(proc);
    await db?.close();
  });

  it("anchors the head on the local chain, verifies, and names a tampered row", async () => {
    const anchor = steward("audit", "anchor");
    expect(anchor.stderr).toBe("");
    expect(anchor.status).toBe(0);
    expect(anchor.stdout).toMatch(
      /^Audit chain head: event #\d+, hash [0-9a-f]{64}\.\nAnchored on chain 31337 in block \d+ \(tx 0x[0-9a-f]{64}, contract 0x[0-9a-fA-F]{40}\)\.\n$/,
    );

    const ok = steward("audit", "verify");
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/^Checked:\n {2}✓ audit log: \d+ events, every hash and link recomputed/);
    expect(ok.stdout).toMatch(/ {2}✓ on-chain anchors: 1 from 0x[0-9a-fA-F]{40} on chain 31337/);
    expect(ok.stdout).toMatch(
      /audit verify: ok — audit verified: \d+ events, 1 anchor\(s\) on chain and 1 recorded, 0 paid chunk\(s\); no mismatch\n$/,
    );

    const event = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "contribution.submitted" } });
    await db.prisma.$executeRawUnsafe('ALTER TABLE "AuditEvent" DISABLE TRIGGER USER');
    await db.prisma.auditEvent.update({ where: { id: event.id }, data: { payload: { title: "Something else" } } });
    await db.prisma.$executeRawUnsafe('ALTER TABLE "AuditEvent" ENABLE TRIGGER USER');
    const bad = steward("audit", "verify");
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain("Mismatches (");
    expect(bad.stdout).toContain(
      `  ✗ audit event #${event.id} (contribution.submitted of contribution ${event.subjectId}) was changed after it was written`,
    );
    expect(bad.stdout).toMatch(/audit verify: FAILED — \d+ mismatch\(es\)/);
  }, 120_000);

  it("exports an epoch as CSV (one file per table) and as JSON, and says which epochs exist", () => {
    const out = join(dataDir, "export");
    const csv = steward("export", "--epoch", "1", "--out", out);
    expect(csv.stderr).toBe("");
    expect(csv.stdout).toContain(`Epoch 1 (open) exported to ${out}:`);
    expect(csv.stdout).toContain("epoch-1-contributions.csv (1 rows)");
    const rows = readFileSync(join(out, "epoch-1-contributions.csv"), "utf8").split("\r\n");
    expect(rows[0]).toBe("id,submitted,author,authorDiscordId,category,title,hours,links,status");
    expect(rows[1]).toMatch(
      /^1,\S+,ada,\d+,code,Audit the audit,4,https:\/\/github.com\/dao\/app\/pull\/15,evaluated$/,
    );
    const json = steward("export", "--epoch", "1", "--format", "json", "--out", out);
    expect(json.status).toBe(0);
    const books = JSON.parse(readFileSync(join(out, "epoch-1.json"), "utf8"));
    expect(books.evaluations).toHaveLength(1);
    expect(books.evaluations[0]).toMatchObject({ contribution: 1, active: true, evaluator: "rubric" });
    const missing = steward("export", "--epoch", "9");
    expect(missing.status).toBe(1);
    expect(missing.stderr).toBe("There is no epoch 9. `/epoch status` shows the open one's number.\n");
    const usage = steward("export", "--epoch", "x");
    expect(usage.status).toBe(2);
    expect(usage.stderr).toMatch(/^--epoch must be an epoch number/);
  });
});
