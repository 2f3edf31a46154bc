import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { componentId, proposalPost, resultPost } from "../helpers/governance.ts";
import { linkWallet } from "../helpers/linkWallet.ts";
import { startChainWithToken } from "../helpers/localChain.ts";
import { finalResponse, textOf } from "../helpers/sandboxClient.ts";
import { startTestStack, type TestStack } from "../helpers/startTestStack.ts";

let chain: Awaited<ReturnType<typeof startChainWithToken>>;
let stack: TestStack;
beforeAll(async () => {
  chain = await startChainWithToken();
  stack = await startTestStack({
    VOTE_WEIGHT: "erc20-balance",
    RPC_URL: chain.rpcUrl,
    SETTLEMENT_MODE: "off",
    VOTE_TOKEN_ADDRESS: chain.token,
    QUORUM: "50%",
    // Half the token weight every member holds, as on Snapshot (not of the active members').
    QUORUM_OF: "members",
  });
  for (const u of ["hodler", "minnow", "walletless"]) await stack.client.createUser(u, ["Member"]);
  await stack.client.createUser("chair", ["Member", "Moderator"]);
}, 60_000);
afterAll(async () => {
  await stack?.stop();
  await chain?.stop();
});
afterEach(() => stack.expectNoSpecViolations());

describe("ERC-20 balance voting on a local chain (Anvil)", () => {
  it("weighs each vote by the voter's balance at the proposal's snapshot block, not later", async () => {
    const hodler = await linkWallet(stack.client, "hodler");
    const minnow = await linkWallet(stack.client, "minnow");
    await chain.mint(hodler.address, "30");
    await chain.mint(minnow.address, "10");

    const drafted = finalResponse(
      await stack.client.run("chair", "propose", { idea: "Adopt the new contributor guide." }),
    );
    const submitted = finalResponse(
      await stack.client.click("chair", drafted.messageId as string, componentId(drafted, "Submit")),
    );
    const id = Number(/^Proposal #(\d+)/.exec(submitted.content)?.[1]);
    const opened = finalResponse(await stack.client.run("chair", "proposal open", { proposal: id, period: "1h" }));
    expect(opened.content).toContain("quorum: needs weight 20 of the 40 held by 4 members (50%)");
    const proposal = await stack.steward.container.services.db.proposal.findUniqueOrThrow({ where: { id } });
    expect(proposal.snapshotBlock).toBe(await chain.blockNumber());

    // Tokens bought after the snapshot do not count.
    await chain.mint(minnow.address, "100");
    const post = await proposalPost(stack.client, id);
    expect(textOf(post as never)).toContain(`Weight: erc20-balance at block ${proposal.snapshotBlock}`);
    const big = finalResponse(await stack.client.click("hodler", post.id, componentId(post, "For")));
    expect(big.content).toContain("**For**, weight 30.");
    const small = finalResponse(await stack.client.click("minnow", post.id, componentId(post, "Against")));
    expect(small.content).toContain("**Against**, weight 10.");
    const none = finalResponse(await stack.client.click("walletless", post.id, componentId(post, "For")));
    expect(none.content).toMatch(/^You have no voting power on this proposal: votes are weighed by the token balance/);

    stack.advanceClock(3_600_000 + 1000);
    const result = await resultPost(stack.client, id);
    expect(result.embeds[0]?.title).toBe(`Proposal #${id} · Passed`);
    expect(textOf(result as never)).toContain("2 voters, weight 40");
  });
});
