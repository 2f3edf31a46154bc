import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { githubControl } from "../helpers/localGithub.ts";
import { finalResponse } from "../helpers/sandboxClient.ts";
import { startTestStack, type TestStack } from "../helpers/startTestStack.ts";

let stack: TestStack;
let github: string;
beforeAll(async () => {
  stack = await startTestStack();
  github = stack.steward.github?.url ?? "";
  for (const name of ["alice", "carol", "mallory"]) {
    await stack.client.createUser(name, ["Member"]);
    await githubControl(github, "POST", "/sandbox/users", { login: `gh-${name}` });
  }
}, 60_000);
afterAll(() => stack?.stop());
afterEach(() => stack.expectNoSpecViolations());

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
