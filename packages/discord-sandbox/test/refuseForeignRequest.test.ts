import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { type Sandbox, startSandbox } from "../src/startSandbox.ts";

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
});
afterAll(() => sandbox?.close());

/** A raw request, so that Host and every other header are exactly what a browser (or an attacker's page) sends. */
function send(path: string, o: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  const { port } = new URL(sandbox.url);
  return new Promise<{ status: number; headers: Record<string, unknown>; json: Record<string, unknown> }>(
    (resolve, reject) => {
      const req = request(
        { host: "127.0.0.1", port, path, method: o.method ?? "GET", headers: o.headers ?? {} },
        (res) => {
          let text = "";
          res.on("data", (c: Buffer) => {
            text += c.toString();
          });
          res.on("end", () => {
            let json: Record<string, unknown> = {};
            try {
              json = JSON.parse(text);
            } catch {
              // The web client's pages are not JSON.
            }
            resolve({ status: res.statusCode ?? 0, headers: res.headers, json });
          });
        },
      );
      req.on("error", reject);
      req.end(o.body);
    },
  );
}

const host = () => new URL(sandbox.url).host;
const userBody = (username: string) => JSON.stringify({ username, roles: ["Moderator"] });

describe("the sandbox's control API and web pages", () => {
  it("refuses a body that is not JSON: a web page's text/plain form cannot create a moderator", async () => {
    const form = await send("/sandbox/users", {
      method: "POST",
      headers: { host: host(), "content-type": "text/plain" },
      body: userBody("mallory"),
    });
    expect(form.status).toBe(415);
    expect(form.json.error).toMatch(
      /^Send the body as JSON with Content-Type: application\/json \(this request said "text\/plain"\)/,
    );
    const untyped = await send("/sandbox/users", {
      method: "POST",
      headers: { host: host() },
      body: userBody("mallory"),
    });
    expect(untyped.status).toBe(415);
    expect(sandbox.state.findUser("mallory")).toBeUndefined();
    const json = await send("/sandbox/users", {
      method: "POST",
      headers: { host: host(), "content-type": "application/json; charset=utf-8" },
      body: userBody("mona"),
    });
    expect(json.status).toBe(201);
  });

  it("refuses a Host it is not reached by: a page whose name was pointed at 127.0.0.1 (DNS rebinding)", async () => {
    const rebound = await send("/sandbox/state", {
      headers: { host: `attacker.example:${new URL(sandbox.url).port}` },
    });
    expect(rebound.status).toBe(403);
    expect(rebound.json.error).toMatch(
      /^The sandbox answers only requests addressed to it as localhost, 127\.0\.0\.1, ::1 \(this one's Host header says "attacker\.example:\d+"\)/,
    );
    expect(rebound.json).not.toHaveProperty("users");
    const created = await send("/sandbox/users", {
      method: "POST",
      headers: { host: "attacker.example", "content-type": "application/json" },
      body: userBody("rebound"),
    });
    expect(created.status).toBe(403);
    expect(sandbox.state.findUser("rebound")).toBeUndefined();
    for (const name of [host(), `localhost:${new URL(sandbox.url).port}`, "[::1]"]) {
      expect((await send("/sandbox/state", { headers: { host: name } })).status, name).toBe(200);
    }
  });

  it("refuses another origin's requests and serves its own browser client's (same origin)", async () => {
    const foreign = await send("/sandbox/users", {
      method: "POST",
      headers: { host: host(), origin: "https://attacker.example", "content-type": "application/json" },
      body: userBody("eve"),
    });
    expect(foreign.status).toBe(403);
    expect(foreign.json.error).toMatch(
      /^Requests from other web pages \(origin "https:\/\/attacker\.example"\) are refused/,
    );
    expect((await send("/sandbox/state", { headers: { host: host(), origin: "null" } })).status).toBe(403);
    expect(sandbox.state.findUser("eve")).toBeUndefined();
    const own = await send("/sandbox/users", {
      method: "POST",
      headers: { host: host(), origin: sandbox.url, "content-type": "application/json" },
      body: userBody("olga"),
    });
    expect(own.status).toBe(201);
  });

  it("refuses a foreign page's WebSocket to the gateway", async () => {
    const ws = new WebSocket(`${sandbox.url.replace(/^http/, "ws")}/gateway`, { origin: "https://attacker.example" });
    const status = await new Promise<number>((resolve) => {
      ws.on("unexpected-response", (_req, res) => resolve(res.statusCode ?? 0));
      ws.on("open", () => resolve(101));
      ws.on("error", () => {});
    });
    ws.terminate();
    expect(status).toBe(403);
  });

  it("forbids sniffing, framing and referrers on every answer", async () => {
    for (const path of ["/", "/web/sandbox.js", "/sandbox/state", "/nope"]) {
      const res = await send(path, { headers: { host: host() } });
      expect(res.headers["x-content-type-options"], path).toBe("nosniff");
      expect(res.headers["content-security-policy"], path).toContain("frame-ancestors 'none'");
      expect(res.headers["referrer-policy"], path).toBe("no-referrer");
    }
    const refused = await send("/sandbox/state", { headers: { host: "attacker.example" } });
    expect(refused.headers["x-content-type-options"]).toBe("nosniff");
  });
});

describe("where the sandbox listens", () => {
  it("warns when it is not a loopback address, and still answers its own names there", async () => {
    const lines: string[] = [];
    const open = await startSandbox({ port: 0, host: "0.0.0.0", log: (line) => lines.push(line) });
    try {
      expect(lines.join("\n")).toMatch(
        /The sandbox listens on 0\.0\.0\.0, which is not a loopback address: anyone who can reach port \d+ there can act as any sandbox user and make themselves a moderator\. Set SANDBOX_HOST=127\.0\.0\.1/,
      );
      const res = await fetch(`http://127.0.0.1:${new URL(open.url).port}/sandbox/state`);
      expect(res.status).toBe(200);
    } finally {
      await open.close();
    }
    const quiet: string[] = [];
    const local = await startSandbox({ port: 0, host: "127.0.0.1", log: (line) => quiet.push(line) });
    await local.close();
    expect(quiet).toEqual([]);
  });
});
