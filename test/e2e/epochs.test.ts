import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { closeVotesJob } from "../../src/jobs/closeVotesJob.ts";
import { runJob } from "../../src/jobs/runJob.ts";
import { createLogger } from "../../src/logger.ts";
import { closeEpochForVote } from "../../src/services/epochs/closeEpochForVote.ts";
import { proposalPost } from "../helpers/governance.ts";
import { linkWallet } from "../helpers/linkWallet.ts";
import { finalResponse, textOf } from "../helpers/sandboxClient.ts";
import { startTestStack, type TestStack } from "../helpers/startTestStack.ts";
import { submitCodeContribution } from "../helpers/submitCodeContribution.ts";

let stack: TestStack;
beforeAll(async () => {
  // A small budget so the distribution has to be scaled.
  stack = await startTestStack({ EPOCH_BUDGET: "100000000000000000000" });
  for (const u of ["xena", "yuri", "zoe"]) await stack.client.createUser(u, ["Member"]);
  await stack.client.createUser("boss", ["Member", "Moderator"]);
});
afterAll(() => stack.stop());
afterEach(() => stack.expectNoSpecViolations());

const submit = (user: string, title: string) => submitCodeContribution(stack.client, user, title);

describe("epochs and the distribution proposal", () => {
  it("closes the epoch into a scaled, hashed distribution; carries the share of a member without a wallet", async () => {
    const db = stack.steward.container.services.db;
    const xenaWallet = await linkWallet(stack.client, "xena");
    const yuriWallet = await linkWallet(stack.client, "yuri");
    const ids = [
      await submit("xena", "Pipeline fix"),
      await submit("yuri", "Release notes tooling"),
      await submit("zoe", "Cache warmup script"),
    ];
    await stack.steward.evaluationsIdle();

    const status = finalResponse(await stack.client.run("yuri", "epoch status"));
    expect(status.embeds[0]?.title).toBe("Epoch 1");
    expect(textOf(status)).toContain("Evaluated\n3");
    expect(textOf(status)).toContain("Budget\n100 STEW");

    const denied = finalResponse(await stack.client.run("yuri", "epoch close"));
    expect(denied.content).toBe("Only members with the Moderator role can do this.");

    const closed = finalResponse(await stack.client.run("boss", "epoch close"));
    expect(closed.content).toMatch(
      /^Epoch 1 is closed; epoch 2 is open\. Distribution proposal #(\d+) \(2 payouts, batch hash `sha256:[0-9a-f]{64}`\) is posted in <#\d+>\. Voting is open until <t:\d+:f>\.$/,
    );

    const proposal = await db.proposal.findFirstOrThrow({ where: { kind: "distribution" } });
    // Opened for votes right away, with the batch frozen by the database from here on.
    expect(proposal.status).toBe("open");
    const batch = proposal.batch as { recipient: string; amount: string; refs: string[] }[];
    expect(batch.map((e) => e.recipient).sort()).toEqual([xenaWallet.address, yuriWallet.address].sort());
    // Scaled to the budget exactly: zoe's share is carried, not paid, and nothing is lost or created.
    const suggested = await db.evaluation.findMany({ where: { activeFor: { in: ids } } });
    const zoeShare = BigInt(suggested.find((e) => e.activeFor === ids[2])?.suggestedReward.toFixed() ?? "0");
    const payableTotal = suggested
      .filter((e) => e.activeFor !== ids[2])
      .reduce((n, e) => n + BigInt(e.suggestedReward.toFixed()), 0n);
    const paid = batch.reduce((n, e) => n + BigInt(e.amount), 0n);
    // A member who sees no payout for their work can trace why.
    const zoeTrace = textOf(
      finalResponse(await stack.client.run("zoe", "audit trace", { id: `contribution ${ids[2]}` })),
    );
    expect(zoeTrace).toContain(`contribution #${ids[2]} "Cache warmup script" (code) by member-`);
    expect(zoeTrace).toContain(
      "Its author had no verified wallet when epoch 1 closed: the share was carried to the next epoch's distribution (paid once a wallet is linked).",
    );
    expect(paid).toBe(payableTotal > 100n * 10n ** 18n ? 100n * 10n ** 18n : payableTotal);
    const carry = await db.rewardCarry.findFirstOrThrow();
    expect(BigInt(carry.amount.toFixed())).toBe(zoeShare);

    const post = (await stack.client.messages("governance")).find(
      (m) => m.embeds[0]?.title === `Proposal #${proposal.id} · Epoch 1 reward distribution`,
    );
    expect(textOf(post as never)).toContain(proposal.batchHash as string);
    expect(textOf(post as never)).toContain("Carried to the next epoch (no verified wallet)");
    expect(post?.mentions.users).toEqual([]);
    expect((await db.contribution.findMany({ where: { id: { in: ids } } })).every((c) => c.status === "final")).toBe(
      true,
    );
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "epoch.closed" } });
    expect((audit.payload as { batchHash: string }).batchHash).toBe(proposal.batchHash);

    // Zoe links a wallet; the next distribution pays what was carried.
    const zoeWallet = await linkWallet(stack.client, "zoe");
    const second = finalResponse(await stack.client.run("boss", "epoch close"));
    expect(second.content).toMatch(/^Epoch 2 is closed; epoch 3 is open\. Distribution proposal #\d+ \(1 payout,/);
    const next = await db.proposal.findFirstOrThrow({ where: { kind: "distribution", id: { not: proposal.id } } });
    expect(next.batch).toEqual([
      { recipient: zoeWallet.address, amount: zoeShare.toString(), refs: [`carry:${carry.id}`] },
    ]);
    expect((await db.rewardCarry.findUniqueOrThrow({ where: { id: carry.id } })).paidInEpochId).not.toBeNull();
  });

  it("closes an epoch with nothing to pay without a proposal to vote on", async () => {
    const before = await stack.steward.container.services.db.proposal.count();
    const closed = finalResponse(await stack.client.run("boss", "epoch close"));
    expect(closed.content).toMatch(
      /^Epoch \d+ is closed; epoch \d+ is open\. Nothing to pay, so there is no distribution to vote on: no contribution was evaluated this epoch\.$/,
    );
    expect(await stack.steward.container.services.db.proposal.count()).toBe(before);
  });

  it("posts a distribution closed from a shell (no bot there): the running bot's publisher makes the post, once", async () => {
    const services = stack.steward.container.services;
    await stack.client.createUser("wes", ["Member"]);
    await linkWallet(stack.client, "wes");
    await submit("wes", "Shell-closed work");
    await stack.steward.evaluationsIdle();
    const { guildId } = await stack.client.state();
    // What `steward job run close-epoch` does in a process without Discord: it writes the post to the outbox, in
    // the close's own transaction, and the running bot is told by the database.
    const closed = await closeEpochForVote(services, guildId, "system:close-epoch");
    const id = closed.proposal?.id as number;
    const post = await proposalPost(stack.client, id, "For");
    expect(post.components[0]?.components?.map((c) => c.label)).toEqual(["For", "Against", "Abstain"]);
    await runJob(closeVotesJob, { services, logger: createLogger({ level: "silent" }) }, "manual");
    const posts = (await stack.client.messages("governance")).filter((m) =>
      m.embeds[0]?.title?.startsWith(`Proposal #${id} · `),
    );
    expect(posts).toHaveLength(1);
  });

  it("refuses to close while an appeal is open", async () => {
    const id = await submit("xena", "Flaky test quarantine");
    await stack.steward.evaluationsIdle();
    finalResponse(await stack.client.run("xena", "appeal", { contribution: id, reason: "Missed the test suite work" }));
    const refused = finalResponse(await stack.client.run("boss", "epoch close"));
    expect(refused.content).toMatch(
      /^The epoch cannot close while appeals are open: #\d+\. Accept or reject them first\.$/,
    );
    expect(finalResponse(await stack.client.run("xena", "epoch status")).embeds[0]?.title).toBe("Epoch 5");
  });
});
