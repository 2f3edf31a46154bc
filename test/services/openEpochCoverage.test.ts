import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/openDatabase.ts";
import { submitContribution } from "../../src/services/contributions/submitContribution.ts";
import type { ServiceDeps } from "../../src/services/deps.ts";
import { epochStatus } from "../../src/services/epochs/epochStatus.ts";
import { publicEpochs, publicSummary } from "../../src/services/transparency/publicData.ts";
import { actor, serviceDeps } from "../helpers/serviceDeps.ts";
import { createTestDatabase } from "../helpers/testDatabase.ts";

let database: Database;
let deps: ServiceDeps & { clock: { now: Date } };
beforeAll(async () => {
  database = await createTestDatabase();
  deps = serviceDeps(database);
});
afterAll(() => database.close());

describe("the open epoch", () => {
  it("starts no later than the contributions it covers, and the summary and the epoch list count them alike", async () => {
    const alice = actor("900000000000000011", "alice");
    const submittedAt = new Date(deps.clock.now);
    await submitContribution(deps, alice, {
      title: "Fix the docs",
      description: "Rewrote the quick start so it works on a fresh clone.",
      category: "docs",
      links: [],
    });
    // Nobody asked about the epoch until ten minutes later: that is when it is first opened.
    deps.clock.now = new Date(deps.clock.now.getTime() + 600_000);
    const status = await epochStatus(deps, alice.guildId);
    expect(status.epoch.startsAt.getTime()).toBeLessThanOrEqual(submittedAt.getTime());

    const summary = await publicSummary(deps, alice.guildId);
    const epochs = await publicEpochs(deps, alice.guildId, 20);
    expect(summary.openEpoch?.contributions).toBe(1);
    expect(epochs.items[0]).toMatchObject({ number: 1, status: "open", contributions: 1 });
  });
});
