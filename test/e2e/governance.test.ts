import { Wallet } from "ethers";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { componentId, proposalPost, resultPost, waitForMessage } from "../helpers/governance.ts";
import { linkWallet } from "../helpers/linkWallet.ts";
import { finalResponse, textOf } from "../helpers/sandboxClient.ts";
import { startTestStack, type TestStack } from "../helpers/startTestStack.ts";
import { submitCodeContribution } from "../helpers/submitCodeContribution.ts";

const HOUR = 3_600_000;
let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({
    EPOCH_BUDGET: "1000000000000000000000",
    VOTING_PERIOD: "1h",
    QUORUM: "30%",
    // Counted over every member: this file checks the arithmetic on a small guild (test/e2e/quorum.test.ts: active).
    QUORUM_OF: "members",
    APPROVALS_REQUIRED: "2",
    VOTE_TALLY_DEBOUNCE: "100ms",
  });
  for (const u of ["ann", "ben", "cat", "vera"]) await stack.client.createUser(u, ["Member"]);
  for (const u of ["mod1", "mod2", "mod3"]) await stack.client.createUser(u, ["Member", "Moderator"]);
});
afterAll(() => stack.stop());
afterEach(() => stack.expectNoSpecViolations());

const db = () => stack.steward.container.services.db;

const submit = (user: string, title: string) => submitCodeContribution(stack.client, user, title);

async function vote(user: string, proposalId: number, label: string) {
  const post = await proposalPost(stack.client, proposalId);
  const result = await stack.client.click(user, post.id, componentId(post, label));
  // Answered in one private reply (no deferral needed when the database is quick).
  expect(result.complete).toBeUndefined();
  expect(result.responses.map((r) => r.kind)).toEqual(["reply"]);
  return finalResponse(result);
}

/** Moves the clock past the vote's end; the deadline watcher closes it and the result is posted. */
async function closeVote(proposalId: number) {
  stack.advanceClock(HOUR + 1000);
  return resultPost(stack.client, proposalId);
}

describe("governance end to end", () => {
  it("epoch distribution: vote with buttons, close-votes posts the result, two moderators approve", async () => {
    const annWallet = await linkWallet(stack.client, "ann");
    await linkWallet(stack.client, "ben");
    const mod3Wallet = await linkWallet(stack.client, "mod3");
    await submit("ann", "Pipeline fix");
    await submit("ben", "Release notes tooling");
    await submit("mod3", "Moderation guide");
    await stack.steward.evaluationsIdle();

    const closed = finalResponse(await stack.client.run("mod1", "epoch close"));
    const id = Number(/proposal #(\d+)/i.exec(closed.content)?.[1]);
    const proposal = await db().proposal.findUniqueOrThrow({ where: { id } });
    expect(proposal).toMatchObject({ status: "open", votingType: "basic", choices: ["For", "Against", "Abstain"] });
    // 7 members in the guild, one vote each: quorum 30% of 7 = 2.1.
    expect(proposal.eligibleWeight).toBe(7);
    expect(proposal.quorumWeight).toBeCloseTo(2.1);

    const post = await proposalPost(stack.client, id);
    const text = textOf(post as never);
    expect(text).toContain(proposal.batchHash as string);
    expect(text).toContain("Open for votes");
    expect(text).toMatch(/Epoch 1 pays [\d.]+ STEW to 3 members for 3 contributions\./);
    expect(post.components[0]?.components?.map((c) => c.label)).toEqual(["For", "Against", "Abstain"]);

    const first = await vote("cat", id, "For");
    expect(first.ephemeral).toBe(true);
    expect(first.content).toMatch(
      /^Your vote on proposal #\d+: \*\*For\*\*, weight 1\. The last vote counts: you can change it until <t:\d+:f>\.$/,
    );
    await vote("ann", id, "Against");
    const changed = await vote("ann", id, "For");
    expect(changed.content).toContain("**For** (it replaces your earlier vote: Against)");
    expect(changed.content).toContain("Your wallet receives a payout in this proposal");
    await vote("ben", id, "Against");
    const twice = await vote("ben", id, "Against");
    expect(twice.content).toMatch(
      /^You already voted \*\*Against\*\* on proposal #\d+ \(weight 1\); nothing changed\./,
    );
    expect(await db().vote.count({ where: { proposalId: id } })).toBe(3);

    // The live tally is edited in after the debounce.
    const live = await waitForMessage(stack.client, (m) => textOf(m as never).includes("Live tally · 3 voters"));
    expect(textOf(live as never)).toContain("**For** — 2 (66.7%)");
    expect(textOf(live as never)).toContain("Without the 2 votes of payout recipients (for information)");

    const result = await closeVote(id);
    expect(result.embeds[0]?.title).toBe(`Proposal #${id} · Passed · awaiting moderator approval`);
    expect(textOf(result as never)).toContain("0 of 2 approvals");
    expect((await db().proposal.findUniqueOrThrow({ where: { id } })).status).toBe("awaiting_approval");
    // The ballot is gone from the proposal: nothing left to click after the close.
    expect((await proposalPost(stack.client, id)).components).toEqual([]);
    const late = await stack.client.request<{ error: string }>("POST", "/sandbox/components", {
      user: "cat",
      messageId: post.id,
      customId: componentId(post, "Against"),
    });
    expect(late.status).toBe(400);

    // mod3 is paid by this batch and cannot approve it.
    const own = finalResponse(await stack.client.click("mod3", result.id, componentId(result, "Approve payout")));
    expect(own.content).toBe(
      `You cannot approve proposal #${id}: your wallet \`${mod3Wallet.address}\` receives a payout in it. Another moderator must approve.`,
    );
    // Members without the role cannot either.
    const member = finalResponse(await stack.client.click("ann", result.id, componentId(result, "Approve payout")));
    expect(member.content).toBe("Only members with the Moderator role can do this.");

    const one = finalResponse(await stack.client.click("mod1", result.id, componentId(result, "Approve payout")));
    expect(one.content).toBe(`You approved proposal #${id}: 1 of 2 approvals so far.`);
    const again = finalResponse(await stack.client.run("mod1", "payout approve", { proposal: id }));
    expect(again.content).toBe(
      `You already approved proposal #${id} (1 of 2 approvals). Each moderator approves once.`,
    );
    const two = finalResponse(await stack.client.run("mod2", "payout approve", { proposal: id }));
    expect(two.content).toBe(
      `You approved proposal #${id}: 2 of 2 approvals, so it is **approved**: no chain is set up for payouts here, so it waits for one.`,
    );

    const approved = await db().proposal.findUniqueOrThrow({ where: { id } });
    expect(approved.status).toBe("approved");
    expect(approved.batchHash).toBe(proposal.batchHash);
    const edited = await waitForMessage(
      stack.client,
      (m) => m.id === result.id && textOf(m as never).includes("Approved"),
    );
    expect(edited.components).toEqual([]);
    const actions = (
      await db().auditEvent.findMany({
        where: { subjectId: String(id), subjectType: "proposal" },
        orderBy: { id: "asc" },
      })
    ).map((e) => e.action);
    expect(actions).toEqual([
      "proposal.summarised",
      "proposal.opened",
      "vote.cast",
      "vote.cast",
      "vote.changed",
      "vote.cast",
      "proposal.passed",
      "proposal.approval_added",
      "proposal.approved",
    ]);
    expect(annWallet.address).toBeTruthy();
  });

  it("a /propose funding proposal: a moderator opens it, members vote, it passes and is approved; a veto stops another", async () => {
    const recipient = Wallet.createRandom().address;
    const fund = async (idea: string) => {
      const drafted = finalResponse(await stack.client.run("vera", "propose", { idea }));
      const submitted = finalResponse(
        await stack.client.click("vera", drafted.messageId as string, componentId(drafted, "Submit")),
      );
      return Number(/^Proposal #(\d+)/.exec(submitted.content)?.[1]);
    };
    const id = await fund(`Fund a translation sprint so new members can read the docs. Pay 600 STEW to ${recipient}.`);
    const draftPost = await proposalPost(stack.client, id);
    expect(textOf(draftPost as never)).toContain("Draft: not open for votes yet");

    const notMod = finalResponse(
      await stack.client.click("cat", draftPost.id, componentId(draftPost, "Open vote (moderators)")),
    );
    expect(notMod.content).toBe("Only members with the Moderator role can do this.");
    const opened = finalResponse(
      await stack.client.click("mod1", draftPost.id, componentId(draftPost, "Open vote (moderators)")),
    );
    expect(opened.content).toMatch(
      new RegExp(
        `^Proposal #${id} is open for votes until <t:\\d+:f> \\(basic vote, quorum: needs 3 of 7 members \\(30%\\)\\)\\.`,
      ),
    );
    const again = finalResponse(await stack.client.run("mod2", "proposal open", { proposal: id }));
    expect(again.content).toBe(`Proposal #${id} is already open: only a draft can be opened for votes.`);

    const open = await db().proposal.findUniqueOrThrow({ where: { id } });
    expect(open.batch).toEqual([{ amount: "600000000000000000000", recipient, refs: [`proposal:${id}`] }]);
    expect(textOf((await proposalPost(stack.client, id)) as never)).toContain(open.batchHash as string);

    for (const u of ["ann", "ben"]) await vote(u, id, "For");
    await vote("cat", id, "Abstain");
    const result = await closeVote(id);
    expect(result.embeds[0]?.title).toBe(`Proposal #${id} · Passed · awaiting moderator approval`);
    finalResponse(await stack.client.click("mod1", result.id, componentId(result, "Approve payout")));
    finalResponse(await stack.client.click("mod2", result.id, componentId(result, "Approve payout")));
    expect((await db().proposal.findUniqueOrThrow({ where: { id } })).status).toBe("approved");

    // A second request is vetoed through the Reject button's modal; approving it afterwards is refused.
    const second = await fund(`Fund a second sprint for Italian. Pay 300 STEW to ${recipient}.`);
    finalResponse(await stack.client.run("mod1", "proposal open", { proposal: second, period: "30m" }));
    for (const u of ["ann", "ben", "cat"]) await vote(u, second, "For");
    const secondResult = await closeVote(second);
    const modal = finalResponse(await stack.client.click("mod2", secondResult.id, componentId(secondResult, "Reject")));
    expect(modal.kind).toBe("modal");
    const vetoed = finalResponse(
      await stack.client.submitModal(
        "mod2",
        `payout-reject:${second}`,
        { reason: "Italian docs are already funded by a grant." },
        secondResult.id,
      ),
    );
    expect(vetoed.content).toBe(
      `You rejected proposal #${second}: it is **vetoed** and will not be paid. Your reason is recorded and shown on its result.`,
    );
    const late = finalResponse(await stack.client.run("mod3", "payout approve", { proposal: second }));
    expect(late.content).toBe(
      `Proposal #${second} is vetoed, not awaiting approval, so it cannot be approved or rejected now.`,
    );
    const shown = await waitForMessage(
      stack.client,
      (m) => m.id === secondResult.id && textOf(m as never).includes("Vetoed by"),
    );
    expect(textOf(shown as never)).toContain("Italian docs are already funded by a grant.");
  });
});
