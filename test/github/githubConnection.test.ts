import { Octokit } from "@octokit/rest";
import { describe, expect, it } from "vitest";
import { GITHUB_API, githubConnection, githubSandboxPort } from "../../src/githubConnection.ts";
import { startTestStack } from "../helpers/startTestStack.ts";
import { testConfig } from "../helpers/testConfig.ts";

const local = { url: "http://127.0.0.1:3220", token: "ghp_local", clientId: "Iv1.sandbox" };

describe("which GitHub Steward reads", () => {
  it("none, with no GITHUB_* setting and no sandbox: the feature is off", () => {
    expect(githubConnection(testConfig({ DISCORD_TOKEN: "x" }), undefined)).toBeUndefined();
  });

  it("GitHub itself once a token or an OAuth app is configured", () => {
    expect(githubConnection(testConfig({ GITHUB_TOKEN: "ghp_real" }), undefined)).toMatchObject({
      apiUrl: GITHUB_API,
      token: "ghp_real",
      clientId: undefined,
    });
    expect(githubConnection(testConfig({ GITHUB_CLIENT_ID: "Iv1.real" }), undefined)?.clientId).toBe("Iv1.real");
  });

  it("the local GitHub in the sandbox, each setting overriding its part", () => {
    expect(githubConnection(testConfig(), local)).toMatchObject({
      apiUrl: local.url,
      token: "ghp_local",
      clientId: "Iv1.sandbox",
    });
    expect(githubConnection(testConfig({ GITHUB_TOKEN: "ghp_mine" }), local)?.token).toBe("ghp_mine");
    // Another GitHub named: the local one's token and app mean nothing there.
    expect(githubConnection(testConfig({ GITHUB_API_URL: "https://ghe.example/api/v3/" }), local)).toMatchObject({
      apiUrl: "https://ghe.example/api/v3",
      token: undefined,
      clientId: undefined,
    });
  });

  it("the local GitHub's port: 3220, a free one beside SANDBOX_PORT=0, or GITHUB_SANDBOX_PORT", () => {
    expect(githubSandboxPort(testConfig({ SANDBOX_PORT: "3210" }))).toBe(3220);
    expect(githubSandboxPort(testConfig({ SANDBOX_PORT: "0" }))).toBe(0);
    expect(githubSandboxPort(testConfig({ GITHUB_SANDBOX_PORT: "4321" }))).toBe(4321);
    expect(() => testConfig({ GITHUB_SANDBOX_PORT: "http" })).toThrow(/GITHUB_SANDBOX_PORT/);
  });

  it("the sandbox stack starts the local GitHub and reads it with a user of its own", async () => {
    const stack = await startTestStack();
    try {
      const github = stack.steward.github;
      expect(github).toBeDefined();
      const deps = stack.steward.container.services.github;
      expect(deps?.apiUrl).toBe(github?.url);
      const octokit = new Octokit({ baseUrl: deps?.apiUrl, auth: deps?.token });
      const me = await octokit.rest.users.getAuthenticated();
      expect(me.data.login).toBe("steward-reader");
    } finally {
      await stack.stop();
    }
  });
});

describe("the local GitHub's default port taken", () => {
  it("listens on a free one instead (and says so); a chosen port taken is an error", async () => {
    const { createServer } = await import("node:net");
    const { startLocalGithub } = await import("../../src/startLocalGithub.ts");
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, "127.0.0.1", () => r()));
    const taken = (blocker.address() as { port: number }).port;
    const lines: string[] = [];
    try {
      const started = await startLocalGithub({
        port: taken,
        anyPortIfTaken: true,
        host: "127.0.0.1",
        log: (l) => lines.push(l),
      });
      expect(new URL(started.sandbox.url).port).not.toBe(String(taken));
      expect(lines.join("\n")).toContain(`port ${taken} is taken`);
      await started.sandbox.close();
      await expect(startLocalGithub({ port: taken, host: "127.0.0.1", log: () => {} })).rejects.toThrow(
        /already in use/,
      );
    } finally {
      blocker.close();
    }
  });
});
