import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { componentId, proposalPost, waitForMessage } from "../helpers/governance.ts";
import { linkWallet } from "../helpers/linkWallet.ts";
import { finalResponse, textOf } from "../helpers/sandboxClient.ts";
import { startTestStack, type TestStack } from "../helpers/startTestStack.ts";
import { submitCodeContribution } from "../helpers/submitCodeContribution.ts";
import { until } from "../helpers/until.ts";

const HOUR = 3_600_000;
let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ VOTING_PERIOD: "1h", QUORUM: "1", VOTE_TALLY_DEBOUNCE: "100ms" });
  await stack.client.createUser("rae", ["Member"]);
  await stack.client.createUser("mod", ["Member", "Moderator"]);
});
afterAll(() => stack.stop());
afterEach(() => stack.expectNoSpecViolations());

async function draft(idea: string) {
  const drafted = finalResponse(await stack.client.run("rae", "propose", { idea }));
  const submitted = finalResponse(
    await stack.client.click("rae", drafted.messageId as string, componentId(drafted, "Submit")),
  );
  return Number(/^Proposal #(\d+)/.exec(submitted.content)?.[1]);
}

describe("what a real server does that the old sandbox did not", () => {
  it("with the Server Members intent off, opening a vote says so, and an epoch close keeps its draft and says why", async () => {
    const id = await draft("Hold a monthly community call.");
    await stack.client.request("PUT", "/sandbox/intents", { members: false });
    const refused = finalResponse(await stack.client.run("mod", "proposal open", { proposal: id }));
    expect(refused.content).toBe(
      "I cannot read the server's member list, so the eligible weight cannot be computed: the Server Members intent is off. An admin enables it in the Discord Developer Portal → the application → Bot → Privileged Gateway Intents; then open the vote again.",
    );
    await linkWallet(stack.client, "rae");
    await submitCodeContribution(stack.client, "rae", "Docs fix");
    await stack.steward.evaluationsIdle();
    const closed = finalResponse(await stack.client.run("mod", "epoch close"));
    expect(closed.content).toMatch(
      /^Epoch 1 is closed; epoch 2 is open\. Distribution proposal #\d+ .* is posted in <#\d+>\. It stays a draft until a moderator opens it for votes with `\/proposal open` \(the member list was not available: if it keeps failing, check the Server Members intent with `\/steward status`\)\.$/,
    );
    await stack.client.request("PUT", "/sandbox/intents", { members: true });
    const opened = finalResponse(await stack.client.run("mod", "proposal open", { proposal: id }));
    expect(opened.content).toMatch(new RegExp(`^Proposal #${id} is open for votes until`));
  });

  it("posts a proposal again when its message was deleted, and its result on its own", async () => {
    const id = await draft("Buy a domain for the docs.");
    finalResponse(await stack.client.run("mod", "proposal open", { proposal: id }));
    const post = await proposalPost(stack.client, id);
    finalResponse(await stack.client.click("rae", post.id, componentId(post, "For")));
    await stack.client.request("DELETE", `/sandbox/messages/${post.id}`);
    stack.advanceClock(HOUR + 1000);
    const result = await waitForMessage(stack.client, (m) => m.embeds[0]?.title === `Proposal #${id} · Passed`);
    expect(textOf(result as never)).toContain("Passed");
    const again = await proposalPost(stack.client, id);
    expect(again.id).not.toBe(post.id);
    const stored = await stack.steward.container.services.db.proposal.findUniqueOrThrow({ where: { id } });
    expect(stored.messageId).toBe(again.id);
    expect(await stack.steward.container.services.db.pendingPost.count()).toBe(0);
  });

  it("/steward status lists what to fix and what waits to be posted", async () => {
    await stack.client.request("PUT", "/sandbox/channels/contributions/permissions", { deny: ["EmbedLinks"] });
    await new Promise((r) => setTimeout(r, 200));
    const reply = finalResponse(
      await stack.client.run("rae", "contribute submit", { title: "Logo", category: "design", description: "A logo." }),
    );
    expect(reply.content).toContain("I could not post it in #contributions: I lack Embed Links there.");
    const status = finalResponse(await stack.client.run("mod", "steward status"));
    expect(status.ephemeral).toBe(true);
    expect(status.content).toContain(
      "In #contributions (CONTRIBUTIONS_CHANNEL) the bot lacks Embed Links (posts are embeds): allow it for the bot's role",
    );
    expect(status.content).toMatch(
      /\*\*Posts:\*\* [\s\S]*refused by Discord, retried on their own:\n- Contribution #\d+ in #contributions: I lack Embed Links there \(1 try, next <t:\d+:R>\)/,
    );
    const member = finalResponse(await stack.client.run("rae", "steward status"));
    expect(member.content).toBe("Only members with the Moderator role can do this.");
    await stack.client.request("PUT", "/sandbox/channels/contributions/permissions", {});
  });
  it("an appeal whose post Discord refused is still resolved, with /evaluation resolve-appeal, and never posted after", async () => {
    const id = await submitCodeContribution(stack.client, "rae", "Release checklist");
    await stack.steward.evaluationsIdle();
    await stack.client.request("PUT", "/sandbox/channels/contributions/permissions", { deny: ["SendMessages"] });
    await new Promise((r) => setTimeout(r, 200));
    const filed = finalResponse(
      await stack.client.run("rae", "appeal", { contribution: id, reason: "The checklist saved a release." }),
    );
    const appealId = Number(/appeal #(\d+)/.exec(filed.content)?.[1]);
    await stack.steward.evaluationsIdle();
    const db = stack.steward.container.services.db;
    // Discord's refusal is recorded (the row waits out its backoff, claimed by no one): deciding now drops it at once.
    // Decided while a send is under way, the row is kept and dropped by the publisher after that send.
    await until("the appeal's refused post waiting out its backoff", async () => {
      const rows = await db.pendingPost.findMany({ where: { kind: "appeal", subjectId: appealId } });
      return (
        rows.length === 1 && rows[0]?.claimedBy === null && rows[0].attempts > 0 && rows[0].nextAttemptAt > new Date()
      );
    });
    const member = finalResponse(
      await stack.client.run("rae", "evaluation resolve-appeal", { appeal: appealId, decision: "accept" }),
    );
    expect(member.content).toBe("Only members with the Moderator role can do this.");
    const resolved = finalResponse(
      await stack.client.run("mod", "evaluation resolve-appeal", { appeal: appealId, decision: "reject" }),
    );
    expect(resolved.content).toMatch(
      new RegExp(`^Appeal #${appealId} rejected by <@\\d+>: the first evaluation stands\\.$`),
    );
    expect(await db.appeal.findUniqueOrThrow({ where: { id: appealId } })).toMatchObject({ status: "rejected" });
    expect(await db.pendingPost.count({ where: { kind: "appeal", subjectId: appealId } })).toBe(0);
    await stack.client.request("PUT", "/sandbox/channels/contributions/permissions", {});
  });

  it("/proposal drafts reopens a /propose draft after the private message is gone", async () => {
    const none = finalResponse(await stack.client.run("mod", "proposal drafts"));
    expect(none.content).toBe("You have no proposal drafts waiting: start one with `/propose idea:…`.");
    const first = finalResponse(await stack.client.run("rae", "propose", { idea: "Translate the docs into Italian." }));
    finalResponse(await stack.client.run("rae", "propose", { idea: "Host a hackathon in spring." }));
    const reopened = finalResponse(await stack.client.run("rae", "proposal drafts"));
    expect(reopened.ephemeral).toBe(true);
    expect(reopened.embeds[0]?.title).toMatch(/hackathon/i);
    expect(reopened.content).toMatch(
      /Your other drafts: #\d+ “.*Italian.*” \(reopen one with `\/proposal drafts draft:<id>`\)\./,
    );
    const draftId = Number(/#(\d+) “/.exec(reopened.content)?.[1]);
    const older = finalResponse(await stack.client.run("rae", "proposal drafts", { draft: draftId }));
    expect(older.embeds[0]?.title).toBe(first.embeds[0]?.title);
    const submitted = finalResponse(
      await stack.client.click("rae", older.messageId as string, componentId(older, "Submit")),
    );
    expect(submitted.content).toMatch(
      /^Proposal #\d+ “.*” is saved as a general proposal draft\. It is posted in <#\d+>\./,
    );
    const theirs = finalResponse(await stack.client.run("mod", "proposal drafts", { draft: draftId }));
    expect(theirs.content).not.toContain("Here is your proposal draft");
  });
  it("keeps live tally edits of several proposals within the channel's edit rate limit (no 429)", async () => {
    // What the earlier tests queued goes out first, at the usual pace.
    await stack.steward.postsIdle();
    await stack.client.request("PUT", "/sandbox/rate-limits", { perWindow: 1, windowSeconds: 2 });
    const ids = [await draft("Tally one."), await draft("Tally two."), await draft("Tally three.")];
    const posts = [];
    for (const id of ids) {
      finalResponse(await stack.client.run("mod", "proposal open", { proposal: id }));
      posts.push(await proposalPost(stack.client, id));
    }
    const before = (await stack.client.request<{ rateLimited: number }>("GET", "/sandbox/state")).body.rateLimited;
    await Promise.all(posts.map((p) => stack.client.click("rae", p.id, componentId(p, "For"))));
    for (const id of ids) {
      await waitForMessage(
        stack.client,
        (m) =>
          m.embeds[0]?.title?.startsWith(`Proposal #${id} · `) === true &&
          textOf(m as never).includes("Live tally · 1 voter"),
        15_000,
      );
    }
    const after = (await stack.client.request<{ rateLimited: number }>("GET", "/sandbox/state")).body.rateLimited;
    expect(after - before).toBe(0);
    await stack.client.request("PUT", "/sandbox/rate-limits", { perWindow: 5, windowSeconds: 5 });
  }, 60_000);
});
