import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defaultSpecPath, SpecValidator } from "@steward/discord-sandbox";
import { type GithubSandbox, startGithubSandbox } from "@steward/github-sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/openDatabase.ts";
import { createLogger } from "../../src/logger.ts";
import { type Steward, startSteward } from "../../src/startSteward.ts";
import { githubControl } from "../helpers/localGithub.ts";
import { finalResponse, SandboxClient } from "../helpers/sandboxClient.ts";
import { testConfig } from "../helpers/testConfig.ts";
import { createTestDatabase } from "../helpers/testDatabase.ts";
import { until } from "../helpers/until.ts";

// GitHub keeps running while Steward restarts: the local GitHub here is the test's, not Steward's own.
const dataDir = mkdtempSync(join(tmpdir(), "steward-github-restart-"));
const validator = new SpecValidator(defaultSpecPath());
let github: GithubSandbox;
let database: Database;
let steward: Steward;
let client: SandboxClient;

async function start() {
  const config = testConfig({
    STEWARD_DATA_DIR: dataDir,
    GITHUB_API_URL: github.url,
    GITHUB_CLIENT_ID: "Iv1.sandbox",
    GITHUB_TOKEN: github.state.addUser({ login: `reader-${Date.now()}` }).token,
  });
  steward = await startSteward(config, createLogger({ level: "silent" }), {
    database: { ...database, close: async () => {} },
    validator,
    scheduler: false,
    sandboxState: "persist",
  });
  client = new SandboxClient((steward.sandbox as NonNullable<Steward["sandbox"]>).url, () => steward.postsIdle());
}

beforeAll(async () => {
  github = await startGithubSandbox({ deviceInterval: 1 });
  await githubControl(github.url, "POST", "/sandbox/users", { login: "gh-gus" });
  database = await createTestDatabase();
  await start();
  await client.createUser("gus", ["Member"]);
}, 60_000);
afterAll(async () => {
  await steward?.stop();
  await database?.close();
  await github?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const show = async () => finalResponse(await client.run("gus", "github show", {})).content;

describe("/github link across a restart of Steward", () => {
  it("a device flow pending when Steward stops is polled again at the next start and links the account", async () => {
    const reply = finalResponse(await client.run("gus", "github link", {}));
    const code = /`([A-Z0-9]{4}-[A-Z0-9]{4})`/.exec(reply.content)?.[1];
    expect(code, reply.content).toBeDefined();
    await steward.stop();
    // The member enters the code while Steward is down.
    await githubControl(github.url, "POST", "/sandbox/device/approve", { user_code: code, login: "gh-gus" });
    await start();
    expect(await show()).toMatch(/\*\*@gh-gus\*\*|enter `/);
    await until("the resumed flow to link gh-gus", async () => (await show()).includes("**@gh-gus**"), 15_000);
    const account = await database.prisma.githubAccount.findFirstOrThrow({ where: { login: "gh-gus" } });
    expect(account.githubId).toBe(github.state.user("gh-gus").id);
    expect(github.violations).toEqual([]);
  });
});
