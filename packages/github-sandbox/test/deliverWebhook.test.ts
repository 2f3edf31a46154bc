import { createHmac } from "node:crypto";
import { createServer, type IncomingHttpHeaders } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GithubSandbox } from "../src/index.ts";
import { controlCall, startWorld } from "./world.ts";

let world: Awaited<ReturnType<typeof startWorld>>;
let sandbox: GithubSandbox;
const received: { headers: IncomingHttpHeaders; body: string }[] = [];
const receiver = createServer((req, res) => {
  let body = "";
  req.on("data", (c: Buffer) => {
    body += c.toString("utf8");
  });
  req.on("end", () => {
    received.push({ headers: req.headers, body });
    res.writeHead(202, { "content-type": "application/json" }).end('{"ok":true}');
  });
});
let url = "";
beforeAll(async () => {
  world = await startWorld();
  sandbox = world.sandbox;
  await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", () => r()));
  url = `http://127.0.0.1:${(receiver.address() as { port: number }).port}/hook`;
});
afterAll(async () => {
  receiver.close();
  await sandbox.close();
});

describe("POST /sandbox/webhooks/deliver: a webhook delivery as GitHub sends it", () => {
  it("posts the pull_request event signed with the secret, with GitHub's headers, and tells what the receiver said", async () => {
    const out = await controlCall(sandbox, "POST", "/sandbox/webhooks/deliver", {
      url,
      secret: "s3cret",
      owner: "alice",
      repo: "app",
      number: world.pullNumber,
    });
    expect(out).toMatchObject({ status: 202, body: '{"ok":true}' });
    const got = received.at(-1);
    if (!got) throw new Error("nothing delivered");
    expect(got.headers["x-github-event"]).toBe("pull_request");
    expect(got.headers["x-github-delivery"]).toBe(out.delivery_id);
    expect(got.headers["x-github-delivery"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(got.headers["user-agent"]).toMatch(/^GitHub-Hookshot\//);
    expect(got.headers["content-type"]).toBe("application/json");
    const hmac = (alg: string) => `${alg}=${createHmac(alg, "s3cret").update(got.body).digest("hex")}`;
    expect(got.headers["x-hub-signature-256"]).toBe(hmac("sha256"));
    expect(got.headers["x-hub-signature"]).toBe(hmac("sha1"));
    const payload = JSON.parse(got.body);
    expect(payload).toMatchObject({
      action: "closed",
      number: world.pullNumber,
      pull_request: { merged: true, user: { login: "bob" }, merged_by: { login: "alice" } },
      repository: { full_name: "alice/app" },
    });
  });

  it("redelivers with the same delivery id when asked; refuses an unknown PR or event", async () => {
    const out = await controlCall(sandbox, "POST", "/sandbox/webhooks/deliver", {
      url,
      secret: "s3cret",
      owner: "alice",
      repo: "app",
      number: world.pullNumber,
      delivery_id: "72d3162e-cc78-11e3-81ab-4c9367dc0958",
    });
    expect(received.at(-1)?.headers["x-github-delivery"]).toBe("72d3162e-cc78-11e3-81ab-4c9367dc0958");
    expect(out.delivery_id).toBe("72d3162e-cc78-11e3-81ab-4c9367dc0958");
    await expect(
      controlCall(sandbox, "POST", "/sandbox/webhooks/deliver", {
        url,
        secret: "s",
        owner: "alice",
        repo: "app",
        number: 99,
      }),
    ).rejects.toThrow(/404/);
    await expect(
      controlCall(sandbox, "POST", "/sandbox/webhooks/deliver", { url, secret: "s", event: "push" }),
    ).rejects.toThrow(/400/);
  });
});
