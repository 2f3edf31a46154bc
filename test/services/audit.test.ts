import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/openDatabase.ts";
import { appendAuditEvent, auditHash, GENESIS_HASH } from "../../src/services/audit/appendAuditEvent.ts";
import { runAudited } from "../../src/services/audit/runAudited.ts";
import { verifyAuditChain } from "../../src/services/audit/verifyAuditChain.ts";
import { createTestDatabase } from "../helpers/testDatabase.ts";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const event = (n: number) => ({
  guildId: "g",
  actorId: "a",
  action: "test.event",
  subjectType: "test",
  subjectId: String(n),
  payload: { n, nested: { b: 2, a: 1 } },
  createdAt: new Date(Date.UTC(2026, 10, 26, 0, 0, n)),
});

describe("audit chain", () => {
  it("links events by hash, also when many are appended concurrently", async () => {
    await Promise.all(
      Array.from({ length: 12 }, (_, i) => runAudited(database.prisma, (tx) => appendAuditEvent(tx, event(i)))),
    );
    const events = await database.prisma.auditEvent.findMany({ orderBy: { id: "asc" } });
    expect(events).toHaveLength(12);
    expect(events[0]?.prevHash).toBe(GENESIS_HASH);
    for (let i = 1; i < events.length; i++) expect(events[i]?.prevHash).toBe(events[i - 1]?.hash);
    expect(await verifyAuditChain(database.prisma, 5)).toMatchObject({
      events: 12,
      intact: true,
      head: { id: events.at(-1)?.id.toString(), hash: events.at(-1)?.hash },
    });
  });

  it("hashes canonically: key order does not matter, content does", () => {
    const a = auditHash(GENESIS_HASH, { ...event(1), payload: { x: 1, y: 2 } });
    const b = auditHash(GENESIS_HASH, { ...event(1), payload: { y: 2, x: 1 } });
    const c = auditHash(GENESIS_HASH, { ...event(1), payload: { y: 2, x: 3 } });
    expect(a).toBe(b);
    expect(a).not.toBe(c);
  });

  it("pins the hash: sha256 of the previous hash, a newline and the canonical event", () => {
    const body =
      '{"action":"test.event","actorId":"a","createdAt":"2026-11-26T00:00:01.000Z","guildId":"g","payload":{"n":1,"nested":{"a":1,"b":2}},"subjectId":"1","subjectType":"test"}';
    const prev = "ab".repeat(32);
    const expected = createHash("sha256").update(`${prev}\n${body}`).digest("hex");
    expect(auditHash(prev, event(1))).toBe(expected);
    expect(auditHash(GENESIS_HASH, event(1))).not.toBe(expected);
  });

  it("reports an event that does not link to the one before, even when its own hash is right", async () => {
    const other = await createTestDatabase();
    try {
      await runAudited(other.prisma, (tx) => appendAuditEvent(tx, event(1)));
      const forgedPrev = "cd".repeat(32);
      await other.prisma.auditEvent.create({
        data: { ...event(2), prevHash: forgedPrev, hash: auditHash(forgedPrev, event(2)) },
      });
      // Named: which event, and which hash differs from which.
      const [e1, e2] = await other.prisma.auditEvent.findMany({ orderBy: { id: "asc" } });
      expect(await verifyAuditChain(other.prisma)).toEqual({
        events: 2,
        intact: false,
        firstBrokenId: e2?.id.toString(),
        broken: {
          kind: "event_link",
          eventId: e2?.id.toString(),
          action: "test.event",
          linksTo: forgedPrev,
          previousHash: e1?.hash,
        },
      });
    } finally {
      await other.close();
    }
  });

  it("is append-only in the database itself", async () => {
    await expect(database.prisma.auditEvent.updateMany({ data: { action: "forged" } })).rejects.toThrow();
    await expect(database.prisma.auditEvent.deleteMany({})).rejects.toThrow();
    await expect(database.driver.exec('TRUNCATE "AuditEvent"')).rejects.toThrow(/append-only/);
    expect(await database.prisma.auditEvent.count({ where: { action: "forged" } })).toBe(0);
  });

  it("reports an event whose content does not match its hash", async () => {
    const head = await database.prisma.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } });
    await database.prisma.auditEvent.create({
      data: { ...event(99), payload: { forged: true }, prevHash: head.hash, hash: "f".repeat(64) },
    });
    const report = await verifyAuditChain(database.prisma);
    expect(report).toMatchObject({ intact: false, events: 13 });
    const forged = await database.prisma.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(report.broken).toEqual({
      kind: "event_changed",
      eventId: forged.id.toString(),
      action: "test.event",
      subjectType: "test",
      subjectId: "99",
      computed: auditHash(head.hash, { ...event(99), payload: { forged: true } }),
      stored: "f".repeat(64),
    });
  });

  it("reads the chain in id order even when rows are stored out of order (a row rewritten in place moves)", async () => {
    const other = await createTestDatabase();
    try {
      for (let n = 1; n <= 5; n++) await runAudited(other.prisma, (tx) => appendAuditEvent(tx, event(n)));
      const first = await other.prisma.auditEvent.findFirstOrThrow({ orderBy: { id: "asc" } });
      await other.prisma.$executeRawUnsafe('ALTER TABLE "AuditEvent" DISABLE TRIGGER USER');
      // The same content written again: nothing changes but where PostgreSQL keeps the row (now last on disk).
      await other.prisma.auditEvent.update({ where: { id: first.id }, data: { payload: first.payload as never } });
      await other.prisma.$executeRawUnsafe('ALTER TABLE "AuditEvent" ENABLE TRIGGER USER');
      expect(await verifyAuditChain(other.prisma, 2)).toMatchObject({ events: 5, intact: true });
      expect(await verifyAuditChain(other.prisma, 2)).not.toHaveProperty("broken");
    } finally {
      await other.close();
    }
  });
});
