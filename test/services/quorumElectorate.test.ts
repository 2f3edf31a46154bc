import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/openDatabase.ts";
import { quorumProblem } from "../../src/discord/checkQuorum.ts";
import { translator } from "../../src/i18n/translator.ts";
import type { ServiceDeps } from "../../src/services/deps.ts";
import { openVoting } from "../../src/services/proposals/openVoting.ts";
import { castVote } from "../../src/services/votes/castVote.ts";
import { closeExpiredVotes } from "../../src/services/votes/closeExpiredVotes.ts";
import type { GuildMemberProfile } from "../../src/services/votes/governanceSettings.ts";
import { measureElectorate, votesNeeded } from "../../src/services/votes/quorumElectorate.ts";
import { quorumReach } from "../../src/services/votes/quorumReach.ts";
import { guildMember, serviceDeps } from "../helpers/serviceDeps.ts";
import { createTestDatabase } from "../helpers/testDatabase.ts";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const DAY = 86_400_000;
let nextId = 810000000000000000n;
const newId = () => String(nextId++);
let nextGuild = 900000000000000001n;

/** A guild of `size` members, its own database rows, and Steward's services over it. */
function guild(size: number, roles: string[] = ["Member"]) {
  const guildId = String(nextGuild++);
  const members: GuildMemberProfile[] = Array.from({ length: size }, () => guildMember(newId(), roles));
  const clock = { now: new Date("2026-11-26T12:00:00Z") };
  const deps = serviceDeps(database, clock, {}, members);
  deps.governance.quorum = "10%";
  return { guildId, members, deps, clock };
}

async function contributes(deps: ServiceDeps, guildId: string, m: GuildMemberProfile, at: Date) {
  const member = await deps.db.member.upsert({
    where: { guildId_discordId: { guildId, discordId: m.discordId } },
    create: { guildId, discordId: m.discordId, username: m.username },
    update: {},
  });
  await deps.db.contribution.create({
    data: {
      guildId,
      authorId: member.id,
      title: `Work ${m.discordId}`,
      titleKey: `work ${m.discordId}`,
      description: "d",
      category: "code",
      createdAt: at,
    },
  });
}

async function draft(deps: ServiceDeps, guildId: string, author = "810000000000999999") {
  return deps.db.proposal.create({
    data: {
      guildId,
      kind: "general",
      authorDiscordId: author,
      title: "Idea",
      summary: "s",
      motivation: "m",
      specification: "x",
      risks: "r",
      successMetrics: "k",
      createdAt: deps.now(),
    },
  });
}

async function closeEpochAt(deps: ServiceDeps, guildId: string, number: number, closedAt: Date) {
  await deps.db.epoch.create({
    data: {
      guildId,
      number,
      status: "closed",
      startsAt: new Date(closedAt.getTime() - 7 * DAY),
      closedAt,
      budget: "0",
    },
  });
}

describe("the active electorate", () => {
  it("counts the quorum over the members who took part, not over every member, and keeps who counted", async () => {
    const { guildId, members, deps } = guild(1000);
    const now = deps.now();
    // 30 contributors and an author; 970 members never used Steward.
    for (const m of members.slice(0, 30)) await contributes(deps, guildId, m, new Date(now.getTime() - DAY));
    const author = members[40] as GuildMemberProfile;
    const p = await openVoting(deps, guildId, "mod", (await draft(deps, guildId, author.discordId)).id);
    expect(p).toMatchObject({
      eligibleWeight: 1000,
      quorumOf: "active",
      quorumMembers: 31,
      quorumBaseWeight: 31,
      quorumWeight: expect.closeTo(3.1, 6),
    });
    expect(p.activeMemberIds).toEqual([...members.slice(0, 30), author].map((m) => m.discordId).sort());
    expect(votesNeeded(p.quorumWeight ?? 0)).toBe(4);
    const opened = await deps.db.auditEvent.findFirstOrThrow({
      where: { action: "proposal.opened", subjectId: String(p.id) },
    });
    expect(opened.payload).toMatchObject({ quorumOf: "active", quorumMembers: 31, activeSince: null });
    expect((opened.payload as { activeMembersSha256: string }).activeMembersSha256).toMatch(/^[0-9a-f]{64}$/);

    // Voters on it become active too: the next vote counts them.
    for (const m of members.slice(100, 110)) await castVote(deps, { ...m, guildId }, p.id, 1);
    const next = await measureElectorate(deps, guildId, deps.now(), null);
    expect(next.members).toBe(41);

    // The electorate of an open vote is a voting term: it cannot change afterwards.
    await expect(deps.db.proposal.update({ where: { id: p.id }, data: { quorumMembers: 5 } })).rejects.toThrow(
      /the electorate its quorum counts can no longer change/,
    );
    await expect(
      deps.db.proposal.update({ where: { id: p.id }, data: { activeMemberIds: [members[500]?.discordId ?? ""] } }),
    ).rejects.toThrow(/can no longer change/);
  });

  it("looks back ACTIVE_WINDOW epochs: the last N closed ones and the open one; everything while fewer closed", async () => {
    const { guildId, members, deps } = guild(50);
    const now = deps.now();
    const weeksAgo = (w: number) => new Date(now.getTime() - w * 7 * DAY);
    await contributes(deps, guildId, members[0] as GuildMemberProfile, weeksAgo(5.5)); // before epoch 2 closed
    await contributes(deps, guildId, members[1] as GuildMemberProfile, weeksAgo(3.5)); // in epoch 3
    await contributes(deps, guildId, members[2] as GuildMemberProfile, weeksAgo(0.5)); // in the open epoch
    for (const n of [1, 2, 3]) await closeEpochAt(deps, guildId, n, weeksAgo(7 - n));
    // Three epochs closed: all of it counts.
    expect((await measureElectorate(deps, guildId, now, null)).members).toBe(3);
    expect((await measureElectorate(deps, guildId, now, null)).activeSince).toBeNull();
    await closeEpochAt(deps, guildId, 4, weeksAgo(3));
    await closeEpochAt(deps, guildId, 5, weeksAgo(2));
    // Closed 1-5: the window opens when epoch 2 closed (5 weeks ago), so epochs 3-5 and the open one count.
    const windowed = await measureElectorate(deps, guildId, now, null);
    expect(windowed.activeSince).toEqual(weeksAgo(5));
    expect(windowed.activeIds).toEqual([members[1], members[2]].map((m) => m?.discordId).sort());
    deps.governance.activeWindow = { epochs: 1 };
    expect((await measureElectorate(deps, guildId, now, null)).activeIds).toEqual([members[2]?.discordId]);
    deps.governance.activeWindow = { ms: 30 * DAY };
    const byTime = await measureElectorate(deps, guildId, now, null);
    expect(byTime.activeSince).toEqual(new Date(now.getTime() - 30 * DAY));
    expect(byTime.activeIds).toEqual([members[1], members[2]].map((m) => m?.discordId).sort());
  });

  it("QUORUM_OF=members and voters count every eligible member; holders of VOTER_ROLES are all active", async () => {
    const { guildId, members, deps } = guild(200);
    await contributes(deps, guildId, members[0] as GuildMemberProfile, deps.now());
    deps.governance.quorumOf = "members";
    expect(await measureElectorate(deps, guildId, deps.now(), null)).toMatchObject({
      members: 200,
      quorumWeight: 20,
      activeIds: [],
      activeSince: null,
      active: null,
    });
    // Asked for, the active part is measured beside it (the doctor's comparison).
    expect((await measureElectorate(deps, guildId, deps.now(), null, { active: true })).active).toEqual({
      members: 1,
      weight: 1,
    });
    deps.governance.quorum = "25";
    expect((await measureElectorate(deps, guildId, deps.now(), null)).quorumWeight).toBe(25);

    const roles = guild(10, ["Voter"]);
    roles.deps.governance.voterRoles = ["Voter"];
    for (const quorumOf of ["active", "voters"] as const) {
      roles.deps.governance.quorumOf = quorumOf;
      expect(await measureElectorate(roles.deps, roles.guildId, roles.deps.now(), null)).toMatchObject({
        members: 10,
        quorumWeight: 1,
      });
    }
  });
});

describe("the quorum's reach", () => {
  it("warns when the quorum is above the best turnout of the last 5 closed votes, or above all active members", async () => {
    const { guildId, members, deps, clock } = guild(1000);
    for (const m of members.slice(0, 50)) await contributes(deps, guildId, m, deps.now());
    deps.governance.quorumOf = "members";
    deps.governance.quorum = "0";
    // Six closed votes; the oldest had the most voters and is out of the last 5.
    for (const turnout of [40, 12, 9, 3, 11, 7]) {
      const p = await openVoting(deps, guildId, "mod", (await draft(deps, guildId)).id, { periodMs: 1000 });
      for (const m of members.slice(0, turnout)) await castVote(deps, { ...m, guildId }, p.id, 1);
      clock.now = new Date(clock.now.getTime() + 2000);
      await closeExpiredVotes(deps);
    }
    deps.governance.quorum = "10%";
    const reach = await quorumReach(deps, guildId);
    expect(reach).toMatchObject({
      needed: 100,
      members: 1000,
      recentTurnouts: [7, 11, 3, 9, 12],
      best: 12,
      outOfReach: "turnout",
      active: { members: 50, weight: 50, needed: 5 },
    });
    expect(quorumProblem(translator("en"), reach as NonNullable<typeof reach>)).toBe(
      "Quorum is out of reach of the people who take part: a vote opened now needs 100 votes (QUORUM=10% of 1,000 members), but the best of the last 5 closed votes had 12 votes, so votes would expire and nothing would be paid: count it over the active members (QUORUM_OF=active: 5 votes of 50), or lower QUORUM.",
    );

    // Over the active members it is within reach: no warning.
    deps.governance.quorumOf = "active";
    expect(await quorumReach(deps, guildId)).toMatchObject({ needed: 5, outOfReach: null });
    // An absolute quorum above every active member is out of reach even with no votes to compare.
    const fresh = guild(500);
    for (const m of fresh.members.slice(0, 20)) await contributes(fresh.deps, fresh.guildId, m, fresh.deps.now());
    fresh.deps.governance.quorum = "25";
    const absolute = await quorumReach(fresh.deps, fresh.guildId);
    expect(absolute).toMatchObject({ best: null, outOfReach: "active" });
    expect(quorumProblem(translator("en"), absolute as NonNullable<typeof absolute>)).toBe(
      "Quorum is out of reach of the people who take part: a vote opened now needs 25 votes (QUORUM=25), but only 20 members are active (contributed, proposed or voted lately), so votes would expire and nothing would be paid: lower QUORUM.",
    );
    fresh.deps.governance.quorum = "10%";
    expect(await quorumReach(fresh.deps, fresh.guildId)).toMatchObject({ outOfReach: null });
  });
});
