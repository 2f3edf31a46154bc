import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/openDatabase.ts";
import { isUserError } from "../../src/services/errors.ts";
import { githubAccountOf, linkGithubAccount, startGithubLink } from "../../src/services/github/linkGithub.ts";
import { actor, serviceDeps } from "../helpers/serviceDeps.ts";
import { createTestDatabase } from "../helpers/testDatabase.ts";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

describe("a member's GitHub account", () => {
  it("one GitHub account per member per guild: relinking replaces it (audited with the previous), another's is refused", async () => {
    const deps = serviceDeps(database);
    const dana = actor("800000000000000001");
    const erin = actor("800000000000000002");
    expect(await linkGithubAccount(deps, dana, { login: "dana", githubId: 11 })).toBe("linked");
    expect(await linkGithubAccount(deps, erin, { login: "dana", githubId: 11 })).toBe("taken");
    expect(await linkGithubAccount(deps, dana, { login: "dana-new", githubId: 12 })).toBe("relinked");
    expect((await githubAccountOf(deps, dana)).account).toMatchObject({ login: "dana-new", githubId: 12 });
    expect((await githubAccountOf(deps, erin)).account).toBeNull();
    // The account dana left is free again.
    expect(await linkGithubAccount(deps, erin, { login: "dana", githubId: 11 })).toBe("linked");
    const relinked = await database.prisma.auditEvent.findFirstOrThrow({ where: { action: "github.relinked" } });
    expect(relinked.payload).toMatchObject({ login: "dana-new", previousLogin: "dana", previousGithubId: 11 });
    // The same GitHub account in another guild is another member's business.
    const other = { ...erin, guildId: "100000000000000009" };
    expect(await linkGithubAccount(deps, other, { login: "dana-new", githubId: 12 })).toBe("linked");
  });

  it("two members approving the same account at once: exactly one gets it", async () => {
    const deps = serviceDeps(database);
    const outcomes = await Promise.all(
      ["800000000000000011", "800000000000000012", "800000000000000013"].map((id) =>
        linkGithubAccount(deps, actor(id), { login: "shared", githubId: 99 }),
      ),
    );
    expect(outcomes.filter((o) => o === "linked")).toHaveLength(1);
    expect(outcomes.filter((o) => o === "taken")).toHaveLength(2);
  });

  it("without a GitHub OAuth app, /github link is refused as not set up (nothing is asked of GitHub)", async () => {
    const deps = serviceDeps(database);
    const error = await startGithubLink(deps, actor("800000000000000021")).catch((e: unknown) => e);
    expect(isUserError(error) && error.code).toBe("github_off");
  });
});

describe("/github link without an OAuth app", () => {
  it("asks for the gist proof (login:) instead of a device code", async () => {
    const { DeviceLinks } = await import("../../src/services/github/deviceLinks.ts");
    const deps = serviceDeps(database);
    deps.github = { apiUrl: "http://127.0.0.1:9", factsTimeoutMs: 1_000, links: new DeviceLinks() };
    const error = await startGithubLink(deps, actor("800000000000000041")).catch((e: unknown) => e);
    expect(isUserError(error) && error.code).toBe("github_login_needed");
  });
});

describe("/github link with a GitHub that does not answer", () => {
  it("says GitHub did not answer once the wait for a code is over, instead of holding the member", async () => {
    const { createServer } = await import("node:http");
    const { DeviceLinks } = await import("../../src/services/github/deviceLinks.ts");
    // Accepts connections and never answers.
    const silent = createServer(() => {});
    await new Promise<void>((r) => silent.listen(0, "127.0.0.1", () => r()));
    const deps = serviceDeps(database);
    deps.github = {
      apiUrl: `http://127.0.0.1:${(silent.address() as { port: number }).port}`,
      clientId: "Iv1.test",
      factsTimeoutMs: 1_000,
      links: new DeviceLinks(),
    };
    try {
      const started = Date.now();
      const error = await startGithubLink(deps, actor("800000000000000031"), undefined, 300).catch((e: unknown) => e);
      expect(isUserError(error) && error.code).toBe("github_unreachable");
      expect(Date.now() - started).toBeLessThan(2_000);
    } finally {
      deps.github.links.stop();
      silent.closeAllConnections();
      silent.close();
    }
  });
});
