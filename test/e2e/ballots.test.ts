import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { componentId, proposalPost, resultPost, selectId } from "../helpers/governance.ts";
import { finalResponse, textOf } from "../helpers/sandboxClient.ts";
import { startTestStack, type TestStack } from "../helpers/startTestStack.ts";

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ QUORUM: "1", VOTE_TALLY_DEBOUNCE: "50ms" });
  for (const u of ["v1", "v2", "v3"]) await stack.client.createUser(u, ["Member"]);
  await stack.client.createUser("chair", ["Member", "Moderator"]);
});
afterAll(() => stack.stop());
afterEach(() => stack.expectNoSpecViolations());

/** A general proposal (no budget) drafted offline, submitted, and opened by the chair with these terms. */
async function openGeneral(type: string, choices: string) {
  const drafted = finalResponse(
    await stack.client.run("v1", "propose", { idea: `Pick the ${type} option for the logo.` }),
  );
  const submitted = finalResponse(
    await stack.client.click("v1", drafted.messageId as string, componentId(drafted, "Submit")),
  );
  const id = Number(/^Proposal #(\d+)/.exec(submitted.content)?.[1]);
  const opened = finalResponse(
    await stack.client.run("chair", "proposal open", { proposal: id, type, choices, period: "10m" }),
  );
  expect(opened.content).toMatch(new RegExp(`^Proposal #${id} is open for votes until`));
  return id;
}

async function closeAndReadResult(id: number) {
  stack.advanceClock(11 * 60_000);
  return resultPost(stack.client, id);
}

describe("ballots of every voting type", () => {
  it("ranked choice: one select per rank, the last ranks itself; instant runoff with Snapshot's tie-break", async () => {
    const id = await openGeneral("ranked-choice", "Alpha;Beta;Gamma");
    const rank = async (user: string, first: string, second: string) => {
      const post = await proposalPost(stack.client, id);
      const next = finalResponse(await stack.client.click(user, post.id, selectId(post), [first]));
      expect(next.ephemeral).toBe(true);
      expect(next.components[0]?.components?.[0]?.options?.map((o) => o.value)).not.toContain(first);
      return finalResponse(await stack.client.click(user, next.messageId as string, selectId(next), [second]));
    };
    const done = await rank("v1", "1", "2");
    expect(done.content).toMatch(/^Your vote on proposal #\d+: \*\*1st Alpha, 2nd Beta, 3rd Gamma\*\*, weight 1\./);
    await rank("v2", "2", "1");
    await rank("v3", "3", "2");
    // Round 1: 1-1-1, all tied for last: Alpha (the lowest-numbered) goes. Round 2: Beta 2, Gamma 1.
    const result = await closeAndReadResult(id);
    expect(result.embeds[0]?.title).toBe(`Proposal #${id} · Passed`);
    expect(textOf(result as never)).toContain("Leading choice: **Beta**.");
    expect(textOf(result as never)).toContain("**Alpha** — 0 (0.0%)");
  });

  it("approval: a multi-select on the ballot; an empty approval counts in the total", async () => {
    const id = await openGeneral("approval", "Red;Green;Blue");
    const post = await proposalPost(stack.client, id);
    const first = finalResponse(await stack.client.click("v1", post.id, selectId(post), ["1", "2"]));
    expect(first.content).toContain("**Red, Green**");
    await stack.client.click("v2", post.id, selectId(post), ["2"]);
    const none = finalResponse(await stack.client.click("v3", post.id, selectId(post), []));
    expect(none.content).toContain("**none of the choices**");
    const result = await closeAndReadResult(id);
    expect(textOf(result as never)).toContain("3 voters, weight 3");
    expect(textOf(result as never)).toContain("**Green** — 2 (66.7%)");
  });

  it("weighted and quadratic: points for each choice in turn, in a private flow", async () => {
    for (const type of ["weighted", "quadratic"]) {
      const id = await openGeneral(type, "X;Y");
      const spread = async (user: string, x: string, y: string) => {
        const post = await proposalPost(stack.client, id);
        const start = finalResponse(await stack.client.click(user, post.id, componentId(post, "Spread your points")));
        const afterX = finalResponse(await stack.client.click(user, start.messageId as string, selectId(start), [x]));
        return finalResponse(await stack.client.click(user, start.messageId as string, selectId(afterX), [y]));
      };
      const voted = await spread("v1", "3", "1");
      expect(voted.content).toContain("**X: 3 points, Y: 1 point**");
      await spread("v2", "0", "5");
      const nothing = await spread("v3", "0", "0");
      expect(nothing.content).toBe(
        `That is not a valid vote on proposal #${id}: give at least one choice a positive number of points.`,
      );
      const result = await closeAndReadResult(id);
      expect(result.embeds[0]?.title).toBe(`Proposal #${id} · Passed`);
      expect(textOf(result as never)).toContain("Leading choice: **Y**.");
      // weighted: X 0.75, Y 1.25; quadratic: X (√0.75)² = 0.75, Y (√0.25 + √1)² = 2.25, scaled to a total of 2.
      expect(textOf(result as never)).toContain(type === "weighted" ? "**X** — 0.75 (37.5%)" : "**X** — 0.5 (25.0%)");
    }
  });

  it("single choice: one button per choice; a tie for first is rejected", async () => {
    const id = await openGeneral("single-choice", "North;South");
    const post = await proposalPost(stack.client, id);
    expect(post.components[0]?.components?.map((c) => c.label)).toEqual(["North", "South"]);
    await stack.client.click("v1", post.id, componentId(post, "North"));
    await stack.client.click("v2", post.id, componentId(post, "South"));
    const result = await closeAndReadResult(id);
    expect(result.embeds[0]?.title).toBe(`Proposal #${id} · Rejected`);
    expect(textOf(result as never)).toContain("The top choices are tied, so nothing won.");
  });
});
