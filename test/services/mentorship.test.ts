import { Wallet } from "ethers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toUnits } from "../../src/db/decimalUnits.ts";
import type { Database } from "../../src/db/openDatabase.ts";
import { createLogger } from "../../src/logger.ts";
import { submitContribution } from "../../src/services/contributions/submitContribution.ts";
import type { Actor } from "../../src/services/deps.ts";
import { closeEpoch } from "../../src/services/epochs/closeEpoch.ts";
import { releaseDistribution } from "../../src/services/epochs/releaseDistribution.ts";
import { runEvaluations } from "../../src/services/evaluations/runEvaluations.ts";
import { captureMergedPull, decideGithubDraft } from "../../src/services/github/captureMergedPull.ts";
import { linkGithubAccount } from "../../src/services/github/linkGithub.ts";
import { acceptMentee } from "../../src/services/mentorship/acceptMentee.ts";
import { endMentorship } from "../../src/services/mentorship/endMentorship.ts";
import { requestMentor } from "../../src/services/mentorship/requestMentor.ts";
import { reviewContribution } from "../../src/services/mentorship/reviewContribution.ts";
import { traceAudit } from "../../src/services/transparency/traceAudit.ts";
import { createWalletChallenge } from "../../src/services/wallets/createWalletChallenge.ts";
import { verifyWalletSignature } from "../../src/services/wallets/verifyWalletSignature.ts";
import { actor, serviceDeps, type TestServiceDeps } from "../helpers/serviceDeps.ts";
import { createTestDatabase } from "../helpers/testDatabase.ts";

const MENTOR = ["Member", "Mentor"];
const logger = createLogger({ level: "silent" });
let database: Database;
let deps: TestServiceDeps;
beforeAll(async () => {
  database = await createTestDatabase();
  deps = serviceDeps(database);
});
afterAll(() => database.close());

// Each scenario in its own guild: one's open epoch and contributions are not another's.
let nextGuild = 200000000000000001n;
let nextId = 840000000000000000n;
function guild() {
  const guildId = String(nextGuild++);
  return () => ({ ...actor(String(nextId++)), guildId }) satisfies Actor;
}

const wallets = new Map<string, { address: string; signMessage(m: string): Promise<string> }>();
async function link(
  who: Actor,
  wallet: { address: string; signMessage(m: string): Promise<string> } | string = Wallet.createRandom(),
) {
  if (typeof wallet === "string") wallet = wallets.get(wallet) as NonNullable<ReturnType<typeof wallets.get>>;
  wallets.set(wallet.address, wallet);
  const challenge = await createWalletChallenge(deps, who, wallet.address);
  await verifyWalletSignature(deps, who, await wallet.signMessage(challenge.message));
  return wallet;
}

async function contribute(author: Actor) {
  deps.clock.now = new Date(deps.clock.now.getTime() + 120_000);
  const c = await submitContribution(deps, author, {
    title: `Work ${nextId++}`,
    description:
      "Wrote the onboarding guide for new members: how to link a wallet, how evaluations work, and how voting works, with screenshots and a glossary.",
    category: "docs",
    links: ["https://docs.example.org/onboarding"],
  });
  return c.id;
}

/** Whether submitting `id` queued the note that tells the mentor it waits for their review. */
const reviewAsked = async (id: number) =>
  (await deps.db.pendingPost.findMany({ where: { kind: "note" } })).some((p) => {
    const fact = (p.payload as { fact?: { kind: string; contributionId?: number } }).fact;
    return fact?.kind === "mentor_review_due" && fact.contributionId === id;
  });
const status = async (id: number) => (await deps.db.contribution.findUniqueOrThrow({ where: { id } })).status;
const refusal = (p: Promise<unknown>) =>
  p.then(
    () => "accepted",
    (e: { code?: string }) => e.code ?? String(e),
  );

describe("asking for and taking a mentor", () => {
  it("a newcomer has one open request; a mentor takes it; self, alts and non-mentors are refused", async () => {
    const person = guild();
    const [newcomer, mentor, other, plain] = [person(), person(), person(), person()];
    await requestMentor(deps, newcomer, "Help me with docs");
    expect(await refusal(requestMentor(deps, newcomer, null))).toBe("mentor_already_open");
    expect(await refusal(acceptMentee(deps, plain, ["Member"], newcomer.discordId))).toBe("missing_role");
    expect(await refusal(acceptMentee(deps, newcomer, MENTOR, newcomer.discordId))).toBe("mentor_self");
    // An alt: the mentor once linked the wallet the newcomer has linked.
    const shared = Wallet.createRandom();
    await link(other, shared);
    await deps.db.wallet.updateMany({
      where: { member: { discordId: other.discordId } },
      data: { activeFor: null, activeAddress: null },
    });
    await link(newcomer, shared);
    expect(await refusal(acceptMentee(deps, other, MENTOR, newcomer.discordId))).toBe("mentor_shares_wallet");
    await acceptMentee(deps, mentor, MENTOR, newcomer.discordId);
    expect(await refusal(acceptMentee(deps, plain, MENTOR, newcomer.discordId))).toBe("mentor_taken");
    const audit = await deps.db.auditEvent.findMany({
      where: { guildId: newcomer.guildId, action: { startsWith: "mentorship." } },
      orderBy: { id: "asc" },
    });
    expect(audit.map((e) => e.action)).toEqual(["mentorship.requested", "mentorship.accepted"]);
    // The request was posted for mentors, and the accept for the newcomer.
    const posts = await deps.db.pendingPost.findMany({ where: { guildId: newcomer.guildId, kind: "note" } });
    expect(posts.map((p) => (p.payload as { fact: { kind: string } }).fact.kind)).toEqual([
      "mentor_requested",
      "mentor_accepted",
    ]);
    // Only the pair or a moderator ends it.
    expect(await refusal(endMentorship(deps, plain, false, newcomer.discordId))).toBe("mentor_not_yours");
    await endMentorship(deps, mentor, false, newcomer.discordId);
    expect(await refusal(endMentorship(deps, newcomer, false, null))).toBe("mentor_none_open");
  });

  it("the newcomer is told when a mentor accepts; whoever did not end a mentorship is told it ended", async () => {
    const person = guild();
    const [newcomer, mentor, moderator] = [person(), person(), person()];
    const notes = async () =>
      (
        await deps.db.pendingPost.findMany({
          where: { guildId: newcomer.guildId, kind: "note" },
          orderBy: { id: "asc" },
        })
      )
        .map((p) => p.payload as { channel: string; fact: { kind: string } })
        .filter((n) => n.fact.kind !== "mentor_requested");
    const { mentorshipId } = await requestMentor(deps, newcomer, null);
    await acceptMentee(deps, mentor, MENTOR, newcomer.discordId);
    expect(await notes()).toEqual([
      {
        channel: "governance",
        fact: { kind: "mentor_accepted", mentorshipId, newcomer: newcomer.discordId, mentor: mentor.discordId },
      },
    ]);
    await endMentorship(deps, newcomer, false, null);
    const ended = (by: Actor, tell: string[], mentor: string | null, id: number) => ({
      channel: "governance",
      fact: { kind: "mentor_ended", mentorshipId: id, newcomer: newcomer.discordId, mentor, by: by.discordId, tell },
    });
    expect((await notes()).slice(1)).toEqual([ended(newcomer, [mentor.discordId], mentor.discordId, mentorshipId)]);
    // A mentor ending it tells the newcomer; a moderator tells both; a newcomer withdrawing a request tells no one.
    const second = await requestMentor(deps, newcomer, null);
    await acceptMentee(deps, mentor, MENTOR, newcomer.discordId);
    await endMentorship(deps, mentor, false, newcomer.discordId);
    const third = await requestMentor(deps, newcomer, null);
    await acceptMentee(deps, mentor, MENTOR, newcomer.discordId);
    await endMentorship(deps, moderator, true, newcomer.discordId);
    const fourth = await requestMentor(deps, newcomer, null);
    await endMentorship(deps, newcomer, false, null);
    const fifth = await requestMentor(deps, newcomer, null);
    await endMentorship(deps, moderator, true, newcomer.discordId);
    expect((await notes()).filter((n) => n.fact.kind === "mentor_ended").slice(1)).toEqual([
      ended(mentor, [newcomer.discordId], mentor.discordId, second.mentorshipId),
      ended(moderator, [newcomer.discordId, mentor.discordId], mentor.discordId, third.mentorshipId),
      ended(moderator, [newcomer.discordId], null, fifth.mentorshipId),
    ]);
    expect(fourth.mentorshipId).toBeLessThan(fifth.mentorshipId);
  });

  it("two mentors accepting the same newcomer at once: exactly one wins", async () => {
    for (let round = 0; round < 5; round++) {
      const person = guild();
      const newcomer = person();
      const mentors = [person(), person(), person()];
      await requestMentor(deps, newcomer, null);
      const outcomes = await Promise.all(
        mentors.map((m) => refusal(acceptMentee(deps, m, MENTOR, newcomer.discordId))),
      );
      expect(outcomes.filter((o) => o === "accepted")).toHaveLength(1);
      expect(outcomes.filter((o) => o !== "accepted")).toEqual(["mentor_taken", "mentor_taken"]);
      const rows = await deps.db.mentorship.findMany({ where: { guildId: newcomer.guildId } });
      expect(rows).toHaveLength(1);
      expect(rows[0]?.status).toBe("active");
    }
  });

  it("the database holds one open mentorship per newcomer, whatever the code does", async () => {
    const person = guild();
    const newcomer = person();
    const { mentorshipId } = await requestMentor(deps, newcomer, null);
    const row = await deps.db.mentorship.findUniqueOrThrow({ where: { id: mentorshipId } });
    await expect(
      deps.db.mentorship.create({
        data: {
          guildId: row.guildId,
          newcomerId: row.newcomerId,
          status: "requested",
          openFor: row.newcomerId,
          requestedAt: new Date(),
        },
      }),
    ).rejects.toThrow();
  });
});

describe("the mentor's review before evaluation", () => {
  it("the first contributions wait for the note, then are evaluated; the note is audited on the contribution", async () => {
    const person = guild();
    const [newcomer, mentor, stranger] = [person(), person(), person()];
    await requestMentor(deps, newcomer, null);
    await acceptMentee(deps, mentor, MENTOR, newcomer.discordId);
    const id = await contribute(newcomer);
    expect(await reviewAsked(id)).toBe(true);
    await runEvaluations(deps, logger);
    expect(await status(id)).toBe("submitted");
    expect(await refusal(reviewContribution(deps, stranger, id, "Looks fine"))).toBe("mentor_review_not_mentee");
    await reviewContribution(deps, mentor, id, "Clear guide; the glossary helps newcomers.");
    expect(await refusal(reviewContribution(deps, mentor, id, "Again"))).toBe("mentor_review_exists");
    await runEvaluations(deps, logger);
    expect(await status(id)).toBe("evaluated");
    const trace = await deps.db.auditEvent.findMany({
      where: { subjectType: "contribution", subjectId: String(id), action: "contribution.mentor_reviewed" },
    });
    expect(trace).toHaveLength(1);
    // The evaluation does not carry the note: the evaluator never saw it.
    const evaluation = await deps.db.evaluation.findUniqueOrThrow({ where: { activeFor: id } });
    expect(JSON.stringify(evaluation)).not.toContain("glossary helps newcomers");
  });

  it("a merged PR the newcomer confirms tells their mentor there is something to review, as /contribute does", async () => {
    const person = guild();
    const [newcomer, mentor] = [person(), person()];
    await requestMentor(deps, newcomer, null);
    await acceptMentee(deps, mentor, MENTOR, newcomer.discordId);
    const githubId = Number(nextId++ % 1_000_000_000n);
    await linkGithubAccount(deps, newcomer, { login: `octo${githubId}`, githubId });
    deps.clock.now = new Date(deps.clock.now.getTime() + 120_000);
    await captureMergedPull(deps, {
      deliveryId: `mentor-${githubId}`,
      action: "closed",
      pull: {
        nodeId: `PR_mentor${githubId}`,
        merged: true,
        url: "https://github.com/acme/app/pull/9",
        title: "Fix the onboarding flow",
        body: "Fixed the crash when a newcomer opens the guide twice.",
        number: 9,
        repository: "acme/app",
        author: { id: githubId, login: `octo${githubId}` },
      },
    });
    const draft = await deps.db.githubDraft.findFirstOrThrow({ where: { guildId: newcomer.guildId } });
    const decided = await decideGithubDraft(deps, newcomer, draft.id, "confirm");
    if (decided.status !== "confirmed") throw new Error("not confirmed");
    const due = await deps.db.pendingPost.findMany({ where: { guildId: newcomer.guildId, kind: "note" } });
    const facts = due.map((p) => (p.payload as { fact: { kind: string } }).fact);
    expect(facts).toContainEqual({
      kind: "mentor_review_due",
      contributionId: decided.contributionId,
      mentor: mentor.discordId,
      newcomer: newcomer.discordId,
      waitMs: deps.mentorship.reviewWaitMs,
    });
  });

  it("a silent mentor delays an evaluation by MENTOR_REVIEW_WAIT at most; later contributions never wait", async () => {
    const person = guild();
    const [newcomer, mentor] = [person(), person()];
    await requestMentor(deps, newcomer, null);
    await acceptMentee(deps, mentor, MENTOR, newcomer.discordId);
    const ids = [await contribute(newcomer), await contribute(newcomer), await contribute(newcomer)];
    const fourth = await contribute(newcomer);
    expect(await reviewAsked(ids[0] as number)).toBe(true);
    expect(await reviewAsked(fourth)).toBe(false);
    await runEvaluations(deps, logger);
    expect(await Promise.all(ids.map(status))).toEqual(["submitted", "submitted", "submitted"]);
    expect(await status(fourth)).toBe("evaluated");
    expect(await refusal(reviewContribution(deps, mentor, fourth, "Late"))).toBe("mentor_review_not_first");
    deps.clock.now = new Date(deps.clock.now.getTime() + deps.mentorship.reviewWaitMs + 1000);
    await runEvaluations(deps, logger);
    expect(await Promise.all(ids.map(status))).toEqual(["evaluated", "evaluated", "evaluated"]);
    expect(await refusal(reviewContribution(deps, mentor, ids[0] as number, "Too late"))).toBe(
      "mentor_review_too_late",
    );
  });
});

describe("the mentor's share at the close", () => {
  async function mentored(person: () => Actor, opts: { mentorWallet?: null } = {}) {
    const [newcomer, mentor] = [person(), person()];
    await link(newcomer);
    if (opts.mentorWallet !== null) await link(mentor);
    await requestMentor(deps, newcomer, null);
    await acceptMentee(deps, mentor, MENTOR, newcomer.discordId);
    const first = await contribute(newcomer);
    await reviewContribution(deps, mentor, first, "Good start.");
    await runEvaluations(deps, logger);
    return { newcomer, mentor, first };
  }

  it("pays MENTOR_SHARE of the first paid reward on the mentor's own line, once, and says so in the proposal", async () => {
    const person = guild();
    const { newcomer, mentor, first } = await mentored(person);
    const closed = await closeEpoch(deps, newcomer.guildId, "tester");
    const reward = toUnits(
      (await deps.db.evaluation.findUniqueOrThrow({ where: { activeFor: first } })).suggestedReward,
    );
    const share = (reward * 1000n) / 10_000n;
    expect(closed.mentors?.paid).toEqual([
      { contributionId: first, mentor: mentor.discordId, newcomer: newcomer.discordId, amount: share },
    ]);
    const row = await deps.db.mentorShare.findUniqueOrThrow({ where: { contributionId: first } });
    const line = closed.batch.find((e) => e.refs.includes(`mentor:${row.id}`));
    expect(BigInt(line?.amount ?? "0")).toBe(share);
    expect(closed.proposal?.specification).toContain(
      `to <@${mentor.discordId}> for mentoring <@${newcomer.discordId}>`,
    );
    // The trace of the distribution gives the mentor's line its reason; the contribution's trace shows the note.
    const trace = await traceAudit(deps, newcomer.guildId, `proposal ${closed.proposal?.id}`);
    const mentorLine = trace.lines.find((l) => l.reasons.some((r) => r.kind === "mentor"));
    expect(mentorLine?.reasons).toEqual([
      { kind: "mentor", id: row.id, contributionId: first, amount: share.toString() },
    ]);
    const own = await traceAudit(deps, newcomer.guildId, `contribution ${first}`);
    const reason = own.lines[0]?.reasons[0] ?? own.pending;
    expect(reason?.kind === "contribution" ? reason.mentorNote : null).toBe("Good start.");
    // Paid once, they are no longer a newcomer.
    await endMentorship(deps, newcomer, false, null);
    expect(await refusal(requestMentor(deps, newcomer, null))).toBe("mentor_not_newcomer");
    await requestMentor(deps, person(), null);
    const renewed = await deps.db.mentorship.findFirstOrThrow({
      where: { guildId: newcomer.guildId, status: "ended" },
    });
    await deps.db.mentorship.update({
      where: { id: renewed.id },
      data: { status: "active", openFor: renewed.newcomerId, endedAt: null, endedBy: null },
    });
    // The newcomer's next paid contribution earns the mentor nothing more.
    await contribute(newcomer);
    await runEvaluations(deps, logger);
    const again = await closeEpoch(deps, newcomer.guildId, "tester");
    expect(again.mentors).toBeUndefined();
    expect(again.batch.some((e) => e.refs.some((r) => r.startsWith("mentor:")))).toBe(false);
    // And the database would refuse a second share for the same newcomer.
    await expect(
      deps.db.mentorShare.create({ data: { ...row, id: undefined, contributionId: first + 100000 } }),
    ).rejects.toThrow();
  });

  it("keeps the distribution exact within a short budget: every line scaled, the sum is the budget", async () => {
    const person = guild();
    const { newcomer } = await mentored(person);
    const others = [person(), person()];
    for (const o of others) {
      await link(o);
      await contribute(o);
    }
    await runEvaluations(deps, logger);
    const budget = 7n * 10n ** 18n + 3n;
    const short = { ...deps, epochs: { ...deps.epochs, budget } };
    const closed = await closeEpoch(short, newcomer.guildId, "tester");
    expect(closed.scaled).toBe(true);
    expect(closed.batch.reduce((n, e) => n + BigInt(e.amount), 0n)).toBe(budget);
    expect(closed.batch.filter((e) => e.refs.some((r) => r.startsWith("mentor:")))).toHaveLength(1);
  });

  it("no share for a mentor who shares a wallet with the newcomer at the close; the proposal says so", async () => {
    const person = guild();
    const { newcomer, mentor, first } = await mentored(person, { mentorWallet: null });
    // After the accept, the newcomer's wallet moves to the mentor's account (an alt): the close checks again.
    const theirs = await deps.db.wallet.findFirstOrThrow({ where: { member: { discordId: newcomer.discordId } } });
    await deps.db.wallet.updateMany({ where: { id: theirs.id }, data: { activeFor: null, activeAddress: null } });
    await link(mentor, theirs.address);
    await link(newcomer);
    const closed = await closeEpoch(deps, newcomer.guildId, "tester");
    expect(closed.mentors?.paid).toEqual([]);
    expect(closed.mentors?.refused).toEqual([{ contributionId: first, reason: "shared_wallet" }]);
    expect(closed.proposal?.specification).toContain(`No mentor's share for #${first}`);
    expect(await deps.db.mentorShare.count({ where: { newcomerId: theirs.memberId } })).toBe(0);
  });

  it("a released distribution gives the share back; the next close decides it again", async () => {
    const person = guild();
    const { newcomer, first } = await mentored(person);
    const closed = await closeEpoch(deps, newcomer.guildId, "tester");
    expect(closed.mentors?.paid).toHaveLength(1);
    await deps.db.$transaction((tx) =>
      releaseDistribution(tx, closed.proposal as NonNullable<typeof closed.proposal>, "tester", deps.now()),
    );
    expect(await deps.db.mentorShare.count({ where: { contributionId: first } })).toBe(0);
    const next = await closeEpoch(deps, newcomer.guildId, "tester");
    expect(next.mentors?.paid.map((p) => p.contributionId)).toEqual([first]);
  });

  it("the share follows the mentorship the work was submitted under: ending it afterwards does not take it away", async () => {
    for (const endedBy of ["newcomer", "moderator"] as const) {
      const person = guild();
      const { newcomer, mentor, first } = await mentored(person);
      const moderator = person();
      if (endedBy === "newcomer") await endMentorship(deps, newcomer, false, null);
      else await endMentorship(deps, moderator, true, newcomer.discordId);
      const closed = await closeEpoch(deps, newcomer.guildId, "tester");
      expect(closed.mentors?.paid.map((p) => [p.contributionId, p.mentor])).toEqual([[first, mentor.discordId]]);
      const row = await deps.db.mentorShare.findUniqueOrThrow({ where: { contributionId: first } });
      expect(row.mentorId).toBe((await deps.db.member.findFirstOrThrow({ where: { discordId: mentor.discordId } })).id);
    }
  });

  it("no share for work submitted before the mentor accepted, nor after the mentorship ended", async () => {
    // Submitted while the request still waited: the mentor who accepts later did not guide it.
    const person = guild();
    const [newcomer, late] = [person(), person()];
    await link(newcomer);
    await link(late);
    await requestMentor(deps, newcomer, null);
    await contribute(newcomer);
    deps.clock.now = new Date(deps.clock.now.getTime() + 60_000);
    await acceptMentee(deps, late, MENTOR, newcomer.discordId);
    await runEvaluations(deps, logger);
    deps.clock.now = new Date(deps.clock.now.getTime() + deps.mentorship.reviewWaitMs + 1000);
    await runEvaluations(deps, logger);
    const closed = await closeEpoch(deps, newcomer.guildId, "tester");
    expect(closed.batch.length).toBeGreaterThan(0);
    expect(closed.mentors?.paid ?? []).toEqual([]);
    expect(await deps.db.mentorShare.count({ where: { guildId: newcomer.guildId } })).toBe(0);

    // Submitted after the first mentorship ended, under a second one: the second mentor's share.
    const other = guild();
    const [again, gone, second] = [other(), other(), other()];
    await link(again);
    await link(gone);
    await link(second);
    await requestMentor(deps, again, null);
    await acceptMentee(deps, gone, MENTOR, again.discordId);
    deps.clock.now = new Date(deps.clock.now.getTime() + 60_000);
    await endMentorship(deps, again, false, null);
    await requestMentor(deps, again, null);
    await acceptMentee(deps, second, MENTOR, again.discordId);
    const first = await contribute(again);
    await reviewContribution(deps, second, first, "Fine.");
    await runEvaluations(deps, logger);
    const next = await closeEpoch(deps, again.guildId, "tester");
    expect(next.mentors?.paid.map((p) => [p.contributionId, p.mentor])).toEqual([[first, second.discordId]]);
  });

  it("a mentor without a wallet is carried like any member", async () => {
    const person = guild();
    const { newcomer, mentor } = await mentored(person, { mentorWallet: null });
    const closed = await closeEpoch(deps, newcomer.guildId, "tester");
    expect(closed.mentors?.paid).toHaveLength(1);
    expect(closed.carried.map((c) => c.discordId)).toEqual([mentor.discordId]);
  });
});
