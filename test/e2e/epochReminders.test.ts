import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defaultSpecPath, SpecValidator } from "@steward/discord-sandbox";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/openDatabase.ts";
import { createLogger } from "../../src/logger.ts";
import { type Steward, startSteward } from "../../src/startSteward.ts";
import { waitForMessage } from "../helpers/governance.ts";
import { finalResponse, SandboxClient } from "../helpers/sandboxClient.ts";
import { testConfig } from "../helpers/testConfig.ts";
import { createTestDatabase } from "../helpers/testDatabase.ts";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const dataDir = mkdtempSync(join(tmpdir(), "steward-epoch-reminders-"));
const validator = new SpecValidator(defaultSpecPath());
// Epochs close every day at local midnight (node-cron's time, as the close-epoch job is scheduled).
const config = testConfig({
  STEWARD_DATA_DIR: dataDir,
  EPOCH_CRON: "0 0 * * *",
  REMINDER_BEFORE: "1h,10m",
  VOTING_PERIOD: "72h",
});

let database: Database;
let steward: Steward;
let client: SandboxClient;
/**
 * Steward's clock starts at the next local noon, whatever the real time: the reminders fall in the hour before
 * midnight, and a run that starts in that hour would find them due before the test has set anything up.
 */
const noonAfter = (d: Date) => new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1, 12);
let offset = noonAfter(new Date()).getTime() - Date.now();
const now = () => new Date(Date.now() + offset);
/** The next local midnight after `d`: when EPOCH_CRON closes the epoch (computed here without node-cron). */
const midnightAfter = (d: Date) => new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1);
const unix = (d: Date) => Math.floor(d.getTime() / 1000);

/** The close-epoch job does not run (scheduler off): the epoch closes only by hand, or not at all. */
async function start() {
  steward = await startSteward(config, createLogger({ level: "silent" }), {
    database: { ...database, close: async () => {} },
    validator,
    scheduler: false,
    watchVoteDeadlines: true,
    sandboxState: "persist",
    now,
  });
  client = new SandboxClient((steward.sandbox as NonNullable<Steward["sandbox"]>).url, () => steward.postsIdle());
}

async function restart(whileDownMs = 0) {
  await steward.stop();
  offset += whileDownMs;
  await start();
}

beforeAll(async () => {
  database = await createTestDatabase();
  await start();
  await client.createUser("ann", ["Member"]);
  await client.createUser("mod", ["Member", "Moderator"]);
});
afterAll(async () => {
  await steward?.stop();
  await database?.close();
  rmSync(dataDir, { recursive: true, force: true });
});
afterEach(() => expect(steward.sandbox?.violations).toEqual([]));

const db = () => steward.container.services.db;
const isEpochReminder = (n: number, closesAt: Date) => (m: { content: string }) =>
  m.content.startsWith(`⏰ **Epoch ${n}** closes <t:${unix(closesAt)}:R>`);
const epochReminders = async () =>
  (await client.messages("governance")).filter((m) => /^⏰ \*\*Epoch /.test(m.content));
const rowsOf = async (epochNumber: number) =>
  (
    await db().epochReminder.findMany({
      where: { epoch: { number: epochNumber } },
      orderBy: [{ closesAt: "asc" }, { offsetSeconds: "desc" }],
    })
  ).map((r) => [r.closesAt.toISOString(), r.offsetSeconds, r.status]);

/** Lets the watchers look a few times (they poll every second), then waits for the outbox. */
async function settle() {
  await new Promise((r) => setTimeout(r, 2500));
  await steward.postsIdle();
}

describe("epoch reminders", () => {
  let close = new Date(0);

  it("posts REMINDER_BEFORE the scheduled close, once across a restart, with the epoch's contributions", async () => {
    finalResponse(
      await client.run("ann", "contribute submit", {
        title: "Meeting notes",
        category: "docs",
        description: "Wrote up the community call.",
      }),
    );
    await steward.evaluationsIdle();
    close = midnightAfter(now());
    // Not yet: a minute before the 1h reminder.
    offset += close.getTime() - HOUR - MINUTE - now().getTime();
    await settle();
    expect(await epochReminders()).toEqual([]);
    expect(await db().epochReminder.count()).toBe(0);

    offset += MINUTE + 1000;
    const post = await waitForMessage(client, isEpochReminder(1, close));
    expect(post.content).toContain("1 contribution evaluated, 0 awaiting evaluation");
    expect(post.content).toContain("`/contribute submit`");
    expect(post.mentions).toEqual({ everyone: false, users: [], roles: [] });

    await restart();
    await settle();
    expect(await epochReminders()).toHaveLength(1);
    expect(await rowsOf(1)).toEqual([[close.toISOString(), 3600, "sent"]]);
  });

  it("an epoch closed by hand gets no later reminder; the epoch that follows is reminded of the same close", async () => {
    expect(finalResponse(await client.run("mod", "epoch close")).content).toMatch(/Epoch 1 is closed; epoch 2 is open/);
    offset += 50 * MINUTE;
    const post = await waitForMessage(client, isEpochReminder(2, close));
    expect(post.content).toContain("0 contributions evaluated, 0 awaiting evaluation");
    await settle();
    expect(await epochReminders()).toHaveLength(2);
    expect(await rowsOf(1)).toEqual([[close.toISOString(), 3600, "sent"]]);
    // Epoch 2 opened after the 1h mark: only the 10m reminder is its.
    expect(await rowsOf(2)).toEqual([[close.toISOString(), 600, "sent"]]);
  });

  it("an epoch that outlived its close (Steward down) is reminded before the next one; after downtime only the nearest", async () => {
    const next = midnightAfter(close);
    // Down from before the close until 5 minutes before the next: both reminders of the next close are due at start.
    await restart(next.getTime() - 5 * MINUTE - now().getTime());
    await waitForMessage(client, isEpochReminder(2, next));
    await settle();
    expect(await epochReminders()).toHaveLength(3);
    expect(await rowsOf(2)).toEqual([
      [close.toISOString(), 600, "sent"],
      [next.toISOString(), 3600, "skipped"],
      [next.toISOString(), 600, "sent"],
    ]);
  });
});
