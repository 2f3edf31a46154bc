import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { defaultSpecPath, SpecValidator } from "@steward/discord-sandbox";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/openDatabase.ts";
import { createLogger } from "../../src/logger.ts";
import { type Steward, startSteward } from "../../src/startSteward.ts";
import { componentId, proposalPost, resultPost, waitForMessage } from "../helpers/governance.ts";
import { finalResponse, SandboxClient } from "../helpers/sandboxClient.ts";
import { NEVER, testConfig } from "../helpers/testConfig.ts";
import { createTestDatabase } from "../helpers/testDatabase.ts";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const dataDir = mkdtempSync(join(tmpdir(), "steward-reminders-"));
const validator = new SpecValidator(defaultSpecPath());
const config = testConfig({
  STEWARD_DATA_DIR: dataDir,
  LOG_LEVEL: "info",
  QUORUM: "3",
  VOTING_PERIOD: "3h",
  REMINDER_BEFORE: "1h,10m",
  // Vote reminders only: no epoch close falls in the hours this test moves its clock through, whatever the day.
  EPOCH_CRON: NEVER,
  VOTE_TALLY_DEBOUNCE: "100ms",
});

/** The database outlives each Steward (a restart keeps it); the last stop throws it away. */
let database: Database;
let steward: Steward;
let client: SandboxClient;
let offset = 0;
const logs: Record<string, unknown>[] = [];

/** Starts Steward (and its sandbox, whose guild and messages persist in the data directory) on the same database. */
async function start() {
  const sink = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split("\n")) if (line.trim()) logs.push(JSON.parse(line));
      done();
    },
  });
  steward = await startSteward(config, createLogger({ level: "info", destination: sink }), {
    database: { ...database, close: async () => {} },
    validator,
    scheduler: false,
    watchVoteDeadlines: true,
    sandboxState: "persist",
    now: () => new Date(Date.now() + offset),
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
  for (const u of ["ann", "ben", "cat", "dan"]) await client.createUser(u, ["Member"]);
  await client.createUser("mod", ["Member", "Moderator"]);
});
afterAll(async () => {
  await steward?.stop();
  await database?.close();
  rmSync(dataDir, { recursive: true, force: true });
});
afterEach(() => expect(steward.sandbox?.violations).toEqual([]));

const db = () => steward.container.services.db;

/** A general proposal by ann, opened for votes by the moderator (for `period`, or VOTING_PERIOD). */
async function openProposal(idea: string, period?: string): Promise<number> {
  const drafted = finalResponse(await client.run("ann", "propose", { idea }));
  const submitted = finalResponse(
    await client.click("ann", drafted.messageId as string, componentId(drafted, "Submit")),
  );
  const id = Number(/^Proposal #(\d+)/.exec(submitted.content)?.[1]);
  const opened = finalResponse(
    await client.run("mod", "proposal open", { proposal: id, ...(period ? { period } : {}) }),
  );
  expect(opened.content).toMatch(/is open for votes/);
  return id;
}

async function vote(user: string, id: number) {
  const post = await proposalPost(client, id, "For");
  finalResponse(await client.click(user, post.id, componentId(post, "For")));
}

const isReminderOf = (id: number) => (m: { content: string }) => m.content.startsWith(`⏰ **Proposal #${id} · `);
const remindersOf = async (id: number) => (await client.messages("governance")).filter(isReminderOf(id));

/** Lets the watchers look a few times (they poll every second), then waits for the outbox. */
async function settle() {
  await new Promise((r) => setTimeout(r, 2500));
  await steward.postsIdle();
}

describe("vote reminders", () => {
  let first = 0;

  it("/notify votes:on|off is stored per member and shown back", async () => {
    for (const u of ["ann", "cat", "dan"]) {
      const on = finalResponse(await client.run(u, "notify", { votes: "on" }));
      expect(on.ephemeral).toBe(true);
      expect(on.content).toMatch(/Vote reminders by DM: \*\*on\*\*.*1h and 10m before/);
    }
    expect(finalResponse(await client.run("ben", "notify")).content).toMatch(/Vote reminders by DM: \*\*off\*\*/);
    const members = await db().member.findMany({ select: { username: true, notifyVotes: true } });
    expect(Object.fromEntries(members.map((m) => [m.username, m.notifyVotes]))).toMatchObject({
      ann: true,
      ben: false,
      cat: true,
      dan: true,
    });
  });

  it("posts turnout against quorum once at 1h, DMs only the opted-in member who has not voted, handles closed DMs", async () => {
    first = await openProposal("Hold a community call every month.");
    await vote("ann", first);
    await client.setDms("cat", false);

    // Not yet: the first reminder is due 1 hour before the end (3h vote).
    offset += 1 * HOUR + 55 * MINUTE;
    await settle();
    expect(await remindersOf(first)).toEqual([]);

    offset += 5 * MINUTE + 1000;
    const post = await waitForMessage(client, isReminderOf(first));
    expect(post.content).toMatch(
      /Turnout: 1 voter; quorum needs 3 of \d+ active members?: 2 more votes needed, or the vote expires\./,
    );
    // Five members were eligible when the vote opened; ann voted: a count, and nobody is pinged.
    expect(post.content).toContain("4 eligible members of 5 may still vote.");
    expect(post.mentions).toEqual({ everyone: false, users: [], roles: [] });
    await settle();

    // dan opted in and has not voted: one DM. ann voted, ben did not opt in: none.
    const danDms = await client.dms("dan");
    expect(danDms.messages).toHaveLength(1);
    expect(danDms.messages[0]?.content).toMatch(new RegExp(`You have not voted on \\*\\*proposal #${first} · `));
    expect((await client.dms("ann")).messages).toEqual([]);
    expect((await client.dms("ben")).messages).toEqual([]);

    // cat's DMs are closed: Discord said 50007, so the option is off and cat is told at the next command, once.
    expect((await client.dms("cat")).messages).toEqual([]);
    const cat = await db().member.findFirstOrThrow({ where: { username: "cat" } });
    expect(cat.notifyVotes).toBe(false);
    expect(cat.dmsClosedAt).not.toBeNull();
    expect(await db().reminderDm.count({ where: { status: "dms_closed" } })).toBe(1);
    const next = await client.run("cat", "help");
    const told = await waitForFollowUp(next.interactionId);
    expect(told.ephemeral).toBe(true);
    expect(told.content).toMatch(/your DMs are closed to me, so I turned vote reminders off/);
    const after = await client.run("cat", "help");
    await new Promise((r) => setTimeout(r, 1000));
    expect((await client.interaction(after.interactionId)).responses.map((r) => r.kind)).toEqual(["reply"]);
    expect(finalResponse(await client.run("cat", "notify")).content).toMatch(/\*\*off\*\*/);
  });

  it("sends each reminder once across a restart; the next one reaches only who still has not voted", async () => {
    await restart();
    await settle();
    expect(await remindersOf(first)).toHaveLength(1);
    expect(await db().voteReminder.count({ where: { proposalId: first } })).toBe(1);

    await vote("dan", first);
    offset += 50 * MINUTE;
    await waitForMessage(client, (m) => isReminderOf(first)(m) && m.content.includes("2 voters"));
    await settle();
    expect(await remindersOf(first)).toHaveLength(2);
    // dan voted since: no second DM; cat opted out by the refusal: none either.
    expect((await client.dms("dan")).messages).toHaveLength(1);
    expect(await db().reminderDm.count()).toBe(2);
    expect(
      (await db().voteReminder.findMany({ where: { proposalId: first }, orderBy: { offsetSeconds: "desc" } })).map(
        (r) => [r.offsetSeconds, r.status],
      ),
    ).toEqual([
      [3600, "sent"],
      [600, "sent"],
    ]);
  });

  it("after downtime sends only the nearest due reminder of a vote still open, never the stale one", async () => {
    const second = await openProposal("Publish the meeting notes every week.", "2h");
    // Down from before the 1h reminder until after the 10m one: at start, the 10m one goes out, the 1h one never.
    await restart(1 * HOUR + 55 * MINUTE);
    await resultPost(client, first);
    const post = await waitForMessage(client, isReminderOf(second));
    expect(post.content).toContain("0 voters");
    await settle();
    expect(await remindersOf(second)).toHaveLength(1);
    expect(
      (await db().voteReminder.findMany({ where: { proposalId: second }, orderBy: { offsetSeconds: "desc" } })).map(
        (r) => [r.offsetSeconds, r.status],
      ),
    ).toEqual([
      [3600, "skipped"],
      [600, "sent"],
    ]);
    // The closed vote got no further reminder.
    expect(await remindersOf(first)).toHaveLength(2);
  });
});

async function waitForFollowUp(interactionId: string) {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const found = (await client.interaction(interactionId)).responses.find((r) => r.kind === "followup");
    if (found) return found;
    if (Date.now() > deadline) throw new Error("no follow-up arrived");
    await new Promise((r) => setTimeout(r, 100));
  }
}
