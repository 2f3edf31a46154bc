import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { type Sandbox, startSandbox } from "../src/startSandbox.ts";

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  // Many creates in one channel: Discord's 5-per-5-seconds limit is not what these tests look at.
  await control("PUT", "/sandbox/rate-limits", { perWindow: 0 });
});
afterAll(() => sandbox.close());

const channelId = (name: string) => sandbox.state.channels.find((c) => c.name === name)?.id as string;

/** A message create as a bot sends it over REST; `timeoutMs` gives up as discord.js does after its timeout. */
function create(channel: string, body: object, timeoutMs?: number) {
  return fetch(`${sandbox.apiUrl}/v10/channels/${channelId(channel)}/messages`, {
    method: "POST",
    headers: { authorization: `Bot ${sandbox.token}`, "content-type": "application/json" },
    body: JSON.stringify(body),
    ...(timeoutMs ? { signal: AbortSignal.timeout(timeoutMs) } : {}),
  });
}

function control(method: string, path: string, body?: object) {
  return fetch(`${sandbox.url}${path}`, {
    method,
    headers: { "content-type": "application/json" },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
}

const messagesIn = (channel: string) => sandbox.state.channelMessages(channelId(channel)).length;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("Discord's own failures, injected through the control API", () => {
  it("answers 500/502/503 to the next N calls of a route, then serves it again; other routes are untouched", async () => {
    const added = await control("POST", "/sandbox/faults", {
      method: "POST",
      path: "/channels/contributions/messages",
      status: 503,
      count: 2,
    });
    expect(added.status).toBe(201);
    expect(await added.json()).toMatchObject({ method: "POST", status: 503, left: 2 });
    const before = messagesIn("contributions");
    for (const _ of [1, 2]) {
      const res = await create("contributions", { content: "hello" });
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ message: "503: Service Unavailable", code: 0 });
    }
    expect(messagesIn("contributions")).toBe(before);
    expect((await create("governance", { content: "elsewhere" })).status).toBe(200);
    expect((await create("contributions", { content: "hello" })).status).toBe(200);
    expect(messagesIn("contributions")).toBe(before + 1);

    for (const status of [500, 502]) {
      await control("POST", "/sandbox/faults", { path: "/channels/*/messages", status });
      expect((await create("payouts", { content: "x" })).status).toBe(status);
    }
    expect(await (await control("GET", "/sandbox/faults")).json()).toEqual([]);
  });

  it("refuses a fault it cannot apply, saying what to give", async () => {
    for (const body of [
      { path: "channels/x", status: 503 },
      { path: "/channels/*/messages", status: 404 },
      { path: "/channels/*/messages" },
      { path: "/channels/*/messages", status: 503, hangMs: 10 },
      { path: "/channels/*/messages", hangMs: 1_000_000 },
      { path: "/channels/*/messages", status: 503, count: 0 },
    ]) {
      const res = await control("POST", "/sandbox/faults", body);
      expect(res.status).toBe(400);
      expect((await res.json()) as { error: string }).toHaveProperty("error");
    }
    await control("POST", "/sandbox/faults", { path: "/channels/*/messages", status: 503, count: 5 });
    expect(await (await control("DELETE", "/sandbox/faults")).json()).toEqual({ cleared: 1 });
    expect((await create("payouts", { content: "x" })).status).toBe(200);
  });

  it("a call held past the client's timeout is carried out anyway: a repeat makes a second message, unless its nonce is enforced", async () => {
    const hang = () => control("POST", "/sandbox/faults", { path: "/channels/payouts/messages", hangMs: 400 });
    // A client that gives up after 150 ms and repeats the call, as discord.js does after an abort.
    const sendTwice = async (body: object) => {
      await expect(create("payouts", body, 150)).rejects.toThrow();
      const repeat = await create("payouts", body);
      expect(repeat.status).toBe(200);
      await sleep(500);
      return (await repeat.json()) as { id: string };
    };

    await hang();
    let before = messagesIn("payouts");
    await sendTwice({ content: "Paid: proposal #7" });
    expect(messagesIn("payouts")).toBe(before + 2);

    await hang();
    before = messagesIn("payouts");
    const repeated = await sendTwice({ content: "Paid: proposal #8", nonce: "abc-8", enforce_nonce: true });
    expect(messagesIn("payouts")).toBe(before + 1);
    expect(sandbox.state.channelMessages(channelId("payouts")).at(-1)?.id).toBe(repeated.id);
  });

  it("refuses a nonce longer than 25 characters, as Discord does", async () => {
    const res = await create("payouts", { content: "x", nonce: "n".repeat(26), enforce_nonce: true });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: 50035 });
    expect((await create("payouts", { content: "x", nonce: "n".repeat(25), enforce_nonce: true })).status).toBe(200);
    expect((await create("payouts", { content: "x", nonce: 12345, enforce_nonce: true })).status).toBe(200);
  });

  it("a gateway outage drops connections and refuses new ones until it ends", async () => {
    const connect = () =>
      new Promise<"open" | "refused">((resolve) => {
        const ws = new WebSocket(`${sandbox.url.replace(/^http/, "ws")}/gateway`);
        ws.on("open", () => {
          ws.close();
          resolve("open");
        });
        ws.on("error", () => resolve("refused"));
      });
    expect(await connect()).toBe("open");
    expect((await control("POST", "/sandbox/gateway/outage", { seconds: 60 })).status).toBe(200);
    expect(await connect()).toBe("refused");
    expect(await (await control("DELETE", "/sandbox/gateway/outage")).json()).toEqual({ down: false });
    expect(await connect()).toBe("open");
  });
});
