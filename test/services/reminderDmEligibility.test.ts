import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/openDatabase.ts";
import { openVoting } from "../../src/services/proposals/openVoting.ts";
import { sendDueReminders } from "../../src/services/reminders/sendDueReminders.ts";
import type { GuildMemberProfile } from "../../src/services/votes/governanceSettings.ts";
import { ElectorateUnavailableError } from "../../src/services/votes/offlineElectorate.ts";
import { guildMember, serviceDeps } from "../helpers/serviceDeps.ts";
import { createTestDatabase } from "../helpers/testDatabase.ts";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
let nextGuild = 910000000000000001n;

/** A guild whose members all opted in to reminder DMs, and an open vote on a proposal there. */
async function openVoteIn(members: GuildMemberProfile[], setup: (deps: ReturnType<typeof serviceDeps>) => void) {
  const guildId = String(nextGuild++);
  const clock = { now: new Date("2026-11-26T12:00:00Z") };
  const deps = serviceDeps(database, clock, {}, members);
  deps.reminders = { beforeSeconds: [HOUR / 1000] };
  setup(deps);
  for (const m of [...members, guildMember("820000000000000099")]) {
    await deps.db.member.create({
      data: { guildId, discordId: m.discordId, username: m.username, notifyVotes: true },
    });
  }
  const draft = await deps.db.proposal.create({
    data: {
      guildId,
      kind: "general",
      authorDiscordId: "820000000000000001",
      title: "Idea",
      summary: "s",
      motivation: "m",
      specification: "x",
      risks: "r",
      successMetrics: "k",
    },
  });
  const p = await openVoting(deps, guildId, "mod", draft.id, { periodMs: 2 * HOUR });
  clock.now = new Date((p.endsAt as Date).getTime() - HOUR + 1000);
  return { deps, guildId, proposalId: p.id };
}

async function dmsTo(deps: ReturnType<typeof serviceDeps>, proposalId: number) {
  const dms = await deps.db.reminderDm.findMany({ where: { reminder: { proposalId } }, orderBy: { discordId: "asc" } });
  return dms.map((d) => d.discordId);
}

describe("reminder DMs go only to members who may vote", () => {
  it("VOTER_ROLES: an opted-in member without a voter role, or no longer in the server, is not told they have not voted", async () => {
    const voter = guildMember("820000000000000010", ["Member", "Voter"]);
    const other = guildMember("820000000000000011", ["Member"]);
    const { deps, proposalId } = await openVoteIn([voter, other], (d) => {
      d.governance.voterRoles = ["Voter"];
    });
    const due = await sendDueReminders(deps);
    expect(due.sent).toEqual([{ proposalId, offsetSeconds: 3600, dms: 1 }]);
    // 820000000000000099 opted in once and has left the server: not a voter either.
    expect(await dmsTo(deps, proposalId)).toEqual([voter.discordId]);
  });

  it("VOTER_MIN_MEMBERSHIP: a member who joined too recently to vote gets no DM", async () => {
    const old = guildMember("820000000000000020", ["Member"], new Date("2026-01-01T00:00:00Z"));
    const recent = guildMember("820000000000000021", ["Member"], new Date("2026-11-26T00:00:00Z"));
    const { deps, proposalId } = await openVoteIn([old, recent], (d) => {
      d.governance.minMembershipMs = 7 * DAY;
    });
    await sendDueReminders(deps);
    expect(await dmsTo(deps, proposalId)).toEqual([old.discordId]);
  });

  it("role-weighted votes: a member whose roles weigh nothing cannot vote and gets no DM", async () => {
    const weighted = guildMember("820000000000000030", ["Member", "Core"]);
    const weightless = guildMember("820000000000000031", ["Member"]);
    const { deps, proposalId } = await openVoteIn([weighted, weightless], (d) => {
      d.governance.weight = { strategy: "role-weighted", roleWeights: { Core: 2 } };
    });
    await sendDueReminders(deps);
    expect(await dmsTo(deps, proposalId)).toEqual([weighted.discordId]);
  });

  it("Discord will not list the members: the post goes out without DMs (and says so); no bot here: left to one", async () => {
    const ann = guildMember("820000000000000040", ["Member"]);
    const listing = { refuse: false };
    const { deps, proposalId } = await openVoteIn([ann], () => {});
    const members = deps.governance.electorate.members;
    deps.governance.electorate = {
      members: async (guildId) => {
        if (listing.refuse) throw new ElectorateUnavailableError("no member list here", "offline");
        return members(guildId);
      },
    };
    listing.refuse = true;
    const offline = await sendDueReminders(deps);
    expect(offline).toMatchObject({ sent: [], deferred: [{ proposalId, offsetSeconds: 3600 }] });
    expect(await deps.db.voteReminder.count({ where: { proposalId } })).toBe(0);

    deps.governance.electorate = {
      members: async () => {
        throw new ElectorateUnavailableError("Server Members intent off", "members_intent");
      },
    };
    const refused = await sendDueReminders(deps);
    expect(refused.sent).toEqual([{ proposalId, offsetSeconds: 3600, dms: 0, dmsNotChecked: "members_intent" }]);
    expect(await dmsTo(deps, proposalId)).toEqual([]);
  });
});
