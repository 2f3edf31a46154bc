import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/openDatabase.ts";
import { createHttpServer, REQUEST_TIMEOUT_MS, startHttpServer } from "../../src/http/createHttpServer.ts";
import { createLogger } from "../../src/logger.ts";
import { serviceDeps } from "../helpers/serviceDeps.ts";
import { createTestDatabase } from "../helpers/testDatabase.ts";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
}, 60_000);
afterAll(() => database?.close());

const deps = () => ({ services: serviceDeps(database), logger: createLogger({ level: "silent" }) });

describe("every answer of Steward's HTTP server", () => {
  it("forbids sniffing, framing and referrers: pages, JSON, errors and 404s alike", async () => {
    const app = await createHttpServer(deps());
    for (const url of ["/", "/transparency.js", "/healthz", "/api/public/epochs?limit=lots", "/nope"]) {
      const res = await app.inject({ method: "GET", url });
      expect(res.headers["x-content-type-options"], url).toBe("nosniff");
      expect(res.headers["content-security-policy"], url).toContain("frame-ancestors 'none'");
      expect(res.headers["referrer-policy"], url).toBe("no-referrer");
    }
    // The page keeps its own policy (scripts from itself only), with frame-ancestors in it.
    const page = await app.inject({ method: "GET", url: "/" });
    expect(page.headers["content-security-policy"]).toMatch(/^default-src 'self';.*script-src 'self'/);
    const malformed = await app.inject({
      method: "POST",
      url: "/api/nodes/1/heartbeat",
      headers: { "content-type": "application/json" },
      payload: "{",
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.headers["x-content-type-options"]).toBe("nosniff");
    await app.close();
  });
});

describe("slow requests", () => {
  it("gives a whole request REQUEST_TIMEOUT_MS by default, idle sockets a limit too", async () => {
    const app = await createHttpServer(deps());
    expect(REQUEST_TIMEOUT_MS).toBe(30_000);
    expect(app.server.requestTimeout).toBe(REQUEST_TIMEOUT_MS);
    expect(app.server.headersTimeout).toBeLessThanOrEqual(REQUEST_TIMEOUT_MS);
    expect(app.server.timeout).toBeGreaterThan(0);
    await app.close();
  });

  it("answers 408 and closes a socket that trickles its body one byte at a time", async () => {
    const http = await startHttpServer(
      { ...deps(), timeouts: { requestMs: 1_000, checkEveryMs: 200 } },
      "127.0.0.1",
      0,
    );
    const { port } = new URL(http.url);
    const socket = connect(Number(port), "127.0.0.1");
    let answer = "";
    socket.on("data", (chunk) => {
      answer += chunk.toString();
    });
    const closed = new Promise<number>((resolve) => socket.on("close", () => resolve(Date.now())));
    socket.on("error", () => {});
    await new Promise((resolve) => socket.once("connect", resolve));
    const started = Date.now();
    socket.write(
      "POST /api/nodes/1/heartbeat HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n",
    );
    // One byte every 100 ms: never idle, never finished.
    const trickle = setInterval(() => {
      if (!socket.destroyed) socket.write("x");
    }, 100);
    const end = await Promise.race([closed, new Promise<number>((r) => setTimeout(() => r(0), 8_000))]);
    clearInterval(trickle);
    socket.destroy();
    await http.close();
    expect(end, "the slow body was still open after 8 s").toBeGreaterThan(0);
    expect(end - started).toBeLessThan(3_000);
    expect(answer).toMatch(/^HTTP\/1\.1 408 Request Timeout/);
  });
});

describe("TRUST_PROXY", () => {
  it("counts the public API's per-address limit by the client a trusted proxy names, and ignores others' claims", async () => {
    const behindProxy = await createHttpServer({ ...deps(), publicRateLimit: 2, trustProxy: ["127.0.0.1"] });
    const from = (address: string) =>
      behindProxy.inject({
        method: "GET",
        url: "/api/public/audit",
        remoteAddress: "127.0.0.1",
        headers: { "x-forwarded-for": address },
      });
    expect((await from("198.51.100.1")).statusCode).toBe(200);
    expect((await from("198.51.100.1")).statusCode).toBe(200);
    expect((await from("198.51.100.1")).statusCode).toBe(429);
    // Another client behind the same proxy has its own allowance.
    expect((await from("198.51.100.2")).statusCode).toBe(200);
    await behindProxy.close();

    // Without TRUST_PROXY (the default) the header is anyone's to write: the connecting address counts.
    const direct = await createHttpServer({ ...deps(), publicRateLimit: 2 });
    const claim = (address: string) =>
      direct.inject({
        method: "GET",
        url: "/api/public/audit",
        remoteAddress: "203.0.113.9",
        headers: { "x-forwarded-for": address },
      });
    expect((await claim("198.51.100.1")).statusCode).toBe(200);
    expect((await claim("198.51.100.2")).statusCode).toBe(200);
    expect((await claim("198.51.100.3")).statusCode).toBe(429);
    await direct.close();
  });
});
