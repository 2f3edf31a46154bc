import { createOAuthDeviceAuth } from "@octokit/auth-oauth-device";
import { Octokit } from "@octokit/rest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type GithubSandbox, startGithubSandbox } from "../src/index.ts";
import { controlCall } from "./world.ts";

let sandbox: GithubSandbox;
const CLIENT_ID = "Iv1.sandbox";

beforeAll(async () => {
  // An interval of 0: the library polls at once; GitHub's 5 seconds would make these tests slow.
  sandbox = await startGithubSandbox({ deviceInterval: 0 });
  await controlCall(sandbox, "POST", "/sandbox/users", { login: "dana" });
});
afterAll(() => sandbox.close());

/** What @octokit/oauth-methods sends: JSON, answered as JSON. */
async function oauth(path: string, body: Record<string, unknown>) {
  const res = await fetch(`${sandbox.url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as Record<string, unknown>;
}

const poll = (deviceCode: unknown) =>
  oauth("/login/oauth/access_token", {
    client_id: CLIENT_ID,
    device_code: deviceCode,
    grant_type: "urn:ietf:params:oauth:grant-type:device_code",
  });

describe("the OAuth device flow", () => {
  it("end to end with @octokit/auth-oauth-device: the member types the code, Octokit gets a token for their login", async () => {
    const seen: { verification_uri: string; user_code: string }[] = [];
    const octokit = new Octokit({
      baseUrl: sandbox.url,
      authStrategy: createOAuthDeviceAuth,
      auth: {
        clientType: "oauth-app",
        clientId: CLIENT_ID,
        scopes: [],
        onVerification: async (verification: { verification_uri: string; user_code: string }) => {
          seen.push(verification);
          // The member opens the page and types the code, a little later.
          setTimeout(
            () =>
              void controlCall(sandbox, "POST", "/sandbox/device/approve", {
                user_code: verification.user_code,
                login: "dana",
              }),
            50,
          );
        },
      },
    });
    const { data } = await octokit.rest.users.getAuthenticated();
    expect(data.login).toBe("dana");
    expect(seen).toHaveLength(1);
    expect(seen[0]?.verification_uri).toBe(`${sandbox.url}/login/device`);
    expect(seen[0]?.user_code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
  });

  it("answers authorization_pending until approved, then a token once; the code cannot be exchanged twice", async () => {
    const code = await oauth("/login/device/code", { client_id: CLIENT_ID, scope: "" });
    expect(code).toMatchObject({ expires_in: 900, interval: 0, verification_uri: `${sandbox.url}/login/device` });
    expect((await poll(code.device_code)).error).toBe("authorization_pending");
    await controlCall(sandbox, "POST", "/sandbox/device/approve", { user_code: code.user_code, login: "dana" });
    const token = await poll(code.device_code);
    expect(token).toMatchObject({ token_type: "bearer", access_token: expect.stringMatching(/^gho_/) });
    const me = await new Octokit({
      baseUrl: sandbox.url,
      auth: String(token.access_token),
    }).rest.users.getAuthenticated();
    expect(me.data.login).toBe("dana");
    expect((await poll(code.device_code)).error).toBe("incorrect_device_code");
  });

  it("answers slow_down, with an interval 5 seconds longer, to a client that polls faster than asked", async () => {
    const slow = await startGithubSandbox({ deviceInterval: 5 });
    try {
      const res = await fetch(`${slow.url}/login/device/code`, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json" },
        body: JSON.stringify({ client_id: CLIENT_ID }),
      });
      const code = (await res.json()) as { device_code: string; interval: number };
      expect(code.interval).toBe(5);
      const again = async () =>
        (await (
          await fetch(`${slow.url}/login/oauth/access_token`, {
            method: "POST",
            headers: { "content-type": "application/json", accept: "application/json" },
            body: JSON.stringify({
              client_id: CLIENT_ID,
              device_code: code.device_code,
              grant_type: "urn:ietf:params:oauth:grant-type:device_code",
            }),
          })
        ).json()) as Record<string, unknown>;
      expect((await again()).error).toBe("authorization_pending");
      expect(await again()).toMatchObject({ error: "slow_down", interval: 10 });
      // Waiting as asked (the sandbox's clock moved on) is pending again, not slow_down.
      await fetch(`${slow.url}/sandbox/clock`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ advance_ms: 10_000 }),
      });
      expect((await again()).error).toBe("authorization_pending");
    } finally {
      await slow.close();
    }
  });

  it("answers access_denied when the member cancels, and expired_token after 15 minutes", async () => {
    const denied = await oauth("/login/device/code", { client_id: CLIENT_ID });
    await controlCall(sandbox, "POST", "/sandbox/device/deny", { user_code: denied.user_code });
    expect((await poll(denied.device_code)).error).toBe("access_denied");

    const late = await oauth("/login/device/code", { client_id: CLIENT_ID });
    await controlCall(sandbox, "POST", "/sandbox/clock", { advance_ms: 900_000 });
    expect((await poll(late.device_code)).error).toBe("expired_token");
    await expect(
      controlCall(sandbox, "POST", "/sandbox/device/approve", { user_code: late.user_code, login: "dana" }),
    ).rejects.toThrow(/404/);
  });

  it("refuses an unknown client id (404 for a code, incorrect_client_credentials for a poll)", async () => {
    const res = await fetch(`${sandbox.url}/login/device/code`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify({ client_id: "Iv1.unknown" }),
    });
    expect(res.status).toBe(404);
    const wrong = await oauth("/login/oauth/access_token", {
      client_id: "Iv1.unknown",
      device_code: "x",
      grant_type: "urn:ietf:params:oauth:grant-type:device_code",
    });
    expect(wrong.error).toBe("incorrect_client_credentials");
  });

  it("the verification page: a form where the member types their login and the code, posted from the page itself", async () => {
    const page = await fetch(`${sandbox.url}/login/device`);
    expect(page.headers.get("content-type")).toContain("text/html");
    expect(await page.text()).toContain('name="user_code"');
    const code = await oauth("/login/device/code", { client_id: CLIENT_ID });
    const form = (origin?: string) =>
      fetch(`${sandbox.url}/login/device`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", ...(origin ? { origin } : {}) },
        body: new URLSearchParams({
          login: "dana",
          user_code: String(code.user_code).toLowerCase(),
          decision: "authorize",
        }),
      });
    // Another site's page (or no page at all) cannot approve a code.
    expect((await form("http://evil.example")).status).toBe(403);
    expect((await form()).status).toBe(415);
    expect((await poll(code.device_code)).error).toBe("authorization_pending");
    const approved = await form(sandbox.url);
    expect(await approved.text()).toContain("Congratulations");
    expect((await poll(code.device_code)).access_token).toMatch(/^gho_/);
  });
});
