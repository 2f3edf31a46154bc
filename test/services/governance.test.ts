import { Wallet } from "ethers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/openDatabase.ts";
import { approvePayout, rejectPayout } from "../../src/services/approvals/decidePayout.ts";
import { verifyAuditChain } from "../../src/services/audit/verifyAuditChain.ts";
import type { Actor, ServiceDeps } from "../../src/services/deps.ts";
import { openVoting } from "../../src/services/proposals/openVoting.ts";
import { castVote } from "../../src/services/votes/castVote.ts";
import { closeExpiredVotes } from "../../src/services/votes/closeExpiredVotes.ts";
import type { GuildMemberProfile } from "../../src/services/votes/governanceSettings.ts";
import { createWalletChallenge } from "../../src/services/wallets/createWalletChallenge.ts";
import { verifyWalletSignature } from "../../src/services/wallets/verifyWalletSignature.ts";
import { actor, guildMember, serviceDeps } from "../helpers/serviceDeps.ts";
import { createTestDatabasePair } from "../helpers/testDatabase.ts";
import { waitForLockWait } from "../helpers/waitForLockWait.ts";

const GUILD = "100000000000000001";
let database: Database & { url?: string };
let second: Database | undefined;
beforeAll(async () => {
  ({ database, second } = await createTestDatabasePair());
});
afterAll(async () => {
  await second?.close();
  await database.close();
});

let nextId = 700000000000000000n;
const newId = () => String(nextId++);

function electorate(n: number, roles: string[] = ["Member"]): GuildMemberProfile[] {
  return Array.from({ length: n }, () => guildMember(newId(), roles));
}

async function linkWallet(deps: ServiceDeps, who: Actor, wallet = Wallet.createRandom()) {
  const challenge = await createWalletChallenge(deps, who, wallet.address);
  await verifyWalletSignature(deps, who, await wallet.signMessage(challenge.message));
  return wallet.address;
}

async function fundingProposal(deps: ServiceDeps, recipient: string | null, amount = "500") {
  return deps.db.proposal.create({
    data: {
      guildId: GUILD,
      kind: recipient ? "funding" : "general",
      authorDiscordId: "700000000000000999",
      title: "Fund it",
      summary: "s",
      motivation: "m",
      specification: "x",
      risks: "r",
      successMetrics: "k",
      budgetAmount: recipient ? amount : null,
      budgetRecipient: recipient,
    },
  });
}

const voter = (m: GuildMemberProfile) => ({ ...m, guildId: GUILD });
const HOUR = 3_600_000;

describe("votes and quorum", () => {
  it("counts a member's last vote only, and abstentions toward the quorum, as Snapshot does", async () => {
    const people = electorate(3);
    const deps = serviceDeps(database, undefined, {}, people);
    deps.governance.quorum = "3";
    const p = await fundingProposal(deps, Wallet.createRandom().address);
    await openVoting(deps, GUILD, "mod", p.id);
    const [a, b, c] = people as [GuildMemberProfile, GuildMemberProfile, GuildMemberProfile];
    await castVote(deps, voter(a), p.id, 1);
    await castVote(deps, voter(a), p.id, 2); // changes their mind: Against counts, For does not
    await castVote(deps, voter(b), p.id, 1);
    await castVote(deps, voter(c), p.id, 3); // Abstain: no side, but the quorum of 3 is reached with it
    const stored = await deps.db.vote.findMany({ where: { proposalId: p.id }, orderBy: { discordId: "asc" } });
    expect(stored.map((v) => [v.discordId, v.choice])).toEqual(
      [
        [a.discordId, 2],
        [b.discordId, 1],
        [c.discordId, 3],
      ].sort(([x], [y]) => String(x).localeCompare(String(y))),
    );
    deps.clock.now = new Date(deps.clock.now.getTime() + deps.governance.votingPeriodMs + 1_000);
    const [closed] = await closeExpiredVotes(deps);
    const result = closed?.result as { all: { scores: number[]; quorumMet: boolean; status: string } };
    expect(result.all.scores).toEqual([1, 1, 1]);
    expect(result.all.quorumMet).toBe(true);
    // For / (For + Against) = 0.5 is not above the 0.5 threshold: a tie fails.
    expect(result.all.status).toBe("rejected");
    deps.governance.quorum = "0";
  });
});

describe("proposal lifecycle in the database", () => {
  it("refuses illegal transitions, frozen terms, deletes and votes on a closed proposal, from any path", async () => {
    const deps = serviceDeps(database, undefined, {}, electorate(3));
    const p = await fundingProposal(deps, Wallet.createRandom().address);
    const raw = (sql: string) => deps.db.$executeRawUnsafe(sql);
    await expect(raw(`UPDATE "Proposal" SET status = 'approved' WHERE id = ${p.id}`)).rejects.toThrow(
      /illegal proposal transition draft -> approved/,
    );
    await openVoting(deps, GUILD, "mod", p.id);
    await expect(raw(`UPDATE "Proposal" SET status = 'draft' WHERE id = ${p.id}`)).rejects.toThrow(
      /illegal proposal transition open -> draft/,
    );
    await expect(raw(`UPDATE "Proposal" SET "batchHash" = 'sha256:00' WHERE id = ${p.id}`)).rejects.toThrow(
      /can no longer change/,
    );
    await expect(raw(`UPDATE "Proposal" SET "budgetAmount" = 1 WHERE id = ${p.id}`)).rejects.toThrow(
      /can no longer change/,
    );
    await expect(raw(`DELETE FROM "Proposal" WHERE id = ${p.id}`)).rejects.toThrow(/never deleted/);
    await raw(`UPDATE "Proposal" SET status = 'expired' WHERE id = ${p.id}`);
    const member = await deps.db.member.create({ data: { guildId: GUILD, discordId: newId(), username: "late" } });
    await expect(
      raw(
        `INSERT INTO "Vote" ("proposalId", "memberId", "discordId", choice, weight, "updatedAt") VALUES (${p.id}, '${member.id}', '1', '1', 1, now())`,
      ),
    ).rejects.toThrow(/not open for votes/);
  });

  it("checks the terms when a vote opens", async () => {
    const deps = serviceDeps(database, undefined, {}, electorate(3));
    const noRecipient = await deps.db.proposal.update({
      where: { id: (await fundingProposal(deps, Wallet.createRandom().address)).id },
      data: { budgetRecipient: "nobody" },
    });
    await expect(openVoting(deps, GUILD, "mod", noRecipient.id)).rejects.toMatchObject({
      code: "payout_needs_recipient",
    });
    const general = await fundingProposal(deps, null);
    await expect(openVoting(deps, GUILD, "mod", general.id, { choices: ["A", "B"] })).rejects.toMatchObject({
      code: "invalid_voting_setup",
    });
    await expect(
      openVoting(deps, GUILD, "mod", general.id, { votingType: "ranked_choice", choices: ["A", "B"] }),
    ).rejects.toMatchObject({
      code: "invalid_voting_setup",
    });
    await expect(
      openVoting(deps, GUILD, "mod", general.id, { votingType: "approval", choices: ["A", "a"] }),
    ).rejects.toMatchObject({
      code: "invalid_voting_setup",
    });
    await expect(openVoting(deps, GUILD, "mod", 999_999)).rejects.toMatchObject({ code: "proposal_not_found" });
    const opened = await openVoting(deps, GUILD, "mod", general.id, {
      votingType: "approval",
      choices: ["A", "B", "C"],
    });
    expect(opened).toMatchObject({ status: "open", choices: ["A", "B", "C"], eligibleWeight: 3 });
    await expect(openVoting(deps, GUILD, "mod", general.id)).rejects.toMatchObject({
      code: "proposal_not_draft",
      context: { status: "open" },
    });
  });
});

describe("votes", () => {
  it("gates eligibility by role and membership age, weighs by role, and keeps the last vote", async () => {
    const members = [
      guildMember(newId(), ["Member"]),
      guildMember(newId(), ["Member", "Moderator"]),
      guildMember(newId(), []),
    ];
    const recent = guildMember(newId(), ["Member"], new Date("2026-11-25T12:00:00Z"));
    const deps = serviceDeps(database, undefined, {}, [...members, recent]);
    deps.governance.voterRoles = ["Member"];
    deps.governance.minMembershipMs = 7 * 24 * HOUR;
    deps.governance.weight = { strategy: "role-weighted", roleWeights: { Member: 1, Moderator: 3 } };
    const p = await openVoting(deps, GUILD, "mod", (await fundingProposal(deps, null)).id);
    // Eligible: the member (1) and the moderator (max of 1 and 3): the no-role and the new member are not.
    expect(p.eligibleWeight).toBe(4);
    const [member, moderator, noRole] = members as [GuildMemberProfile, GuildMemberProfile, GuildMemberProfile];
    await expect(castVote(deps, voter(noRole), p.id, 1)).rejects.toMatchObject({
      code: "not_eligible",
      context: { reason: { kind: "roles", roles: ["Member"] } },
    });
    await expect(castVote(deps, voter(recent), p.id, 1)).rejects.toMatchObject({
      code: "not_eligible",
      context: { reason: { kind: "too_new", after: "7d", from: "2026-12-02T12:00:00Z" } },
    });
    await expect(castVote(deps, { ...voter(member), bot: true }, p.id, 1)).rejects.toMatchObject({
      code: "not_eligible",
    });
    await expect(castVote(deps, voter(member), p.id, 4)).rejects.toMatchObject({ code: "invalid_vote" });
    expect((await castVote(deps, voter(moderator), p.id, 2)).vote.weight).toBe(3);
    await castVote(deps, voter(member), p.id, 2);
    const changed = await castVote(deps, voter(member), p.id, 1);
    expect(changed.previous?.choice).toBe(2);
    expect(await deps.db.vote.count({ where: { proposalId: p.id } })).toBe(2);
    deps.clock.now = new Date(deps.clock.now.getTime() + 48 * HOUR);
    await expect(castVote(deps, voter(member), p.id, 1)).rejects.toMatchObject({ code: "vote_closed" });
    const closed = (await closeExpiredVotes(deps)).find((c) => c.id === p.id);
    // For 1 (member) vs Against 3 (moderator).
    expect(closed).toMatchObject({ id: p.id, status: "rejected" });
    await expect(castVote(deps, voter(member), p.id, 1)).rejects.toMatchObject({
      code: "vote_closed",
      context: { status: "rejected" },
    });
  });

  it("shows the result with and without recipients' votes; EXCLUDE_CONFLICTED_VOTES makes the second binding", async () => {
    for (const exclude of [false, true]) {
      const people = electorate(3);
      const deps = serviceDeps(database, undefined, {}, people);
      deps.governance.excludeConflicted = exclude;
      const [a, b, c] = people as [GuildMemberProfile, GuildMemberProfile, GuildMemberProfile];
      const address = await linkWallet(deps, actor(a.discordId));
      const p = await openVoting(deps, GUILD, "mod", (await fundingProposal(deps, address)).id);
      expect((await castVote(deps, voter(a), p.id, 1)).vote.conflicted).toBe(true);
      await castVote(deps, voter(b), p.id, 1);
      await castVote(deps, voter(c), p.id, 2);
      deps.clock.now = new Date(deps.clock.now.getTime() + 49 * HOUR);
      const closed = (await closeExpiredVotes(deps)).find((c) => c.id === p.id);
      expect(closed?.result.all.status).toBe("passed");
      expect(closed?.result.withoutConflicted.status).toBe("rejected");
      expect(closed?.status).toBe(exclude ? "rejected" : "awaiting_approval");
    }
  });
});

describe("closing and approving", () => {
  it("closes each expired proposal exactly once across concurrent closers, and votes in flight are either counted or refused", async () => {
    const people = electorate(12);
    const deps = serviceDeps(database, undefined, {}, people);
    const p = await openVoting(deps, GUILD, "mod", (await fundingProposal(deps, Wallet.createRandom().address)).id);
    for (const m of people.slice(0, 6)) await castVote(deps, voter(m), p.id, 1);
    const end = (p.endsAt as Date).getTime();
    const before = serviceDeps(second ?? database, { now: new Date(end - 1) }, {}, people);
    const closers = [0, 1, 2].map((i) =>
      serviceDeps(i === 1 && second ? second : database, { now: new Date(end + 1) }, {}, people),
    );
    const settled = await Promise.allSettled([
      ...closers.map((d) => closeExpiredVotes(d)),
      ...people.slice(6).map((m) => castVote(before, voter(m), p.id, 2)),
    ]);
    const closedRuns = settled
      .slice(0, 3)
      .flatMap((s) => (s.status === "fulfilled" ? (s.value as Awaited<ReturnType<typeof closeExpiredVotes>>) : []))
      .filter((c) => c.id === p.id);
    expect(closedRuns.map((c) => c.id)).toEqual([p.id]);
    const refused = settled.slice(3).filter((s) => s.status === "rejected");
    for (const r of refused) expect((r as PromiseRejectedResult).reason).toMatchObject({ code: "vote_closed" });
    const stored = await deps.db.proposal.findUniqueOrThrow({ where: { id: p.id } });
    const votes = await deps.db.vote.count({ where: { proposalId: p.id } });
    // Whatever raced, the result counts exactly the votes stored.
    expect((stored.result as { all: { voters: number } }).all.voters).toBe(votes);
    expect(votes).toBe(12 - refused.length);
    const audits = await deps.db.auditEvent.count({
      where: { subjectId: String(p.id), action: { in: ["proposal.passed", "proposal.rejected"] } },
    });
    expect(audits).toBe(1);
    // Batched votes and concurrent closers still leave one unbroken hash chain.
    expect((await verifyAuditChain(deps.db, 50)).intact).toBe(true);
  });

  it("needs M approvals from moderators who are not recipients; tiers change M; a veto ends it", async () => {
    const people = electorate(3);
    const deps = serviceDeps(database, undefined, {}, people);
    deps.governance.autoApproveBelow = 100n;
    deps.governance.largePayoutAbove = 1000n;
    const recipientMod = actor(newId());
    const recipient = await linkWallet(deps, recipientMod);
    const pass = async (amount: string) => {
      const p = await openVoting(deps, GUILD, "mod", (await fundingProposal(deps, recipient, amount)).id);
      for (const m of people) await castVote(deps, voter(m), p.id, 1);
      deps.clock.now = new Date(deps.clock.now.getTime() + 49 * HOUR);
      const closed = (await closeExpiredVotes(deps)).find((c) => c.id === p.id);
      return { id: p.id, status: closed?.status };
    };
    expect(await pass("99")).toMatchObject({ status: "approved" });
    const large = await pass("1001");
    expect((await deps.db.proposal.findUniqueOrThrow({ where: { id: large.id } })).approvalsRequired).toBe(3);
    const normal = await pass("500");
    await expect(approvePayout(deps, recipientMod, normal.id)).rejects.toMatchObject({
      code: "own_payout",
      context: { id: normal.id, address: recipient },
    });
    const [m1, m2] = [actor(newId()), actor(newId())];
    // Two moderators at once (two processes on PostgreSQL): both count, and the second makes it approved.
    const other = serviceDeps(second ?? database, deps.clock, {}, people);
    // Each decision queues the result (its count or outcome) and the proposal (its status) to be posted again.
    const posts = async (id: number) =>
      (
        await deps.db.pendingPost.findMany({
          where: { subjectId: id, kind: { in: ["result", "proposal"] } },
          orderBy: { kind: "asc" },
        })
      ).map((r) => `${r.kind}@${r.version}`);
    const queuedBefore = await posts(normal.id);
    const both = await Promise.all([approvePayout(deps, m1, normal.id), approvePayout(other, m2, normal.id)]);
    const bumped = (before: string[], by: number) =>
      before.map((p) => p.replace(/@(\d+)$/, (_m, v) => `@${Number(v) + by}`));
    expect(queuedBefore.map((p) => p.split("@")[0])).toEqual(["proposal", "result"]);
    expect(await posts(normal.id)).toEqual(bumped(queuedBefore, 2));
    expect(both.map((r) => [r.approvals, r.required, r.approved]).sort()).toEqual([
      [1, 2, false],
      [2, 2, true],
    ]);
    expect(await deps.db.proposal.findUniqueOrThrow({ where: { id: normal.id } })).toMatchObject({
      status: "approved",
    });
    const trail = await deps.db.auditEvent.findMany({
      where: { subjectType: "proposal", subjectId: String(normal.id), action: { startsWith: "proposal.approv" } },
      orderBy: { id: "asc" },
    });
    expect(trail.map((e) => e.action)).toEqual(["proposal.approval_added", "proposal.approved"]);
    expect(trail[1]?.payload).toMatchObject({ approvals: 2, required: 2 });
    await expect(approvePayout(deps, m1, normal.id)).rejects.toMatchObject({
      code: "approval_not_pending",
      context: { status: "approved" },
    });

    await approvePayout(deps, m1, large.id);
    await expect(approvePayout(deps, m1, large.id)).rejects.toMatchObject({
      code: "already_approved",
      context: { approvals: 1, required: 3 },
    });
    await expect(rejectPayout(deps, m2, large.id, "  ")).rejects.toMatchObject({ code: "field_empty_reason" });
    const beforeVeto = await posts(large.id);
    const vetoed = await rejectPayout(deps, m2, large.id, "Too large for one transfer.");
    expect(vetoed.approvals).toBe(1);
    expect(await posts(large.id)).toEqual(bumped(beforeVeto, 1));
    const veto = await deps.db.auditEvent.findFirstOrThrow({
      where: { subjectType: "proposal", subjectId: String(large.id), action: "proposal.vetoed" },
    });
    expect(veto.payload).toMatchObject({ reason: "Too large for one transfer.", approvalsBefore: 1 });
    await expect(approvePayout(deps, actor(newId()), large.id)).rejects.toMatchObject({
      code: "approval_not_pending",
      context: { status: "vetoed" },
    });
    const general = await openVoting(deps, GUILD, "mod", (await fundingProposal(deps, null)).id);
    await expect(approvePayout(deps, m1, general.id)).rejects.toMatchObject({
      code: "not_a_payout",
      context: { id: general.id },
    });
    // A payout still open for votes is not awaiting approval yet.
    const stillOpen = await openVoting(deps, GUILD, "mod", (await fundingProposal(deps, recipient, "500")).id);
    await expect(approvePayout(deps, m1, stillOpen.id)).rejects.toMatchObject({
      code: "approval_not_pending",
      context: { id: stillOpen.id, status: "open" },
    });
    await expect(rejectPayout(deps, m1, stillOpen.id, "no")).rejects.toMatchObject({ code: "approval_not_pending" });
  });
  it("an approval waiting on a veto in progress is refused with the veto's outcome, never counted", async () => {
    const people = electorate(2);
    const deps = serviceDeps(database, undefined, {}, people);
    const recipientMod = actor(newId());
    const recipient = await linkWallet(deps, recipientMod);
    const p = await openVoting(deps, GUILD, "mod", (await fundingProposal(deps, recipient, "500")).id);
    for (const m of people) await castVote(deps, voter(m), p.id, 1);
    deps.clock.now = new Date(deps.clock.now.getTime() + 49 * HOUR);
    await closeExpiredVotes(deps);
    // Paid by it and it is already decided: the state is the answer, not the conflict.
    await database.driver.withConnection(async (veto) => {
      await veto.exec("BEGIN");
      await veto.query(`UPDATE "Proposal" SET "status" = 'vetoed' WHERE "id" = $1`, [p.id]);
      // The approval reads the proposal as awaiting approval, then waits for the row the veto holds.
      const approving = approvePayout(deps, actor(newId()), p.id);
      const outcome = approving.then(
        () => "approved",
        (e: { code?: string; context?: unknown }) => e,
      );
      await waitForLockWait(database.driver);
      await veto.exec("COMMIT");
      expect(await outcome).toMatchObject({ code: "approval_not_pending", context: { id: p.id, status: "vetoed" } });
    });
    expect(await deps.db.approval.count({ where: { proposalId: p.id } })).toBe(0);
    await expect(approvePayout(deps, recipientMod, p.id)).rejects.toMatchObject({
      code: "approval_not_pending",
      context: { status: "vetoed" },
    });
  });
});
