import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { componentId, proposalPost } from "../helpers/governance.ts";
import { finalResponse, textOf } from "../helpers/sandboxClient.ts";
import { startTestStack, type TestStack } from "../helpers/startTestStack.ts";
import { until } from "../helpers/until.ts";

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ VOTING_PERIOD: "1h", QUORUM: "1", VOTE_TALLY_DEBOUNCE: "100ms" });
  await stack.client.createUser("ida", ["Member"]);
  await stack.client.createUser("mod", ["Member", "Moderator"]);
});
afterEach(async () => {
  await stack.client.request("DELETE", "/sandbox/faults");
  await stack.client.request("DELETE", "/sandbox/gateway/outage");
  stack.expectNoSpecViolations();
});
afterAll(() => stack.stop());

const db = () => stack.steward.container.services.db;
const fault = (body: object) => stack.client.request("POST", "/sandbox/faults", body);
type Message = { id: string; content: string; embeds: { title?: string }[] };
/** The channel as it is now, without waiting for the publisher (which waits out Discord's failures). */
const messagesNow = async (channel: string) =>
  (await stack.client.request<Message[]>("GET", `/sandbox/messages?channel=${channel}`)).body;
/** The contribution's own post ("#12 · title"), not its evaluation ("Evaluation of #12 · title"). */
const titled = (messages: Message[], title: string) =>
  messages.filter((m) => /^#\d+ · /.test(m.embeds[0]?.title ?? "") && m.embeds[0]?.title?.includes(title));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("Discord's own failures", () => {
  it("a contribution submitted while Discord answers 503 is saved, said to be posted later, and posted once Discord recovers", async () => {
    await fault({ method: "POST", path: "/channels/contributions/messages", status: 503, count: 100 });
    const reply = finalResponse(
      await stack.client.run("ida", "contribute submit", {
        title: "Fix the onboarding guide",
        category: "docs",
        description: "Rewrote the first steps.",
      }),
    );
    const id = Number(/#(\d+)/.exec(reply.content)?.[1]);
    expect(reply.content).toBe(
      `Contribution **#${id}** “Fix the onboarding guide” is submitted and waiting for evaluation. It is saved, but I could not post it in #contributions: Discord is failing (it answered HTTP 503). I will post it on my own once that is fixed; moderators see what waits with \`/steward status\`.`,
    );
    expect(reply.content).not.toContain("Steward's side");
    expect(await db().contribution.findUniqueOrThrow({ where: { id } })).toMatchObject({ messageId: null });
    expect(await db().pendingPost.findFirstOrThrow({ where: { kind: "contribution", subjectId: id } })).toMatchObject({
      attempts: 1,
      reason: "Discord is failing (it answered HTTP 503)",
    });
    expect(titled(await messagesNow("contributions"), "Fix the onboarding guide")).toHaveLength(0);

    // Discord recovers; the retry after the backoff posts it, once.
    await stack.client.request("DELETE", "/sandbox/faults");
    stack.advanceClock(2 * 60_000);
    await until("the contribution is posted", async () => {
      const c = await db().contribution.findUniqueOrThrow({ where: { id } });
      return c.messageId !== null;
    });
    const posted = titled(await stack.client.messages("contributions"), "Fix the onboarding guide");
    expect(posted).toHaveLength(1);
    expect(posted[0]?.id).toBe((await db().contribution.findUniqueOrThrow({ where: { id } })).messageId);
    expect(await db().pendingPost.count({ where: { kind: "contribution", subjectId: id } })).toBe(0);
  });

  it("a reply Discord fails to take after the change is saved does not claim that nothing was changed", async () => {
    // discord.js tries the reply's edit four times (three retries of a 5xx); the error message after them arrives.
    await fault({ method: "PATCH", path: "/webhooks/*/*/messages/@original", status: 503, count: 4 });
    const reply = finalResponse(
      await stack.client.run("ida", "contribute submit", {
        title: "Answer the FAQ backlog",
        category: "community",
        description: "Answered twelve questions.",
      }),
    );
    // It was saved (and goes on to be posted and evaluated) although the reply failed.
    const saved = await db().contribution.findFirstOrThrow({ where: { title: "Answer the FAQ backlog" } });
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).not.toContain("nothing was changed");
    expect(reply.content).toMatch(
      /^Discord failed \(it answered HTTP 503\) while I was answering, so this reply may not say what happened: what you asked may already be done and saved\. Check before trying again, so nothing is done twice\. Incident id: `[0-9a-f]{8}`\.$/,
    );
    expect(saved.title).toBe("Answer the FAQ backlog");
  });

  it("a message create that hangs past discord.js's timeout and is retried makes exactly one message", async () => {
    await stack.steward.postsIdle();
    const rest = stack.steward.client.rest.options as { timeout: number };
    const timeout = rest.timeout;
    rest.timeout = 1000;
    try {
      // Discord holds the create for 2.5 s, then makes the message; discord.js gave up at 1 s and sent it again.
      await fault({ method: "POST", path: "/channels/contributions/messages", hangMs: 2500, count: 1 });
      const reply = finalResponse(
        await stack.client.run("ida", "contribute submit", {
          title: "Record the release video",
          category: "community",
          description: "Recorded and edited it.",
        }),
      );
      const id = Number(/#(\d+)/.exec(reply.content)?.[1]);
      expect(reply.content).toContain("is submitted and waiting for evaluation.");
      await until("the contribution is posted", async () => {
        const c = await db().contribution.findUniqueOrThrow({ where: { id } });
        return c.messageId !== null;
      });
      // The held create has been carried out by now.
      await sleep(2500);
      const posted = titled(await messagesNow("contributions"), "Record the release video");
      expect(posted).toHaveLength(1);
      expect(posted[0]?.id).toBe((await db().contribution.findUniqueOrThrow({ where: { id } })).messageId);
    } finally {
      rest.timeout = timeout;
    }
  });

  it("a live tally Discord failed to edit during a gateway outage catches up as soon as the bot is back", async () => {
    const drafted = finalResponse(await stack.client.run("ida", "propose", { idea: "Hold a monthly community call." }));
    const submitted = finalResponse(
      await stack.client.click("ida", drafted.messageId as string, componentId(drafted, "Submit")),
    );
    const id = Number(/^Proposal #(\d+)/.exec(submitted.content)?.[1]);
    finalResponse(await stack.client.run("mod", "proposal open", { proposal: id }));
    const post = await proposalPost(stack.client, id, "For");
    await stack.steward.postsIdle();

    // Discord fails: edits answer 503, then the gateway drops the bot for a few seconds.
    await fault({ method: "PATCH", path: "/channels/governance/messages/*", status: 503, count: 1000 });
    finalResponse(await stack.client.click("ida", post.id, componentId(post, "For")));
    await stack.client.request("POST", "/sandbox/gateway/outage", { seconds: 3 });
    await until("the tally edit is refused", async () => {
      const row = await db().pendingPost.findFirst({ where: { kind: "proposal", subjectId: id } });
      return (row?.attempts ?? 0) > 0;
    });
    const refused = await db().pendingPost.findFirstOrThrow({ where: { kind: "proposal", subjectId: id } });
    // Waiting out its backoff: a minute or more.
    expect(refused.nextAttemptAt.getTime() - Date.now()).toBeGreaterThan(30_000);
    await stack.client.request("DELETE", "/sandbox/faults");

    // The outage ends; once the bot has resumed its session the tally is brought up to date at once.
    await until(
      "the tally shows the vote",
      async () => {
        const now = (await messagesNow("governance")).find((m) => m.id === post.id);
        return now !== undefined && /Live tally · 1 voter\b/.test(textOf(now as never));
      },
      15_000,
    );
    // The row goes once the publisher has recorded the edit (just after Discord answered it).
    await until(
      "the tally's outbox row done",
      async () => (await db().pendingPost.count({ where: { kind: "proposal", subjectId: id } })) === 0,
      10_000,
    );
  });
});
