import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { repostJob } from "../../src/jobs/repostJob.ts";
import { runJob } from "../../src/jobs/runJob.ts";
import { createLogger } from "../../src/logger.ts";
import { finalResponse } from "../helpers/sandboxClient.ts";
import { startTestStack, type TestStack } from "../helpers/startTestStack.ts";

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
  await stack.client.createUser("pia", ["Member"]);
});
afterAll(() => stack.stop());
afterEach(() => stack.expectNoSpecViolations());

const repost = async () =>
  runJob(
    repostJob,
    { services: stack.steward.container.services, logger: createLogger({ level: "silent" }) },
    "manual",
  );
const setBotPermissions = (channel: string, body: { allow?: string[]; deny?: string[] }) =>
  stack.client.request("PUT", `/sandbox/channels/${channel}/permissions`, body);
/** Waits until discord.js has the channel change the sandbox dispatched. */
const settle = () => new Promise((r) => setTimeout(r, 200));
const HOUR = 3_600_000;

describe("a post Discord refuses", () => {
  it("says what was saved and why it is not posted, then the repost job posts it once the permission is back", async () => {
    await setBotPermissions("contributions", { deny: ["SendMessages"] });
    await settle();
    const reply = finalResponse(
      await stack.client.run("pia", "contribute submit", {
        title: "Translate the FAQ",
        category: "docs",
        description: "Translated the FAQ into Spanish.",
      }),
    );
    const id = Number(/#(\d+)/.exec(reply.content)?.[1]);
    expect(reply.content).toBe(
      `Contribution **#${id}** “Translate the FAQ” is submitted and waiting for evaluation. It is saved, but I could not post it in #contributions: I lack Send Messages there. I will post it on my own once that is fixed; moderators see what waits with \`/steward status\`.`,
    );
    const db = stack.steward.container.services.db;
    expect(await db.contribution.findUniqueOrThrow({ where: { id } })).toMatchObject({ messageId: null });
    expect(await db.pendingPost.findFirst({ where: { kind: "contribution", subjectId: id } })).toMatchObject({
      reason: "I lack Send Messages there",
      channel: "#contributions",
    });

    // Still refused: the job tries again later, and says so.
    stack.advanceClock(2 * 60_000);
    expect(await repost()).toMatchObject({ outcome: "problem", summary: expect.stringContaining("still refused") });

    await setBotPermissions("contributions", {});
    await settle();
    stack.advanceClock(HOUR);
    expect(await repost()).toMatchObject({ outcome: "ok" });
    const posted = await db.contribution.findUniqueOrThrow({ where: { id } });
    expect(posted.messageId).not.toBeNull();
    const messages = await stack.client.messages("contributions");
    expect(messages.some((m) => m.id === posted.messageId && m.embeds[0]?.title?.includes("Translate the FAQ"))).toBe(
      true,
    );
    expect(await db.pendingPost.count({ where: { kind: "contribution", subjectId: id } })).toBe(0);
  });

  it("tells the moderators once when a post keeps failing, in the governance channel", async () => {
    await stack.client.createUser("mo", ["Member", "Moderator"]);
    await stack.client.request("DELETE", "/sandbox/channels/contributions");
    await settle();
    const reply = finalResponse(
      await stack.client.run("pia", "contribute submit", {
        title: "Write the glossary",
        category: "docs",
        description: "Wrote a glossary of our terms.",
      }),
    );
    expect(reply.content).toContain(
      "I could not post it in #contributions: there is no text channel named #contributions (create it, or set the channel setting).",
    );
    // Its evaluation's post is refused too; once both have failed as often, one note names both (on a loaded
    // machine the evaluation could otherwise land between two repost runs and be reported on its own, later).
    await stack.steward.evaluationsIdle();
    for (let i = 0; i < 3; i++) {
      stack.advanceClock(HOUR);
      await repost();
    }
    const governance = await stack.client.messages("governance");
    const told = governance.filter((m) => /I could not post (this|these \d+) after several tries/.test(m.content));
    expect(told).toHaveLength(1);
    expect(told[0]?.content).toMatch(/^<@&\d+> I could not post these 2 after several tries:\n/);
    expect(told[0]?.content).toMatch(/- contribution #\d+ in #contributions: there is no text channel named/);
    expect(told[0]?.content).toMatch(
      /- evaluation of contribution post #\d+ in #contributions: there is no text channel/,
    );
    expect(told[0]?.mentions.roles).toHaveLength(1);

    await stack.client.request("POST", "/sandbox/channels", { name: "contributions" });
    await settle();
    stack.advanceClock(HOUR);
    // The contribution and its evaluation (made meanwhile, its post refused too) are both posted now.
    await stack.steward.evaluationsIdle();
    expect(await repost()).toMatchObject({ outcome: "ok", summary: "2 of 2 waiting post(s) made, 0 still refused" });
  });
});
