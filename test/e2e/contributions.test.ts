import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { finalResponse, textOf } from "../helpers/sandboxClient.ts";
import { startTestStack, type TestStack } from "../helpers/startTestStack.ts";

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
  await stack.client.createUser("alice", ["Member"]);
  await stack.client.createUser("bob", ["Member"]);
});
afterAll(() => stack.stop());
afterEach(() => stack.expectNoSpecViolations());

const submit = (user: string, options: Record<string, unknown>) =>
  stack.client.run(user, "contribute submit", {
    category: "docs",
    description: "Rewrote the quick start guide.",
    ...options,
  });

describe("/contribute submit", () => {
  it("stores the contribution, acknowledges privately with its id and posts an embed in #contributions", async () => {
    const result = await submit("alice", {
      title: "Fix the docs",
      link1: "https://github.com/steward/steward/pull/12",
      hours: 2.5,
    });
    const reply = finalResponse(result);
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toMatch(/Contribution \*\*#(\d+)\*\* “Fix the docs” is submitted/);
    const id = Number(/#(\d+)/.exec(reply.content)?.[1]);

    const posts = await stack.client.messages("contributions");
    const post = posts.find((m) => m.embeds[0]?.title === `#${id} · Fix the docs`);
    expect(post).toBeDefined();
    expect(textOf(post as never)).toContain("https://github.com/steward/steward/pull/12");
    expect(textOf(post as never)).toContain("2.5");

    const row = await stack.steward.container.services.db.contribution.findUniqueOrThrow({ where: { id } });
    expect(row.messageId).toBe(post?.id);
    const audit = await stack.steward.container.services.db.auditEvent.findMany({
      where: { subjectType: "contribution", subjectId: String(id) },
      orderBy: { id: "asc" },
    });
    expect(audit[0]?.action).toBe("contribution.submitted");
  });

  it("echoes @everyone in a title without pinging anybody", async () => {
    const result = await submit("alice", { title: "Ping @everyone and @here" });
    const reply = finalResponse(result);
    expect(reply.content).toContain("@everyone");
    expect(reply.mentions).toEqual({ everyone: false, users: [], roles: [] });
    const posts = await stack.client.messages("contributions");
    const post = posts.find((m) => m.embeds[0]?.title?.includes("Ping \\@everyone"));
    expect(post?.mentions.everyone).toBe(false);
  });

  it.each([
    [{ title: "   " }, "The title is empty. Please write something in it."],
    [{ title: "Docs", description: "   " }, "The description is empty. Please write something in it."],
    [
      { title: "Bad link", link1: "javascript:alert(1)" },
      "`javascript:alert(1)` is not a valid link. Links must start with http:// or https://.",
    ],
    [
      { title: "FTP link", link1: "ftp://example.com/file" },
      "`ftp://example.com/file` is not a valid link. Links must start with http:// or https://.",
    ],
    [{ title: "x".repeat(121) }, "The title is too long: 121 characters, and at most 120 are allowed."],
    [
      { title: "Long", description: "y".repeat(4001) },
      "The description is too long: 4001 characters, and at most 4000 are allowed.",
    ],
    [{ title: "" }, "The title is empty. Please write something in it."],
    [
      {
        title: "Six links",
        links: "https://a.org https://b.org https://c.org https://d.org https://e.org",
        link1: "https://f.org",
      },
      "You gave 6 links; at most 5 are allowed.",
    ],
    [
      { title: "Negative", hours: -2 },
      "-2 is not a valid number of hours: give a number from 0.01 to 1000 (hours are kept to two decimals).",
    ],
  ])("answers %j with a clear private error and stores nothing", async (options, message) => {
    const before = await stack.steward.container.services.db.contribution.count();
    const reply = finalResponse(await submit("bob", options));
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toBe(message);
    expect(await stack.steward.container.services.db.contribution.count()).toBe(before);
  });

  it("takes links from the links option and link1..link5 together", async () => {
    const reply = finalResponse(
      await submit("bob", { title: "Many links", links: "https://a.org/1, https://b.org/2", link3: "https://c.org/3" }),
    );
    const id = Number(/#(\d+)/.exec(reply.content)?.[1]);
    const row = await stack.steward.container.services.db.contribution.findUniqueOrThrow({ where: { id } });
    expect(row.links).toEqual(["https://a.org/1", "https://b.org/2", "https://c.org/3"]);
  });

  it("refuses the same title from the same author within a minute, but accepts it later", async () => {
    const first = finalResponse(await submit("bob", { title: "Weekly community call notes" }));
    expect(first.content).toMatch(/is submitted/);
    const again = finalResponse(await submit("bob", { title: "weekly  community call NOTES" }));
    expect(again.content).toMatch(/already submitted a contribution with this title less than 60 seconds ago/);
    // Another author may use the same title.
    expect(finalResponse(await submit("alice", { title: "Weekly community call notes" })).content).toMatch(
      /is submitted/,
    );
    stack.advanceClock(61_000);
    expect(finalResponse(await submit("bob", { title: "Weekly community call notes" })).content).toMatch(
      /is submitted/,
    );
  });
});

describe("/contribute list, show and withdraw", () => {
  it("pages through contributions with Previous / Next buttons", async () => {
    await stack.client.createUser("carol", ["Member"]);
    for (let i = 1; i <= 7; i++) await submit("carol", { title: `Carol's item ${i}` });
    const first = finalResponse(await stack.client.run("carol", "contribute list"));
    expect(first.ephemeral).toBe(true);
    expect(first.embeds[0]?.footer?.text).toBe("Page 1 of 2 · 7 in total");
    expect(first.embeds[0]?.description).toContain("Carol's item 7");
    const buttons = first.components[0]?.components ?? [];
    expect(buttons.map((b) => [b.label, b.disabled])).toEqual([
      ["Previous", true],
      ["Next", false],
    ]);
    const next = buttons[1]?.custom_id as string;
    const second = finalResponse(await stack.client.click("carol", first.messageId as string, next));
    expect(second.kind).toBe("update");
    expect(second.embeds[0]?.footer?.text).toBe("Page 2 of 2 · 7 in total");
    expect(second.embeds[0]?.description).toContain("Carol's item 1");
    expect(second.embeds[0]?.description).not.toContain("Carol's item 7");
  });

  it("lists everyone's contributions filtered by status", async () => {
    await stack.steward.evaluationsIdle();
    const all = finalResponse(
      await stack.client.run("alice", "contribute list", { scope: "all", status: "evaluated" }),
    );
    expect(all.embeds[0]?.title).toBe("All contributions (evaluated)");
    expect(all.embeds[0]?.description).toContain("Carol's item");
    const none = finalResponse(await stack.client.run("alice", "contribute list", { status: "final" }));
    expect(none.embeds[0]?.description).toMatch(/no contributions here yet/);
  });

  it("shows one contribution to anyone, and says so when it does not exist", async () => {
    const reply = finalResponse(await submit("alice", { title: "Design the logo" }));
    const id = Number(/#(\d+)/.exec(reply.content)?.[1]);
    const shown = finalResponse(await stack.client.run("bob", "contribute show", { id }));
    expect(shown.embeds[0]?.title).toBe(`#${id} · Design the logo`);
    const missing = finalResponse(await stack.client.run("bob", "contribute show", { id: 999_999 }));
    expect(missing.content).toBe("There is no contribution #999999 in this server.");
  });

  it("lets only the author withdraw, only before the evaluation is final, and updates the public post", async () => {
    const db = stack.steward.container.services.db;
    // Earlier tests' posts go out first: this contribution gets a post of its own, not a line in a digest.
    await stack.steward.postsIdle();
    const reply = finalResponse(await submit("alice", { title: "Translate the FAQ" }));
    const id = Number(/#(\d+)/.exec(reply.content)?.[1]);
    await stack.steward.evaluationsIdle();
    // Its post is made (earlier tests' posts may still be going out at Discord's pace) before it is withdrawn.
    await stack.steward.postsIdle();

    const notMine = finalResponse(await stack.client.run("bob", "contribute withdraw", { id }));
    expect(notMine.content).toBe(`Contribution #${id} is not yours: only its author can withdraw it.`);
    expect((await db.contribution.findUniqueOrThrow({ where: { id } })).status).toBe("evaluated");

    const unknown = finalResponse(await stack.client.run("alice", "contribute withdraw", { id: 424242 }));
    expect(unknown.content).toBe("There is no contribution #424242 in this server.");

    const done = finalResponse(await stack.client.run("alice", "contribute withdraw", { id }));
    expect(done.content).toBe(`Contribution **#${id}** “Translate the FAQ” is withdrawn.`);
    expect((await db.contribution.findUniqueOrThrow({ where: { id } })).status).toBe("withdrawn");
    // The answer comes first; the publisher edits the post right after.
    const post = (await stack.client.messages("contributions")).find((m) => m.embeds[0]?.title?.startsWith(`#${id} `));
    expect(post?.editedAt).not.toBeNull();
    expect(textOf(post as never)).toMatch(/Status\nwithdrawn/);

    const twice = finalResponse(await stack.client.run("alice", "contribute withdraw", { id }));
    expect(twice.content).toBe(`Contribution #${id} is already withdrawn.`);

    const finalReply = finalResponse(await submit("alice", { title: "Audit the treasury" }));
    const finalId = Number(/#(\d+)/.exec(finalReply.content)?.[1]);
    await db.contribution.update({ where: { id: finalId }, data: { status: "final" } });
    const tooLate = finalResponse(await stack.client.run("alice", "contribute withdraw", { id: finalId }));
    expect(tooLate.content).toBe(`Contribution #${finalId} can no longer be withdrawn: its evaluation is final.`);

    const actions = await db.auditEvent.findMany({ where: { subjectId: String(id) }, orderBy: { id: "asc" } });
    expect(actions.map((a) => a.action)).toEqual([
      "contribution.submitted",
      "evaluation.created",
      "contribution.withdrawn",
    ]);
  });
});
