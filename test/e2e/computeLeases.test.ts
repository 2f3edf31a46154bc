import { Wallet } from "ethers";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { componentId, waitForMessage } from "../helpers/governance.ts";
import { linkWallet } from "../helpers/linkWallet.ts";
import { H200_SPECS, nodeHeartbeats } from "../helpers/nodeHeartbeats.ts";
import { finalResponse, textOf } from "../helpers/sandboxClient.ts";
import { startTestStack, type TestStack } from "../helpers/startTestStack.ts";

let stack: TestStack;
const beats: ReturnType<typeof nodeHeartbeats>[] = [];
beforeAll(async () => {
  stack = await startTestStack({
    HEARTBEAT_INTERVAL: "1s",
    LEASE_FAILOVER_AFTER: "2s",
    LEASE_APPROVAL_ABOVE: "100000000000000000000",
    MAX_NODES_PER_PROVIDER: "2",
  });
  for (const [name, roles] of [
    ["pat", ["Member", "Provider"]],
    ["quin", ["Member", "Provider"]],
    ["rey", ["Member"]],
    ["mod", ["Member", "Moderator"]],
  ] as const) {
    await stack.client.createUser(name, [...roles]);
    await linkWallet(stack.client, name);
  }
}, 60_000);
afterAll(async () => {
  for (const b of beats) b.stop();
  await stack?.stop();
});
afterEach(() => stack.expectNoSpecViolations());

const compute = (match: (m: { content: string }) => boolean) => waitForMessage(stack.client, match, 20_000, "compute");

async function register(user: string, name: string, extra: Record<string, unknown> = {}) {
  const key = Wallet.createRandom();
  const reply = finalResponse(
    await stack.client.run(user, "node register", {
      name,
      gpu_model: "H200",
      gpu_count: 1,
      vram_gb: 141,
      cpu_cores: 16,
      ram_gb: 128,
      region: "eu-west",
      price: "2",
      public_key: key.address,
      ...extra,
    }),
  );
  const id = Number(/Node \*\*#(\d+)\*\*/.exec(reply.content)?.[1]);
  return { id, key, reply };
}

async function online(user: string, name: string, extra: Record<string, unknown> = {}) {
  const node = await register(user, name, extra);
  const hb = nodeHeartbeats(stack.steward.http.url, node.id, node.key);
  beats.push(hb);
  expect((await hb.beat()).status).toBe(200);
  hb.keepAlive();
  return { ...node, hb };
}

describe("nodes: who may change what", () => {
  it("refuses a duplicate key, another provider's node, a retired node, and a provider's eleventh node", async () => {
    const a = await register("pat", "pat-1");
    expect(a.id).toBeGreaterThan(0);
    const dup = finalResponse(
      await stack.client.run("quin", "node register", {
        name: "copy",
        gpu_model: "H200",
        gpu_count: 1,
        vram_gb: 141,
        cpu_cores: 1,
        ram_gb: 1,
        region: "eu-west",
        price: "1",
        public_key: a.key.address,
      }),
    );
    expect(dup.content).toBe(
      `The key \`${a.key.address}\` already belongs to node #${a.id}: each node needs its own key. Start the agent with another key file to get a new one.`,
    );
    const theirs = finalResponse(await stack.client.run("quin", "node update", { id: a.id, price: "9" }));
    expect(theirs.content).toBe(`Node #${a.id} is not yours: only its provider can change or retire it.`);
    expect(finalResponse(await stack.client.run("quin", "node retire", { id: a.id })).content).toBe(theirs.content);
    const updated = finalResponse(
      await stack.client.run("pat", "node update", { id: a.id, price: "3", region: "us-east-1" }),
    );
    expect(updated.content).toBe(
      `Node **#${a.id}** now offers 3 STEW per GPU-hour in us-east-1. Leases already agreed keep their price.`,
    );
    expect(finalResponse(await stack.client.run("pat", "node update", { id: a.id })).content).toBe(
      "Nothing to update: give a new price, region or description.",
    );
    const b = await register("pat", "pat-2");
    const third = await register("pat", "pat-3");
    expect(third.reply.content).toBe(
      "You already have 2 nodes registered, the most one provider may have. Retire one with `/node retire` first.",
    );
    const retired = finalResponse(await stack.client.run("pat", "node retire", { id: b.id }));
    expect(retired.content).toContain(`Node **#${b.id}** is retired`);
    await compute((m) => m.content.includes(`retired node **#${b.id} pat-2**`));
    expect(finalResponse(await stack.client.run("pat", "node update", { id: b.id, price: "1" })).content).toBe(
      `Node #${b.id} is retired, so it can no longer be changed.`,
    );
    // A retired node's key may serve a new node; its heartbeats are refused.
    const hb = nodeHeartbeats(stack.steward.http.url, b.id, b.key);
    expect((await hb.beat()).status).toBe(410);
    const list = textOf(finalResponse(await stack.client.run("pat", "node list", { status: "retired" })));
    expect(list).toContain(`**#${b.id}** pat-2`);
    expect(list).not.toContain("pat-1");
    const impossible = finalResponse(
      await stack.client.run("quin", "node register", {
        name: "x",
        gpu_model: "H200",
        gpu_count: 1,
        vram_gb: 141,
        cpu_cores: 1,
        ram_gb: 1,
        region: "moon base",
        price: "1",
        public_key: Wallet.createRandom().address,
      }),
    );
    expect(impossible.content).toContain("is not a region Steward knows the format of");
  });

  it("tells the provider once, on /node show, that the node reports less than declared", async () => {
    const n = await register("quin", "small");
    const hb = nodeHeartbeats(stack.steward.http.url, n.id, n.key, { ...H200_SPECS, gpus: [] });
    expect((await hb.beat()).status).toBe(200);
    await compute((m) => m.content.includes(`Node #${n.id}'s reported specs fall short`));
    const first = finalResponse(await stack.client.run("quin", "node show", { id: n.id }));
    expect(first.content).toContain(
      "Your node's last heartbeat reports less than you declared: reports no GPU, 1 × H200 declared.",
    );
    const again = finalResponse(await stack.client.run("quin", "node show", { id: n.id }));
    expect(again.content).toBe("");
    expect(textOf(again)).toContain("⚠️ reports no GPU, 1 × H200 declared (reward capped at the reported capacity)");
    // Others see the flag, not the note.
    expect(finalResponse(await stack.client.run("rey", "node show", { id: n.id })).content).toBe("");
    await stack.client.run("quin", "node retire", { id: n.id });
  });
});

describe("leases", () => {
  it("a request with no fitting offer says why and names the nearest offers", async () => {
    const r = finalResponse(
      await stack.client.run("rey", "compute request", { gpu_count: 8, hours: 1, max_price: "1", purpose: "big run" }),
    );
    expect(r.content).toMatch(/^No online offer fits this request, so nothing was stored\. The nearest:\n- node #\d+ /);
    expect(r.ephemeral).toBe(true);
  });

  it("an expensive lease waits for a moderator; a double Accept starts it once; the requester cannot approve", async () => {
    const n = await online("quin", "quin-big");
    const asked = finalResponse(
      await stack.client.run("rey", "compute request", {
        gpu_count: 1,
        hours: 100,
        max_price: "5",
        purpose: "long training",
      }),
    );
    const chosen = finalResponse(
      await stack.client.click("rey", asked.messageId as string, componentId(asked, `Choose node #${n.id}`)),
    );
    expect(chosen.content).toContain("A moderator approves leases of this size first");
    const leaseId = Number(/Lease \*\*#(\d+)\*\*/.exec(chosen.content)?.[1]);
    const again = finalResponse(
      await stack.client.click("rey", asked.messageId as string, componentId(asked, `Choose node #${n.id}`)),
    );
    expect(again.content).toBe(
      `You already chose for request #${/#(\d+)/.exec(asked.content)?.[1]}: lease **#${leaseId}** (awaiting approval).`,
    );
    const pending = await compute((m) => m.content.includes(`Lease **#${leaseId}** waits for a moderator's approval`));
    const self = finalResponse(await stack.client.click("quin", pending.id, componentId(pending, "Approve lease")));
    expect(self.content).toBe("Only members with the Moderator role can do this.");
    const approved = finalResponse(await stack.client.click("mod", pending.id, componentId(pending, "Approve lease")));
    expect(approved.content).toContain(`was approved by <@`);
    const offer = await compute((m) => m.content.includes(`start lease **#${leaseId}**`));
    const [one, two] = await Promise.all([
      stack.client.click("quin", offer.id, componentId(offer, "Accept")),
      stack.client.click("quin", offer.id, componentId(offer, "Accept")),
    ]);
    const texts = [finalResponse(one).content, finalResponse(two).content].sort();
    expect(texts.filter((t) => t.includes("accepted by"))).toHaveLength(1);
    expect(texts.some((t) => t === `Lease #${leaseId} is active, not offered, so that can no longer be done.`)).toBe(
      true,
    );
    const events = await stack.steward.container.services.db.auditEvent.count({
      where: { subjectType: "lease", subjectId: String(leaseId), action: "lease.accepted" },
    });
    expect(events).toBe(1);
    const ended = finalResponse(await stack.client.run("rey", "compute end", { lease: leaseId }));
    expect(ended.content).toContain("ended");
    expect(finalResponse(await stack.client.run("mod", "compute end", { lease: leaseId })).content).toBe(
      `Lease #${leaseId} is not yours: only its requester or its provider can end it.`,
    );
    n.hb.stop();
  });

  it("an alt account that ever shared the provider's wallet can neither lease the node nor approve its lease", async () => {
    await stack.client.createUser("alt", ["Member", "Moderator"]);
    const shared = Wallet.createRandom();
    await linkWallet(stack.client, "alt", shared);
    await linkWallet(stack.client, "alt"); // the alt moves on; the shared address is free again
    await stack.client.createUser("sam", ["Member", "Provider"]);
    await linkWallet(stack.client, "sam", shared);
    const n = await online("sam", "sam-node");
    const asked = finalResponse(
      await stack.client.run("alt", "compute request", { gpu_count: 1, hours: 1, max_price: "5", purpose: "mine" }),
    );
    const refused = finalResponse(
      await stack.client.click("alt", asked.messageId as string, componentId(asked, `Choose node #${n.id}`)),
    );
    expect(refused.content).toBe(
      `Node #${n.id} is your own (it pays a wallet you have linked): you cannot lease it to yourself and be paid for it.`,
    );
    // rey's expensive lease on sam's node waits for a moderator: not the alt.
    const big = finalResponse(
      await stack.client.run("rey", "compute request", { gpu_count: 1, hours: 100, max_price: "5", purpose: "long" }),
    );
    const chose = finalResponse(
      await stack.client.click("rey", big.messageId as string, componentId(big, `Choose node #${n.id}`)),
    );
    const leaseId = Number(/Lease \*\*#(\d+)\*\*/.exec(chose.content)?.[1]);
    const pending = await compute((m) => m.content.includes(`Lease **#${leaseId}** waits for a moderator's approval`));
    const alt = finalResponse(await stack.client.click("alt", pending.id, componentId(pending, "Approve lease")));
    expect(alt.content).toBe(
      `You cannot approve lease #${leaseId}: you are its requester or its provider, or have linked the provider's wallet. Another moderator must approve it.`,
    );
    n.hb.stop();
  });

  it("a declined offer says so; a node offline during a lease gets its requester the next best offer", async () => {
    const a = await online("pat", "pat-a", { price: "1" });
    const b = await online("quin", "quin-b", { price: "2" });
    const asked = finalResponse(
      await stack.client.run("rey", "compute request", {
        gpu_count: 1,
        hours: 1,
        max_price: "3",
        purpose: "inference",
      }),
    );
    expect(asked.content.indexOf(`node #${a.id}`)).toBeLessThan(asked.content.indexOf(`node #${b.id}`));
    const chose = finalResponse(
      await stack.client.click("rey", asked.messageId as string, componentId(asked, `Choose node #${a.id}`)),
    );
    const leaseId = Number(/Lease \*\*#(\d+)\*\*/.exec(chose.content)?.[1]);
    const offer = await compute((m) => m.content.includes(`start lease **#${leaseId}**`));
    expect(finalResponse(await stack.client.click("pat", offer.id, componentId(offer, "Accept"))).content).toContain(
      "accepted",
    );

    // pat's node stops: offline after two intervals, then the failover offer after LEASE_FAILOVER_AFTER.
    a.hb.stop();
    const failover = await compute((m) => m.content.includes(`during lease #${leaseId}`));
    expect(failover.content).toContain(`node #${b.id} **quin-b**`);
    expect(failover.mentions.users).toHaveLength(2);
    const picked = finalResponse(
      await stack.client.click("rey", failover.id, componentId(failover, `Choose node #${b.id}`)),
    );
    const next = Number(/Lease \*\*#(\d+)\*\*/.exec(picked.content)?.[1]);
    const nextOffer = await compute((m) => m.content.includes(`start lease **#${next}**`));
    const declined = finalResponse(await stack.client.click("quin", nextOffer.id, componentId(nextOffer, "Decline")));
    expect(declined.content).toContain(`Lease **#${next}** was declined`);
    // Declining the replacement leaves the first lease running (the node may come back).
    const leases = textOf(finalResponse(await stack.client.run("rey", "compute leases")));
    expect(leases).toContain(`**#${leaseId}** active`);
    expect(leases).toContain(`**#${next}** declined`);
    b.hb.stop();
  });
});
