import { createHmac } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { isUserError } from "../../src/services/errors.ts";
import { decideGithubDraft } from "../../src/services/github/captureMergedPull.ts";
import { componentId } from "../helpers/governance.ts";
import { githubControl, githubPull } from "../helpers/localGithub.ts";
import { finalResponse, textOf } from "../helpers/sandboxClient.ts";
import { startTestStack, type TestStack } from "../helpers/startTestStack.ts";

const SECRET = "whsec-sandbox-0123456789";
let stack: TestStack;
let github: string;
let hook: string;
beforeAll(async () => {
  stack = await startTestStack({ GITHUB_WEBHOOK_SECRET: SECRET }, { githubSpec: true });
  github = stack.steward.github?.url ?? "";
  hook = `${stack.steward.http.url}/api/github/webhook`;
  for (const name of ["hana", "ivan"]) {
    await stack.client.createUser(name, ["Member"]);
    await githubControl(github, "POST", "/sandbox/users", { login: `gh-${name}` });
  }
  await linkByGist("hana", "gh-hana");
}, 60_000);
afterAll(() => stack?.stop());
afterEach(() => {
  stack.expectNoSpecViolations();
  expect(stack.steward.github?.violations).toEqual([]);
});

const db = () => stack.steward.container.services.db;

/** Links `user` to `login` by the gist proof. */
async function linkByGist(user: string, login: string) {
  const reply = finalResponse(await stack.client.run(user, "github link", { login }));
  const challenge = /```\n([^\n]+)\n```/.exec(reply.content)?.[1];
  await githubControl(github, "POST", "/sandbox/gists", { owner: login, files: { "proof.txt": challenge } });
  const done = finalResponse(
    await stack.client.click(user, reply.messageId as string, componentId(reply, "Check my gist")),
  );
  expect(done.content).toContain(`**@${login}** is linked to you`);
}

/** The local GitHub delivers a signed `pull_request` event of the PR to Steward, as GitHub does. */
async function deliver(number: number, repo: string, extra: Record<string, unknown> = {}) {
  const out = (await githubControl(github, "POST", "/sandbox/webhooks/deliver", {
    url: hook,
    secret: SECRET,
    owner: "acme",
    repo,
    number,
    ...extra,
  })) as { delivery_id: string; status: number; body: string };
  return { ...out, json: JSON.parse(out.body || "{}") as Record<string, unknown> };
}

describe("capture: a linked member's merged PR, delivered by GitHub's webhook, drafts a contribution", () => {
  it("drafts once per PR (redeliveries too); the member submits it and it is evaluated with GitHub's facts", async () => {
    const pr = await githubPull(github, {
      owner: "acme",
      repo: "hooks",
      author: "gh-hana",
      title: "Retry the webhook on 502",
      mergedBy: "gh-ivan",
    });
    const first = await deliver(pr.number, "hooks");
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({ status: "drafted", drafts: 1 });
    // The same delivery again (GitHub's "Redeliver"), then a new delivery of the same PR: still one draft.
    expect((await deliver(pr.number, "hooks", { delivery_id: first.delivery_id })).json).toEqual({
      status: "duplicate_delivery",
    });
    expect((await deliver(pr.number, "hooks")).json).toMatchObject({ status: "drafted", drafts: 0, alreadyDrafted: 1 });
    expect(await db().githubDraft.count()).toBe(1);

    await stack.steward.postsIdle();
    const post = (await stack.client.messages("contributions")).find((m) => m.content.includes("drafted a code"));
    expect(post, "no draft post").toBeDefined();
    const message = post as NonNullable<typeof post>;
    expect(message.content).toContain(`https://github.com/acme/hooks/pull/${pr.number}`);
    // Nothing is submitted until the member says so.
    expect(await db().contribution.count({ where: { title: "Retry the webhook on 502" } })).toBe(0);
    const submit = componentId(message, "Submit it");
    const stranger = finalResponse(await stack.client.click("ivan", message.id, submit));
    expect(stranger.content).toContain("is not yours");
    const done = finalResponse(await stack.client.click("hana", message.id, submit));
    const id = Number(/contribution #(\d+)/.exec(done.content)?.[1]);
    expect(id, done.content).toBeGreaterThan(0);
    expect(done.components).toEqual([]);
    // The buttons are gone; a second confirmation (a click racing the first) submits nothing more.
    const draft = await db().githubDraft.findFirstOrThrow({ where: { contributionId: id } });
    const twice = await decideGithubDraft(
      stack.steward.container.services,
      { guildId: draft.guildId, discordId: draft.discordId, username: draft.username },
      draft.id,
      "confirm",
    ).catch((e: unknown) => e);
    expect(isUserError(twice) && twice.code).toBe("github_draft_decided");

    await stack.steward.evaluationsIdle();
    await stack.steward.postsIdle();
    const evaluation = (await stack.client.messages("contributions")).find(
      (m) => m.embeds[0]?.title === `Evaluation of #${id} · Retry the webhook on 502`,
    );
    expect(evaluation, "no evaluation post").toBeDefined();
    expect(textOf(evaluation as never)).toContain(`PR #${pr.number} merged by @gh-ivan, authored by you ✓`);
    expect(await db().contribution.count({ where: { title: "Retry the webhook on 502" } })).toBe(1);
  });

  it("discard drops the draft; a PR by someone not linked, or not merged, drafts nothing", async () => {
    const pr = await githubPull(github, { owner: "acme", repo: "hooks", author: "gh-hana", mergedBy: "gh-ivan" });
    await deliver(pr.number, "hooks");
    await stack.steward.postsIdle();
    const post = (await stack.client.messages("contributions")).find(
      (m) => m.content.includes(`/pull/${pr.number}`) && m.components.length > 0,
    );
    const dropped = finalResponse(
      await stack.client.click("hana", post?.id as string, componentId(post as never, "Discard")),
    );
    expect(dropped.content).toContain("was discarded: nothing was submitted");

    const theirs = await githubPull(github, { owner: "acme", repo: "hooks", author: "gh-ivan", mergedBy: "gh-hana" });
    const notLinked = await deliver(theirs.number, "hooks");
    expect(notLinked.status).toBe(202);
    expect(notLinked.json).toEqual({ status: "ignored", reason: "author_not_linked" });
    const open = await githubPull(github, { owner: "acme", repo: "hooks", author: "gh-hana" });
    expect((await deliver(open.number, "hooks", { action: "opened" })).json).toEqual({
      status: "ignored",
      reason: "not_merged",
    });
    expect(await db().githubDraft.count()).toBe(2);
  });

  it("refuses a bad signature (401) and acknowledges other events (202), logging neither the secret nor the signature", async () => {
    const body = JSON.stringify({ action: "closed", pull_request: { node_id: "x", merged: true } });
    const forged = `sha256=${createHmac("sha256", "not-the-secret").update(body).digest("hex")}`;
    const post = (headers: Record<string, string>) =>
      fetch(hook, {
        method: "POST",
        headers: { "content-type": "application/json", "x-github-event": "pull_request", ...headers },
        body,
      });
    expect((await post({ "x-github-delivery": "d-1", "x-hub-signature-256": forged })).status).toBe(401);
    expect((await post({ "x-github-delivery": "d-2" })).status).toBe(401);
    const ping = await deliver(0, "hooks", { event: "ping" });
    expect(ping.status).toBe(202);
    const lines = stack.logs.filter((l) => l.component === "github-webhook");
    expect(lines.some((l) => l.deliveryId === "d-1" && String(l.msg).includes("refused"))).toBe(true);
    const logged = JSON.stringify(stack.logs);
    expect(logged).not.toContain(SECRET);
    expect(logged).not.toContain(forged);
  });
});
