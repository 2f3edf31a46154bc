import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/openDatabase.ts";
import { newProcessInstance } from "../../src/services/instances/processInstance.ts";
import { enqueuePosts } from "../../src/services/publishing/enqueuePosts.ts";
import {
  claimPosts,
  claimPostsToReport,
  duePosts,
  failPosts,
  finishPosts,
} from "../../src/services/publishing/pendingPosts.ts";
import { serviceDeps } from "../helpers/serviceDeps.ts";
import { createTestDatabase } from "../helpers/testDatabase.ts";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const guildId = "100000000000000001";
const refused = {
  channel: "#contributions",
  reason: "there is no text channel named #contributions",
  nothingSent: true,
};

describe("the outbox", () => {
  it("keeps one row per subject, and a change made while its post was being sent is sent too", async () => {
    const deps = serviceDeps(database);
    await enqueuePosts(deps.db, deps.now(), [{ guildId, kind: "proposal", subjectId: 900 }]);
    await enqueuePosts(deps.db, deps.now(), [{ guildId, kind: "proposal", subjectId: 900 }]);
    const [row] = await claimPosts(deps, await duePosts(deps, ["proposal"], 10));
    expect(row).toMatchObject({ subjectId: 900, version: 1, claimedBy: deps.instance.id });
    // Another process finds nothing to take while it is claimed.
    const other = { ...deps, instance: newProcessInstance("other") };
    expect(await claimPosts(other, await duePosts(other, ["proposal"], 10))).toEqual([]);
    // A vote changes the tally while the edit is on its way: the row stays for one more edit.
    await enqueuePosts(deps.db, deps.now(), [{ guildId, kind: "proposal", subjectId: 900 }]);
    await finishPosts(deps, [row as NonNullable<typeof row>]);
    const again = await duePosts(deps, ["proposal"], 10);
    expect(again.map((r) => [r.subjectId, r.version, r.claimedBy])).toEqual([[900, 2, null]]);
    await finishPosts(deps, await claimPosts(deps, again));
    expect(await database.prisma.pendingPost.count({ where: { subjectId: 900 } })).toBe(0);
  });

  it("a refused post whose subject changed while it was being sent is tried again at once, with the newest state", async () => {
    const deps = serviceDeps(database);
    await enqueuePosts(deps.db, deps.now(), [{ guildId, kind: "appeal", subjectId: 902 }]);
    const [row] = await claimPosts(deps, await duePosts(deps, ["appeal"], 10));
    // A moderator decides the appeal while its first post is on its way, and Discord refuses that post.
    await enqueuePosts(deps.db, deps.now(), [{ guildId, kind: "appeal", subjectId: 902 }]);
    await failPosts(deps, [row as NonNullable<typeof row>], refused);
    const again = await duePosts(deps, ["appeal"], 10);
    expect(again.map((r) => [r.subjectId, r.version, r.attempts, r.reason])).toEqual([[902, 1, 1, refused.reason]]);
    // Refused again with nothing changed: now it waits for its backoff.
    await failPosts(deps, await claimPosts(deps, again), refused);
    expect(await duePosts(deps, ["appeal"], 10)).toEqual([]);
    await database.prisma.pendingPost.deleteMany({ where: { subjectId: 902 } });
  });

  it("releases a stopped process's claims at once when its instance row goes", async () => {
    const deps = serviceDeps(database);
    await enqueuePosts(deps.db, deps.now(), [{ guildId, kind: "result", subjectId: 901 }]);
    await claimPosts(deps, await duePosts(deps, ["result"], 10));
    const other = { ...deps, instance: newProcessInstance("other") };
    expect(await duePosts(other, ["result"], 10)).toEqual([]);
    await database.prisma.stewardInstance.delete({ where: { id: deps.instance.id } });
    expect((await duePosts(other, ["result"], 10)).map((r) => r.subjectId)).toEqual([901]);
  });

  it("are reported to moderators once when they keep failing, even by two publishers at the same moment", async () => {
    const deps = serviceDeps(database);
    for (let subjectId = 1; subjectId <= 20; subjectId++) {
      await enqueuePosts(deps.db, deps.now(), [{ guildId, kind: "contribution", subjectId }]);
    }
    const rows = await database.prisma.pendingPost.findMany({ where: { kind: "contribution" } });
    for (let attempt = 0; attempt < 3; attempt++) {
      const current = await database.prisma.pendingPost.findMany({ where: { id: { in: rows.map((r) => r.id) } } });
      await failPosts(deps, current, refused);
    }
    const runs = await Promise.all(Array.from({ length: 16 }, () => claimPostsToReport(deps)));
    const claimed = runs.flat().map((r) => r.subjectId ?? 0);
    expect(claimed.sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(await claimPostsToReport(deps)).toEqual([]);
  });
});
