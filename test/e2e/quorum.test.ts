import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { runDoctor } from "../../src/discord/runDoctor.ts";
import { doctorArgs } from "../helpers/doctorArgs.ts";
import { componentId, proposalPost, resultPost, waitForMessage } from "../helpers/governance.ts";
import { linkWallet } from "../helpers/linkWallet.ts";
import { finalResponse, textOf } from "../helpers/sandboxClient.ts";
import { startTestStack, type TestStack } from "../helpers/startTestStack.ts";
import { submitCodeContribution } from "../helpers/submitCodeContribution.ts";
import { NEVER, testConfig } from "../helpers/testConfig.ts";

const HOUR = 3_600_000;

/** Votes `label` on a proposal's post as each of `users`. */
async function voteAll(stack: TestStack, id: number, users: string[], label = "For") {
  const post = await proposalPost(stack.client, id, label);
  for (const u of users) finalResponse(await stack.client.click(u, post.id, componentId(post, label)));
}

/** A general proposal by `author`, opened by `moderator`; returns its id. */
async function generalProposal(stack: TestStack, author: string, moderator: string, idea: string) {
  const drafted = finalResponse(await stack.client.run(author, "propose", { idea }));
  const submitted = finalResponse(
    await stack.client.click(author, drafted.messageId as string, componentId(drafted, "Submit")),
  );
  const id = Number(/^Proposal #(\d+)/.exec(submitted.content)?.[1]);
  const opened = finalResponse(await stack.client.run(moderator, "proposal open", { proposal: id }));
  return { id, opened };
}

describe("a week on a 5,000-member server where most members never use Steward", () => {
  let stack: TestStack;
  beforeAll(async () => {
    // The defaults: QUORUM=10% of the active electorate (QUORUM_OF=active, ACTIVE_WINDOW=3 epochs).
    stack = await startTestStack({
      SETTLEMENT_MODE: "send",
      VOTING_PERIOD: "1h",
      VOTE_TALLY_DEBOUNCE: "100ms",
      REMINDER_BEFORE: "30m",
      // Vote reminders only: no epoch close falls in the hours this test moves its clock through, whatever the day.
      EPOCH_CRON: NEVER,
    });
    const bulk = await stack.client.createUsers("idle", 4990);
    expect(bulk).toEqual({ created: 4990, existing: 0, first: "idle1", last: "idle4990" });
    for (const u of ["ann", "ben", "cat", "vera"]) await stack.client.createUser(u, ["Member"]);
    for (const u of ["mod1", "mod2"]) await stack.client.createUser(u, ["Member", "Moderator"]);
  }, 120_000);
  afterAll(() => stack?.stop());
  afterEach(() => stack.expectNoSpecViolations());

  it("opens the distribution with a quorum of the active members, reaches it and pays on the local chain", async () => {
    const db = stack.steward.container.services.db;
    const state = await stack.client.request<{ users: unknown[] }>("GET", "/sandbox/state");
    expect(state.body.users).toHaveLength(4996);
    // The bulk route leaves existing members as they are, and says what it refuses.
    expect(await stack.client.createUsers("idle", 3)).toEqual({
      created: 0,
      existing: 3,
      first: "idle1",
      last: "idle3",
    });
    const refused = await stack.client.request<{ error: string }>("POST", "/sandbox/users/bulk", {
      prefix: "x",
      count: 0,
    });
    expect(refused.status).toBe(400);

    // Early in the week: vera proposes, and 12 of the 4,990 quiet members vote on it.
    const general = await generalProposal(stack, "vera", "mod1", "Hold a monthly community call to plan releases.");
    // 5,000 members may vote, 1 has taken part so far (vera, who proposed): 10% of 1 takes 1 vote.
    expect(general.opened.content).toMatch(/\(basic vote, quorum: needs 1 of 1 active member \(10%\)\)/);
    const voters = Array.from({ length: 12 }, (_, i) => `idle${i + 1}`);
    await voteAll(stack, general.id, voters);
    stack.advanceClock(HOUR + 1000);
    expect((await resultPost(stack.client, general.id)).embeds[0]?.title).toBe(`Proposal #${general.id} · Passed`);

    // Three members contribute, with wallets.
    const wallets = new Map<string, string>();
    for (const u of ["ann", "ben", "cat"]) wallets.set(u, (await linkWallet(stack.client, u)).address);
    // Titles of different lengths: the helper links pull request #<title length>, and a shared link is flagged.
    for (const [u, title] of [
      ["ann", "Release pipeline"],
      ["ben", "Release notes tooling"],
      ["cat", "Faster test suite for releases"],
    ] as const)
      await submitCodeContribution(stack.client, u, title);
    await stack.steward.evaluationsIdle();

    // The epoch closes: the distribution's quorum counts the 16 who took part (12 voters, vera, 3 contributors).
    const closed = finalResponse(await stack.client.run("mod1", "epoch close"));
    const id = Number(/proposal #(\d+)/i.exec(closed.content)?.[1]);
    const proposal = await db.proposal.findUniqueOrThrow({ where: { id } });
    expect(proposal).toMatchObject({
      status: "open",
      quorumOf: "active",
      quorumMembers: 16,
      eligibleWeight: 4996,
      quorumWeight: expect.closeTo(1.6, 6),
    });
    expect(proposal.activeMemberIds).toHaveLength(16);
    const post = await proposalPost(stack.client, id, "For");
    const text = textOf(post as never);
    expect(text).toContain("Quorum: needs 2 of 16 active members (10%)");
    expect(text).toContain("Active: contributed, proposed or voted so far; all 4,996 eligible members may vote");
    // /proposal show says the same.
    const shown = finalResponse(await stack.client.run("idle4000", "proposal show", { proposal: id }));
    expect(textOf(shown as never)).toContain("Quorum: needs 2 of 16 active members (10%)");

    // Half an hour before the close, #governance is reminded: turnout against the quorum in people, no pings.
    await voteAll(stack, id, ["idle13"]);
    stack.advanceClock(HOUR / 2 + 1000);
    const reminder = await waitForMessage(
      stack.client,
      (m) => m.content.startsWith(`⏰ **Proposal #${id} · `),
      30_000,
      "governance",
    );
    expect(reminder.content).toContain(
      "Turnout: 1 voter; quorum needs 2 of 16 active members (10%): 1 more vote needed, or the vote expires.",
    );
    expect(reminder.content).toContain("4,995 eligible members of 4,996 may still vote.");
    expect(reminder.mentions).toMatchObject({ everyone: false, users: [], roles: [] });

    // A second member votes (a newcomer among them: anyone eligible may vote); the vote passes and is paid.
    await voteAll(stack, id, ["vera"]);
    stack.advanceClock(HOUR / 2 + 1000);
    const result = await resultPost(stack.client, id);
    expect(result.embeds[0]?.title).toBe(`Proposal #${id} · Passed · awaiting moderator approval`);
    finalResponse(await stack.client.click("mod1", result.id, componentId(result, "Approve payout")));
    finalResponse(await stack.client.run("mod2", "payout approve", { proposal: id }));
    await waitForMessage(stack.client, (m) => m.content.startsWith(`Paid: proposal #${id}`), 60_000, "payouts");
    expect((await db.proposal.findUniqueOrThrow({ where: { id } })).status).toBe("settled");
    const chain = stack.steward.container.services.settlement?.chain;
    // Each contributor is paid exactly what the vote passed.
    const batch = proposal.batch as { recipient: string; amount: string }[];
    expect(batch.map((e) => e.recipient.toLowerCase()).sort()).toEqual(
      [...wallets.values()].map((a) => a.toLowerCase()).sort(),
    );
    for (const e of batch) expect(await chain?.tokenBalance(e.recipient)).toBe(BigInt(e.amount));

    // Turnout (2) is within reach of the quorum: /steward status raises nothing about it.
    const status = finalResponse(await stack.client.run("mod1", "steward status"));
    expect(status.content).not.toContain("Quorum is out of reach");
  }, 240_000);
});

describe("a quorum out of reach of the people who take part", () => {
  let stack: TestStack;
  beforeAll(async () => {
    // The old count: 10% of every member (QUORUM_OF=members), on a server of 300.
    stack = await startTestStack({ VOTING_PERIOD: "1h", QUORUM: "10%", QUORUM_OF: "members" });
    await stack.client.createUsers("idle", 296);
    for (const u of ["vera", "ann", "ben"]) await stack.client.createUser(u, ["Member"]);
    await stack.client.createUser("mod1", ["Member", "Moderator"]);
  }, 120_000);
  afterAll(() => stack?.stop());
  afterEach(() => stack.expectNoSpecViolations());

  it("/steward status and steward doctor say so, with the fix", async () => {
    const { id } = await generalProposal(stack, "vera", "mod1", "Translate the onboarding guide into Spanish.");
    await voteAll(stack, id, ["ann", "ben", "vera"]);
    stack.advanceClock(HOUR + 1000);
    // 3 of the 30 votes it needed: it expired.
    expect((await resultPost(stack.client, id)).embeds[0]?.title).toBe(`Proposal #${id} · Expired: quorum not reached`);
    const warning =
      "Quorum is out of reach of the people who take part: a vote opened now needs 30 votes (QUORUM=10% of 300 members), but the best of the last 1 closed vote had 3 votes, so votes would expire and nothing would be paid: count it over the active members (QUORUM_OF=active: 1 vote of 3), or lower QUORUM.";
    const status = finalResponse(await stack.client.run("mod1", "steward status"));
    expect(status.content).toContain(`- ${warning}`);

    const lines: string[] = [];
    const code = await runDoctor(
      ...doctorArgs(
        testConfig({ DISCORD_TOKEN: stack.sandbox.token, DISCORD_API_URL: stack.sandbox.apiUrl, QUORUM_OF: "members" }),
      ),
      (line) => lines.push(line),
      async () => ({ services: stack.steward.container.services, close: async () => {} }),
    );
    expect(lines).toContain(`✗ ${warning}`);
    expect(code).toBe(1);

    // Configured to count over the active members (QUORUM_OF=active), it is within reach.
    stack.steward.container.services.governance.quorumOf = "active";
    const fixed = finalResponse(await stack.client.run("mod1", "steward status"));
    expect(fixed.content).not.toContain("Quorum is out of reach");
  }, 120_000);
});
