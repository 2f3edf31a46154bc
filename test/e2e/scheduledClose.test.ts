import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { componentId, proposalPost } from "../helpers/governance.ts";
import { linkWallet } from "../helpers/linkWallet.ts";
import { finalResponse } from "../helpers/sandboxClient.ts";
import { startTestStack, type TestStack } from "../helpers/startTestStack.ts";
import { until } from "../helpers/until.ts";

const HOUR = 3_600_000;
let stack: TestStack;
beforeAll(async () => {
  // The schedule closes the vote (every second here, every minute by default) before the deadline watcher looks; the
  // settle schedule is far off, so only what follows the close can pay.
  stack = await startTestStack(
    {
      SETTLEMENT_MODE: "send",
      VOTING_PERIOD: "1h",
      QUORUM: "1",
      AUTO_APPROVE_BELOW: "1000000000000000000000000000",
      CLOSE_VOTES_CRON: "* * * * * *",
      SETTLEMENT_CRON: "0 0 1 1 *",
    },
    { scheduler: true, watchVoteDeadlines: false },
  );
  for (const u of ["vera", "ann"]) await stack.client.createUser(u, ["Member"]);
  await stack.client.createUser("mod1", ["Member", "Moderator"]);
}, 60_000);
afterAll(() => stack?.stop());

describe("a vote closed by the close-votes schedule", () => {
  it("is paid right after, as one the deadline watcher closed is (not at the next settle tick)", async () => {
    const vera = await linkWallet(stack.client, "vera");
    const drafted = finalResponse(
      await stack.client.run("vera", "propose", { idea: `Fund the changelog. Pay 70 STEW to ${vera.address}.` }),
    );
    const submitted = finalResponse(
      await stack.client.click("vera", drafted.messageId as string, componentId(drafted, "Submit")),
    );
    const id = Number(/^Proposal #(\d+)/.exec(submitted.content)?.[1]);
    finalResponse(await stack.client.run("mod1", "proposal open", { proposal: id }));
    const post = await proposalPost(stack.client, id);
    finalResponse(await stack.client.click("ann", post.id, componentId(post, "For")));
    stack.advanceClock(HOUR + 1000);

    const db = stack.steward.container.services.db;
    await until("the schedule closed the vote", async () => {
      const p = await db.proposal.findUniqueOrThrow({ where: { id } });
      return p.status !== "open";
    });
    const closedBy = await db.jobRun.findMany({ where: { job: "close-votes" }, orderBy: { id: "asc" } });
    expect(closedBy.map((r) => r.trigger)).not.toContain("kick");
    await until(
      `proposal #${id} settled after the scheduled close`,
      async () => (await db.proposal.findUniqueOrThrow({ where: { id } })).status === "settled",
      20_000,
    );
  }, 90_000);
});
