import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { runJob } from "../../src/jobs/runJob.ts";
import { settleJob } from "../../src/jobs/settleJob.ts";
import { componentId, proposalPost, resultPost, waitForMessage } from "../helpers/governance.ts";
import { linkWallet } from "../helpers/linkWallet.ts";
import { finalResponse, textOf } from "../helpers/sandboxClient.ts";
import { startTestStack, type TestStack } from "../helpers/startTestStack.ts";

const HOUR = 3_600_000;
let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({
    SETTLEMENT_MODE: "send",
    VOTING_PERIOD: "1h",
    QUORUM: "1",
    APPROVALS_REQUIRED: "2",
    EXPLORER_TX_URL: "https://explorer.example/tx/{hash}",
  });
  for (const u of ["vera", "ann", "ben"]) await stack.client.createUser(u, ["Member"]);
  for (const u of ["mod1", "mod2"]) await stack.client.createUser(u, ["Member", "Moderator"]);
}, 60_000);
afterAll(() => stack?.stop());
afterEach(() => stack.expectNoSpecViolations());

const services = () => stack.steward.container.services;

describe("settlement in the sandbox", () => {
  it("pays an approved funding proposal on the local chain once, posts the receipt, and shows it everywhere", async () => {
    expect(stack.steward.chain?.blocked).toBeNull();
    const vera = await linkWallet(stack.client, "vera");
    const drafted = finalResponse(
      await stack.client.run("vera", "propose", {
        idea: `Fund the docs translation. Pay 600 STEW to ${vera.address}.`,
      }),
    );
    const submitted = finalResponse(
      await stack.client.click("vera", drafted.messageId as string, componentId(drafted, "Submit")),
    );
    const id = Number(/^Proposal #(\d+)/.exec(submitted.content)?.[1]);
    finalResponse(await stack.client.run("mod1", "proposal open", { proposal: id }));
    const post = await proposalPost(stack.client, id);
    for (const u of ["ann", "ben"]) await stack.client.click(u, post.id, componentId(post, "For"));
    stack.advanceClock(HOUR + 1000);
    const result = await resultPost(stack.client, id);
    finalResponse(await stack.client.click("mod1", result.id, componentId(result, "Approve payout")));
    const approved = finalResponse(await stack.client.run("mod2", "payout approve", { proposal: id }));
    expect(approved.content).toBe(
      `You approved proposal #${id}: 2 of 2 approvals, so it is **approved**: it is being paid on-chain now; the receipt follows in the payouts channel.`,
    );

    // The approval kicked the settle job: the receipt appears in #payouts.
    const receipt = await waitForMessage(
      stack.client,
      (m) => m.content.startsWith(`Paid: proposal #${id}`),
      30_000,
      "payouts",
    );
    const veraId = (await services().db.member.findFirstOrThrow({ where: { username: "vera" } })).discordId;
    const text = textOf(receipt as never);
    expect(text).toContain(`<@${veraId}> · 600 STEW`);
    expect(text).toContain("600 STEW to 1 recipient(s)");
    const intent = await services().db.payoutIntent.findFirstOrThrow({ where: { proposalId: id } });
    expect(intent.status).toBe("confirmed");
    expect(text).toContain(`https://explorer.example/tx/${intent.txHash}`);
    expect(receipt.mentions.users).toEqual([veraId]);
    expect((await services().db.proposal.findUniqueOrThrow({ where: { id } })).status).toBe("settled");

    // The chain holds exactly the voted amount, and every view says so.
    const chain = services().settlement?.chain;
    expect(await chain?.tokenBalance(vera.address)).toBe(600n * 10n ** 18n);
    const wallet = finalResponse(await stack.client.run("vera", "wallet show"));
    expect(textOf(wallet as never)).toContain("600 STEW");
    const status = finalResponse(await stack.client.run("ann", "payout status", { proposal: id }));
    expect(status.content).toContain(`**Proposal #${id}**`);
    expect(status.content).toContain("Chunk 1 of 1: 1 line(s), 600 STEW — paid");
    const history = finalResponse(await stack.client.run("vera", "payout history"));
    expect(history.content).toMatch(
      new RegExp(`^You were paid 600 STEW in 1 payout\\(s\\):\\n<t:\\d+:d> · 600 STEW · proposal #${id}`),
    );
    const paidResult = await waitForMessage(
      stack.client,
      (m) => m.id === result.id && textOf(m as never).includes("Paid on-chain in 1 transaction"),
    );
    expect(paidResult.embeds[0]?.title).toBe(`Proposal #${id} · Settled`);

    // Further runs pay nothing more.
    const again = await runJob(settleJob, { services: services(), logger: stack.steward.container.logger }, "manual");
    expect(again.summary).toBe("nothing to pay");
    expect(await chain?.tokenBalance(vera.address)).toBe(600n * 10n ** 18n);
    expect(
      (await stack.client.messages("payouts")).filter((m) => m.content.startsWith(`Paid: proposal #${id}`)),
    ).toHaveLength(1);
    const retry = finalResponse(await stack.client.run("mod1", "payout retry", { proposal: id }));
    expect(retry.content).toBe(
      `Proposal #${id} has no failed payout to retry (it is settled). \`/payout status proposal:${id}\` shows where it is.`,
    );
  }, 90_000);
});

describe("settlement through a Safe (SETTLEMENT_MODE=safe-export)", () => {
  let safe: TestStack;
  beforeAll(async () => {
    safe = await startTestStack({
      SETTLEMENT_MODE: "safe-export",
      VOTING_PERIOD: "1h",
      QUORUM: "1",
      APPROVALS_REQUIRED: "1",
    });
    for (const u of ["vera", "ann"]) await safe.client.createUser(u, ["Member"]);
    await safe.client.createUser("mod1", ["Member", "Moderator"]);
  }, 60_000);
  afterAll(() => safe?.stop());

  it("posts the chunk as a Transaction Builder file, and records the payout once the Safe executed it", async () => {
    const vera = await linkWallet(safe.client, "vera");
    const drafted = finalResponse(
      await safe.client.run("vera", "propose", { idea: `Fund the glossary. Pay 40 STEW to ${vera.address}.` }),
    );
    const submitted = finalResponse(
      await safe.client.click("vera", drafted.messageId as string, componentId(drafted, "Submit")),
    );
    const id = Number(/^Proposal #(\d+)/.exec(submitted.content)?.[1]);
    finalResponse(await safe.client.run("mod1", "proposal open", { proposal: id }));
    const post = await proposalPost(safe.client, id);
    await safe.client.click("ann", post.id, componentId(post, "For"));
    safe.advanceClock(HOUR + 1000);
    const result = await resultPost(safe.client, id);
    finalResponse(await safe.client.click("mod1", result.id, componentId(result, "Approve payout")));

    const note = await waitForMessage(
      safe.client,
      (m) => m.content.includes(`Proposal #${id}, chunk 1 of 1, is ready for the Safe`),
      30_000,
      "payouts",
    );
    expect(note.attachments.map((a) => a.filename)).toEqual([`steward-payout-${id}-chunk-1.json`]);
    const file = (await (await fetch(note.attachments[0]?.url as string)).json()) as {
      version: string;
      chainId: string;
      meta: { createdFromSafeAddress: string; name: string };
      transactions: { to: string; value: string; data: string }[];
    };
    const chain = safe.steward.container.services.settlement?.chain;
    expect(file.version).toBe("1.0");
    expect(file.chainId).toBe("31337");
    expect(file.meta.createdFromSafeAddress).toBe(chain?.treasury);
    expect(file.meta.name).toBe(`Steward payout of proposal #${id}, chunk 1 of 1`);
    // The local treasury approved the distributor for everything when it was deployed: settle alone.
    expect(file.transactions.map((t) => t.to)).toEqual([chain?.distributor]);
    const status = finalResponse(await safe.client.run("vera", "payout status", { proposal: id }));
    expect(status.content).toContain("exported for the Safe, waiting for its execution");
    expect(await chain?.tokenBalance(vera.address)).toBe(0n);

    // The Safe's owners execute the calls (here the treasury account itself, as the Safe would).
    const { JsonRpcProvider, Wallet } = await import("ethers");
    const { ANVIL_KEY_0 } = await import("../../src/chain/startAnvil.ts");
    const rpcUrl = safe.steward.chain?.rpcUrl as string;
    const provider = new JsonRpcProvider(rpcUrl, undefined, { staticNetwork: true, cacheTimeout: -1 });
    const owner = new Wallet(ANVIL_KEY_0, provider);
    for (const t of file.transactions)
      await (await owner.sendTransaction({ to: t.to, data: t.data, value: BigInt(t.value) })).wait();
    provider.destroy();

    const run = await runJob(
      settleJob,
      { services: safe.steward.container.services, logger: safe.steward.container.logger },
      "manual",
    );
    expect(run.summary).toContain(`settled #${id}`);
    expect(await chain?.tokenBalance(vera.address)).toBe(40n * 10n ** 18n);
    await waitForMessage(safe.client, (m) => m.content.startsWith(`Paid: proposal #${id}`), 30_000, "payouts");
    expect(
      (await safe.steward.container.services.db.payoutIntent.findFirstOrThrow({ where: { proposalId: id } })).status,
    ).toBe("confirmed");
  }, 90_000);
});
