import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { componentId } from "../helpers/governance.ts";
import { githubControl, githubPull } from "../helpers/localGithub.ts";
import { finalResponse, textOf } from "../helpers/sandboxClient.ts";
import { startTestStack, type TestStack } from "../helpers/startTestStack.ts";

let stack: TestStack;
let github: string;
beforeAll(async () => {
  // A short wait for facts, so that the hanging-GitHub test's evaluation gives up within the test.
  stack = await startTestStack({ GITHUB_FACTS_TIMEOUT: "3s" }, { githubSpec: true });
  github = stack.steward.github?.url ?? "";
  for (const name of ["alice", "carol", "mallory", "dave", "erin", "fay"]) {
    await stack.client.createUser(name, ["Member"]);
    await githubControl(github, "POST", "/sandbox/users", { login: `gh-${name}` });
  }
}, 60_000);
afterAll(() => stack?.stop());
afterEach(() => {
  stack.expectNoSpecViolations();
  // The local GitHub answered Steward as GitHub's OpenAPI description says GitHub does.
  expect(stack.steward.github?.violations).toEqual([]);
});

const links = () => stack.steward.container.services.github?.links;

/** `/github link`: the ephemeral reply's code, entered on the local GitHub as `login`; waits for Steward's poll. */
async function linkGithub(user: string, login: string, approve: "approve" | "deny" = "approve") {
  const reply = finalResponse(await stack.client.run(user, "github link", {}));
  expect(reply.ephemeral).toBe(true);
  const code = /`([A-Z0-9]{4}-[A-Z0-9]{4})`/.exec(reply.content)?.[1];
  expect(code, reply.content).toBeDefined();
  expect(reply.content).toContain(`${github}/login/device`);
  await githubControl(
    github,
    "POST",
    `/sandbox/device/${approve}`,
    approve === "approve" ? { user_code: code, login } : { user_code: code },
  );
  await links()?.idle();
  return reply.content;
}

const show = async (user: string) => finalResponse(await stack.client.run(user, "github show", {})).content;

describe("/github", () => {
  it("links the account the member authorizes on GitHub by device flow, audited, and shows it", async () => {
    expect(await show("alice")).toContain("no GitHub account linked");
    await linkGithub("alice", "gh-alice");
    expect(await show("alice")).toContain("**@gh-alice**");
    const account = await stack.steward.container.services.db.githubAccount.findFirstOrThrow({
      where: { login: "gh-alice" },
      include: { member: true },
    });
    const state = (await githubControl(github, "GET", "/sandbox/state")) as { users: { login: string; id: number }[] };
    expect(account.githubId).toBe(state.users.find((u) => u.login === "gh-alice")?.id);
    const event = await stack.steward.container.services.db.auditEvent.findFirstOrThrow({
      where: { action: "github.linked", subjectId: account.memberId },
    });
    expect(event.payload).toMatchObject({ login: "gh-alice", githubId: account.githubId, proof: "oauth-device-flow" });
  });

  it("answers at once while GitHub is polled in the background, and the same code again while it waits", async () => {
    const first = finalResponse(await stack.client.run("carol", "github link", {}));
    const again = finalResponse(await stack.client.run("carol", "github link", {}));
    const code = (t: string) => /`([A-Z0-9]{4}-[A-Z0-9]{4})`/.exec(t)?.[1];
    expect(code(again.content)).toBe(code(first.content));
    expect(again.content).toContain("still waiting");
    expect(await show("carol")).toContain(`enter \`${code(first.content)}\``);
    await githubControl(github, "POST", "/sandbox/device/deny", { user_code: code(first.content) });
    await links()?.idle();
    expect(await show("carol")).toContain("You cancelled");
  });

  it("refuses a GitHub account already linked to another member", async () => {
    await linkGithub("mallory", "gh-alice");
    const text = await show("mallory");
    expect(text).toContain("no GitHub account linked");
    expect(text).toContain("@gh-alice is already linked to another member");
  });

  it("unlinks, audited; unlinking twice says there is nothing linked", async () => {
    await linkGithub("carol", "gh-carol");
    expect(await show("carol")).toContain("**@gh-carol**");
    const gone = finalResponse(await stack.client.run("carol", "github unlink", {}));
    expect(gone.content).toContain("@gh-carol is no longer linked");
    expect(await show("carol")).toContain("no GitHub account linked");
    const again = finalResponse(await stack.client.run("carol", "github unlink", {}));
    expect(again.content).toContain("You have no GitHub account linked");
    expect(await stack.steward.container.services.db.auditEvent.count({ where: { action: "github.unlinked" } })).toBe(
      1,
    );
  });
});

/** `/github link login:<login>`: the challenge text of the reply (between the code fences) and the reply. */
async function gistChallenge(user: string, login: string) {
  const reply = finalResponse(await stack.client.run(user, "github link", { login }));
  expect(reply.ephemeral).toBe(true);
  const challenge = /```\n([^\n]+)\n```/.exec(reply.content)?.[1];
  expect(challenge, reply.content).toBeDefined();
  return { reply, challenge: challenge as string };
}

const gist = (owner: string, text: string, isPublic = true) =>
  githubControl(github, "POST", "/sandbox/gists", {
    owner,
    files: { "steward.txt": `${text}\n` },
    public: isPublic,
  });

describe("/github link login: a gist proof, read by API", () => {
  it("links the account whose public gist holds the member's challenge, by GitHub id, audited with the gist", async () => {
    const { reply, challenge } = await gistChallenge("erin", "gh-erin");
    expect(challenge).toContain("gh-erin");
    expect(reply.content).toContain("public");
    expect(await show("erin")).toContain("A gist proof for @gh-erin is waiting");
    const check = componentId(reply, "Check my gist");
    // Before the gist exists: not found, in words, with the challenge again.
    const early = finalResponse(await stack.client.click("erin", reply.messageId as string, check));
    expect(early.content).toContain("No public gist of @gh-erin contains your challenge yet");
    expect(early.content).toContain(challenge);
    // A secret gist does not count (GitHub lists only public ones), nor another user's gist with the same text.
    await gist("gh-erin", challenge, false);
    await gist("gh-carol", challenge);
    const hidden = finalResponse(await stack.client.click("erin", reply.messageId as string, check));
    expect(hidden.content).toContain("No public gist of @gh-erin contains your challenge yet");
    const made = await gist("gh-erin", challenge);
    const done = finalResponse(await stack.client.click("erin", reply.messageId as string, check));
    expect(done.content).toContain("GitHub account **@gh-erin** is linked to you");
    expect(await show("erin")).toContain("**@gh-erin**");
    const state = (await githubControl(github, "GET", "/sandbox/state")) as { users: { login: string; id: number }[] };
    const account = await stack.steward.container.services.db.githubAccount.findFirstOrThrow({
      where: { login: "gh-erin" },
    });
    expect(account.githubId).toBe(state.users.find((u) => u.login === "gh-erin")?.id);
    const event = await stack.steward.container.services.db.auditEvent.findFirstOrThrow({
      where: { action: "github.linked", subjectId: account.memberId },
    });
    expect(event.payload).toMatchObject({
      login: "gh-erin",
      githubId: account.githubId,
      proof: "gist",
      gistId: made.id,
    });
  });

  it("words each failure: no such user, expired challenge, an account linked to someone else", async () => {
    const unknown = finalResponse(await stack.client.run("fay", "github link", { login: "gh-nobody" }));
    expect(unknown.content).toContain("GitHub has no user @gh-nobody");
    const invalid = finalResponse(await stack.client.run("fay", "github link", { login: "not a login" }));
    expect(invalid.content).toContain("is not a GitHub login");

    const first = await gistChallenge("fay", "gh-fay");
    await gist("gh-fay", first.challenge);
    // The hour a challenge lasts has passed.
    await stack.steward.container.services.db.githubLinkAttempt.updateMany({
      where: { login: "gh-fay" },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const late = finalResponse(
      await stack.client.click("fay", first.reply.messageId as string, componentId(first.reply, "Check my gist")),
    );
    expect(late.content).toContain("Your challenge for @gh-fay expired");
    expect(await show("fay")).toContain("no GitHub account linked");

    // gh-alice is alice's (linked by device flow above): fay's gist proof of it is refused.
    const taken = await gistChallenge("fay", "gh-alice");
    await gist("gh-alice", taken.challenge);
    const again = finalResponse(await stack.client.run("fay", "github link", { login: "gh-alice" }));
    expect(again.content).toContain("GitHub account @gh-alice is already linked to another member");
    expect(await show("fay")).toContain("@gh-alice is already linked to another member");
    const none = finalResponse(
      await stack.client.click("fay", taken.reply.messageId as string, componentId(taken.reply, "Check my gist")),
    );
    expect(none.content).toContain("You have no gist challenge waiting");
  });
});

/** Submits a code contribution with `link`, waits for its evaluation and returns the evaluation post's text. */
async function evaluated(user: string, title: string, link: string) {
  const reply = finalResponse(
    await stack.client.submitContribution(user, {
      title,
      category: "code",
      description: "Fixed the crash on start and added a regression test for it.",
      link1: link,
      hours: 30,
    }),
  );
  const id = Number(/#(\d+)/.exec(reply.content)?.[1]);
  await stack.steward.evaluationsIdle();
  const post = (await stack.client.messages("contributions")).find(
    (m) => m.embeds[0]?.title === `Evaluation of #${id} · ${title}`,
  );
  expect(post, `no evaluation post for #${id}`).toBeDefined();
  const evaluation = await stack.steward.container.services.db.evaluation.findUniqueOrThrow({
    where: { activeFor: id },
  });
  return { id, text: textOf(post as never), evaluation };
}

describe("code links checked on GitHub at evaluation", () => {
  it("a member's own merged PR: the evaluation shows what GitHub says; someone else's PR is refused and earns nothing", async () => {
    await linkGithub("dave", "gh-dave");
    const pr = await githubPull(github, {
      owner: "acme",
      repo: "app",
      author: "gh-dave",
      files: [
        { filename: "src/start.ts", additions: 100, deletions: 20 },
        { filename: "src/start.test.ts", additions: 20, deletions: 10 },
        { filename: "package-lock.json", additions: 0, deletions: 0 },
        { filename: "README.md", additions: 0, deletions: 0 },
      ],
      approvedBy: ["gh-carol"],
      mergedBy: "gh-bob",
    });
    const own = await evaluated("dave", "Fix the crash on start", pr.url);
    expect(own.text).toContain(`PR #${pr.number} merged by @gh-bob, authored by you ✓, +120/−30 in 4 files`);
    // Merged by someone else: that merge is the review (the reviews are not asked, a request saved).
    expect(own.text).not.toContain("no approving review");
    expect(own.evaluation.flags).not.toContain("not_authors_work");

    // alice (linked as gh-alice) claims dave's PR: refused as her evidence, in the words.
    const stolen = await evaluated("alice", "I fixed the crash", pr.url);
    expect(stolen.text).toContain(`PR #${pr.number} was authored by @gh-dave: only its author can claim it.`);
    expect(stolen.evaluation.flags).toContain("not_authors_work");
    expect(stolen.text).toContain("someone else authored");
    expect(stolen.evaluation.total).toBeLessThan(own.evaluation.total);
    expect(BigInt(stolen.evaluation.suggestedReward.toFixed())).toBeLessThan(
      BigInt(own.evaluation.suggestedReward.toFixed()),
    );
  });

  it("the same PR claimed again by its author is held as a claim already made (it pays once)", async () => {
    const pr = await githubPull(github, { owner: "acme", repo: "twice", author: "gh-dave", mergedBy: "gh-bob" });
    const first = await evaluated("dave", "Twice, first", pr.url);
    expect(first.evaluation.flags).not.toContain("possible_duplicate_claim");
    const second = await evaluated("dave", "Twice, again", `${pr.url}/files`);
    expect(second.evaluation.flags).toEqual(expect.arrayContaining(["possible_duplicate_claim", "needs_human"]));
  });

  it("a link GitHub does not know stays a claim, marked as such", async () => {
    const { text, evaluation } = await evaluated("dave", "Unknown PR", "https://github.com/acme/app/pull/4242");
    expect(text).toContain("github.com/acme/app/pr/4242: not checked (not found on GitHub, or private)");
    expect(evaluation.flags).not.toContain("not_authors_work");
  });

  it("interactions never wait on GitHub: /contribute is answered in time while the local GitHub does not answer", async () => {
    await githubControl(github, "PUT", "/sandbox/latency", { ms: 60_000 });
    try {
      const started = Date.now();
      const reply = finalResponse(
        await stack.client.submitContribution("dave", {
          title: "While GitHub hangs",
          category: "code",
          description: "Fixed the crash on start and added a regression test for it.",
          link1: "https://github.com/acme/app/pull/1",
        }),
      );
      // Discord's 3-second rule, which the sandbox enforces too.
      expect(Date.now() - started).toBeLessThan(3_000);
      const id = Number(/#(\d+)/.exec(reply.content)?.[1]);
      expect(id).toBeGreaterThan(0);
      // The evaluation waited GITHUB_FACTS_TIMEOUT for facts, then counted the link as a claim.
      await stack.steward.evaluationsIdle();
      const evaluation = await stack.steward.container.services.db.evaluation.findUniqueOrThrow({
        where: { activeFor: id },
      });
      expect(evaluation.githubFacts).toEqual([expect.objectContaining({ status: "claim", reason: "timeout" })]);
    } finally {
      await githubControl(github, "PUT", "/sandbox/latency", { ms: 0 });
    }
  });
});

describe("/github in the member's language", () => {
  it("a zh-CN member reads /github show, the gist proof, its button and its outcome in Chinese", async () => {
    await stack.client.createUser("wen", ["Member"], { locale: "zh-CN" });
    await githubControl(github, "POST", "/sandbox/users", { login: "gh-wen" });
    expect(await show("wen")).toBe(
      "你还没有关联GitHub账号。用`/github link`关联一个：在此之前，你的代码链接只是自述，而非已核实的事实。",
    );
    const { reply, challenge } = await gistChallenge("wen", "gh-wen");
    expect(reply.content.startsWith("要证明你控制GitHub账号@gh-wen，请以@gh-wen的身份创建一个**公开**gist")).toBe(true);
    expect(reply.content).toMatch(/验证文本将在<t:\d+:R>过期。然后点击\*\*检查我的gist\*\*/);
    const check = componentId(reply, "检查我的gist");
    const early = finalResponse(await stack.client.click("wen", reply.messageId as string, check));
    expect(early.content.startsWith("@gh-wen的公开gist中还没有你的验证文本")).toBe(true);
    await gist("gh-wen", challenge);
    const done = finalResponse(await stack.client.click("wen", reply.messageId as string, check));
    expect(done.content).toBe(
      "GitHub账号**@gh-wen**已关联到你：Steward在它的公开gist中找到了你的验证文本。它编写的拉取请求都算作你的。",
    );
  });
});
