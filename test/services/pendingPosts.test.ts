import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/openDatabase.ts";
import { claimPostsToReport, recordPostFailure } from "../../src/services/publishing/pendingPosts.ts";
import { serviceDeps } from "../helpers/serviceDeps.ts";
import { createTestDatabase } from "../helpers/testDatabase.ts";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

describe("posts that keep failing", () => {
  it("are reported to moderators once, even by two repost runs at the same moment", async () => {
    const deps = serviceDeps(database);
    for (let subjectId = 1; subjectId <= 20; subjectId++) {
      for (let attempt = 0; attempt < 3; attempt++) {
        await recordPostFailure(deps, {
          guildId: "100000000000000001",
          kind: "contribution",
          subjectId,
          channel: "#contributions",
          reason: "there is no text channel named #contributions",
        });
      }
    }
    const runs = await Promise.all(Array.from({ length: 16 }, () => claimPostsToReport(deps)));
    const claimed = runs.flat().map((r) => r.subjectId);
    expect(claimed.sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(await claimPostsToReport(deps)).toEqual([]);
  });
});
