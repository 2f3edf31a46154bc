import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type GithubSandbox, startGithubSandbox } from "../src/index.ts";
import { controlCall } from "./world.ts";

let sandbox: GithubSandbox;
beforeAll(async () => {
  sandbox = await startGithubSandbox();
  await controlCall(sandbox, "POST", "/sandbox/users", { login: "erin", token: "ghp_erin" });
  await controlCall(sandbox, "POST", "/sandbox/repos", { owner: "erin", name: "lib" });
});
afterAll(() => sandbox.close());

const status = async (method: string, path: string, body?: unknown) =>
  (
    await fetch(`${sandbox.url}${path}`, {
      method,
      headers: { "content-type": "application/json" },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
  ).status;

describe("the control API", () => {
  it("creates users with the token asked for, and shows the world in /sandbox/state", async () => {
    const me = await fetch(`${sandbox.url}/user`, { headers: { authorization: "Bearer ghp_erin" } });
    expect(((await me.json()) as { login: string }).login).toBe("erin");
    await controlCall(sandbox, "POST", "/sandbox/repos/erin/lib/pulls", { author: "erin", title: "Start" });
    const state = await controlCall(sandbox, "GET", "/sandbox/state");
    expect(state.repos).toEqual([
      {
        full_name: "erin/lib",
        private: false,
        contributors: [],
        pulls: [{ number: 1, author: "erin", state: "open", merged_by: null }],
        issues: [],
      },
    ]);
  });

  it("refuses what GitHub could not hold: duplicates 409, unknown people or repositories 404, bad input 400", async () => {
    expect(await status("POST", "/sandbox/users", { login: "ERIN" })).toBe(409);
    expect(await status("POST", "/sandbox/users", { login: "-bad" })).toBe(400);
    expect(await status("POST", "/sandbox/repos", { owner: "nobody", name: "x" })).toBe(404);
    expect(await status("POST", "/sandbox/repos/erin/none/pulls", { author: "erin", title: "x" })).toBe(404);
    expect(
      await status("POST", "/sandbox/repos/erin/lib/pulls", {
        author: "erin",
        title: "x",
        files: [{ filename: "a", additions: -1 }],
      }),
    ).toBe(400);
    expect(await status("POST", "/sandbox/repos/erin/lib/pulls/1/reviews", { reviewer: "erin", state: "love" })).toBe(
      400,
    );
    expect(await status("POST", "/sandbox/repos/erin/lib/pulls/1/merge", { merged_by: "erin" })).toBe(200);
    expect(await status("POST", "/sandbox/repos/erin/lib/pulls/1/merge", { merged_by: "erin" })).toBe(409);
    expect(await status("POST", "/sandbox/nothing")).toBe(404);
  });

  it("answers only requests addressed to it (DNS rebinding) and JSON bodies", async () => {
    const { port } = new URL(sandbox.url);
    const foreign = await new Promise<number>((resolve, reject) => {
      request({ host: "127.0.0.1", port, path: "/sandbox/state", headers: { host: "evil.example" } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      })
        .on("error", reject)
        .end();
    });
    expect(foreign).toBe(403);
    const plain = await fetch(`${sandbox.url}/sandbox/users`, {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: JSON.stringify({ login: "mallory" }),
    });
    expect(plain.status).toBe(415);
  });
});
