import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { repostJob } from "../../src/jobs/repostJob.ts";
import { runJob } from "../../src/jobs/runJob.ts";
import { createLogger } from "../../src/logger.ts";
import { finalResponse } from "../helpers/sandboxClient.ts";
import { startTestStack, type TestStack } from "../helpers/startTestStack.ts";
import { until } from "../helpers/until.ts";

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
  await stack.client.createUser("pia", ["Member"]);
});
afterAll(() => stack.stop());
afterEach(() => stack.expectNoSpecViolations());

const setBotPermissions = (channel: string, body: { allow?: string[]; deny?: string[] }) =>
  stack.client.request("PUT", `/sandbox/channels/${channel}/permissions`, body);
/** Waits until discord.js has the channel change the sandbox dispatched. */
const settle = () => new Promise((r) => setTimeout(r, 200));
const HOUR = 3_600_000;
const db = () => stack.steward.container.services.db;
/** The refused posts' attempts, once each has been tried at least `n` times (the publisher retries on its own). */
const triedAtLeast = (n: number, where: object) =>
  until(`posts tried ${n} times`, async () => {
    const rows = await db().pendingPost.findMany({ where });
    return rows.length > 0 && rows.every((r) => r.attempts >= n);
  });

describe("a post Discord refuses", () => {
  it("says what was saved and why it is not posted, then posts it on its own once the permission is back", async () => {
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
    expect(await db().contribution.findUniqueOrThrow({ where: { id } })).toMatchObject({ messageId: null });
    expect(await db().pendingPost.findFirst({ where: { kind: "contribution", subjectId: id } })).toMatchObject({
      reason: "I lack Send Messages there",
      channel: "#contributions",
      attempts: 1,
    });

    // Still refused: tried again once its backoff is over.
    stack.advanceClock(2 * 60_000);
    await triedAtLeast(2, { kind: "contribution", subjectId: id });

    await setBotPermissions("contributions", {});
    await settle();
    stack.advanceClock(HOUR);
    const messages = await stack.client.messages("contributions");
    const posted = await db().contribution.findUniqueOrThrow({ where: { id } });
    expect(posted.messageId).not.toBeNull();
    expect(messages.some((m) => m.id === posted.messageId && m.embeds[0]?.title?.includes("Translate the FAQ"))).toBe(
      true,
    );
    expect(await db().pendingPost.count({ where: { kind: "contribution", subjectId: id } })).toBe(0);
    // The repost job finds nothing left: the publisher did it all.
    const repost = await runJob(
      repostJob,
      {
        services: stack.steward.container.services,
        logger: createLogger({ level: "silent" }),
        posts: { drainOnce: async () => ({ sent: 0, refused: 0 }) },
      },
      "manual",
    );
    expect(repost).toMatchObject({ outcome: "ok", summary: "no post waiting" });
  });

  it("tells the moderators once when posts keep failing, in one note, and holds evaluations behind their contribution", async () => {
    await stack.client.createUser("mo", ["Member", "Moderator"]);
    await stack.client.request("DELETE", "/sandbox/channels/contributions");
    await settle();
    for (const title of ["Write the glossary", "Draw the roadmap"]) {
      const reply = finalResponse(
        await stack.client.run("pia", "contribute submit", { title, category: "docs", description: `${title}: done.` }),
      );
      expect(reply.content).toContain(
        "I could not post it in #contributions: there is no text channel named #contributions (create it, or set the channel setting).",
      );
    }
    await stack.steward.evaluationsIdle();
    // Both contributions are refused every round; their evaluations wait for them (an evaluation replies to its
    // contribution's post), untried. After three failed rounds one note names both contributions.
    const contributions = { kind: "contribution" } as never;
    await triedAtLeast(1, contributions);
    for (const n of [2, 3]) {
      stack.advanceClock(HOUR);
      await triedAtLeast(n, contributions);
    }
    expect(await db().pendingPost.count({ where: { kind: "evaluation", attempts: { gt: 0 } } })).toBe(0);
    stack.advanceClock(HOUR);
    await triedAtLeast(4, contributions);
    const governance = await stack.client.messages("governance");
    const told = governance.filter((m) => /I could not post (this|these \d+) after several tries/.test(m.content));
    expect(told).toHaveLength(1);
    expect(told[0]?.content).toMatch(/^<@&\d+> I could not post these 2 after several tries:\n/);
    expect(
      told[0]?.content.match(/- contribution #\d+ in #contributions: there is no text channel named/g),
    ).toHaveLength(2);
    expect(told[0]?.mentions.roles).toHaveLength(1);

    await stack.client.request("POST", "/sandbox/channels", { name: "contributions" });
    await settle();
    stack.advanceClock(HOUR);
    // The contributions and then their evaluations are all posted now, on their own.
    const posts = await stack.client.messages("contributions");
    const titled = (t: string) => posts.filter((m) => m.embeds[0]?.title?.includes(t));
    for (const t of ["Write the glossary", "Draw the roadmap"]) {
      expect(titled(t)).toHaveLength(2);
      expect(titled(t)[0]?.embeds[0]?.title?.startsWith("#")).toBe(true);
    }
    expect(await db().pendingPost.count()).toBe(0);
  });
});
