import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { githubControl, githubPull } from "../helpers/localGithub.ts";
import { finalResponse, textOf } from "../helpers/sandboxClient.ts";
import { startTestStack, type TestStack } from "../helpers/startTestStack.ts";

let stack: TestStack;
let github: string;
beforeAll(async () => {
  // A short wait for facts, so that the hanging-GitHub test's evaluation gives up within the test.
  stack = await startTestStack({ GITHUB_FACTS_TIMEOUT: "3s" }, { githubSpec: true });
  github = stack.steward.github?.url ?? "";
  for (const name of ["alice", "carol", "mallory", "dave"]) {
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
