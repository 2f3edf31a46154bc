import { describe, expect, it } from "vitest";
import { databaseFreeTests } from "../helpers/databaseFreeTests.ts";

describe("tests the second database pass leaves out", () => {
  const free = databaseFreeTests(process.cwd());

  it("are those that reach no database, directly or through what they import", () => {
    expect(free).toContain("test/services/tally.test.ts");
    expect(free).toContain("test/contracts/distributorV2.test.ts");
    // Through a helper: serviceDeps opens the test database.
    expect(free).not.toContain("test/services/pendingPosts.test.ts");
    // Through the Discord sandbox stack, which starts Steward.
    expect(free).not.toContain("test/e2e/realServer.test.ts");
  });

  it("never include a test that starts a process, whatever database its environment may name", () => {
    expect(free).not.toContain("test/cli/invite.test.ts");
    expect(free.every((f) => f.startsWith("test/") && f.endsWith(".test.ts"))).toBe(true);
  });
});
