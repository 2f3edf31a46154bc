import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/openDatabase.ts";
import { captureMergedPull, draftText, type MergedPullEvent } from "../../src/services/github/captureMergedPull.ts";
import { linkGithubAccount } from "../../src/services/github/linkGithub.ts";
import { actor, serviceDeps } from "../helpers/serviceDeps.ts";
import { createTestDatabase } from "../helpers/testDatabase.ts";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const pull = (over: Partial<MergedPullEvent["pull"]> = {}): MergedPullEvent["pull"] => ({
  nodeId: "PR_kwDO1",
  merged: true,
  url: "http://127.0.0.1:1/acme/app/pull/7",
  title: "Fix the start",
  body: "Fixed the crash on start.",
  number: 7,
  repository: "acme/app",
  author: { id: 501, login: "octo" },
  ...over,
});

describe("a merged PR drafted for its linked author", () => {
  it("the draft's text: the PR's title and description, or what the PR is when it has no words", () => {
    expect(draftText(pull())).toEqual({ title: "Fix the start", description: "Fixed the crash on start." });
    expect(draftText(pull({ body: null })).description).toBe("Merged pull request acme/app#7: Fix the start");
    expect(draftText(pull({ body: " 123 " })).description).toBe("Merged pull request acme/app#7: Fix the start");
    expect(draftText(pull({ title: "x".repeat(300) })).title).toHaveLength(120);
  });

  it("deliveries at once, redeliveries and other deliveries of the same PR: one draft, with the github.com link", async () => {
    const deps = serviceDeps(database);
    await linkGithubAccount(deps, actor("820000000000000001"), { login: "octo", githubId: 501 });
    const outcomes = await Promise.all(
      ["d-1", "d-1", "d-2", "d-3"].map((deliveryId) =>
        captureMergedPull(deps, { deliveryId, action: "closed", pull: pull() }),
      ),
    );
    expect(outcomes.filter((o) => o.status === "drafted" && o.drafts === 1)).toHaveLength(1);
    const drafts = await database.prisma.githubDraft.findMany();
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({ url: "https://github.com/acme/app/pull/7", status: "waiting" });
    expect(await database.prisma.pendingPost.count({ where: { kind: "github_draft" } })).toBe(1);
  });

  it("ignores a PR closed unmerged, and one whose author is not linked", async () => {
    const deps = serviceDeps(database);
    expect(
      await captureMergedPull(deps, { deliveryId: "u-1", action: "closed", pull: pull({ merged: false }) }),
    ).toEqual({ status: "ignored", reason: "not_merged" });
    expect(
      await captureMergedPull(deps, {
        deliveryId: "u-2",
        action: "closed",
        pull: pull({ author: { id: 9, login: "x" } }),
      }),
    ).toEqual({ status: "ignored", reason: "author_not_linked" });
  });
});
