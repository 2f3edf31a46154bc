import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.ts";
import type { Database } from "../../src/db/openDatabase.ts";
import { createHttpServer } from "../../src/http/createHttpServer.ts";
import type { Readiness } from "../../src/http/httpDeps.ts";
import { createLogger, secretValues } from "../../src/logger.ts";
import { serviceDeps } from "../helpers/serviceDeps.ts";
import { createTestDatabase } from "../helpers/testDatabase.ts";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
}, 60_000);
afterAll(() => database?.close());

const server = (readiness: Readiness) =>
  createHttpServer({ services: serviceDeps(database), logger: createLogger({ level: "silent" }), readiness });

describe("/healthz and /readyz", () => {
  it("is ready when the database, the gateway and the chain all answer", async () => {
    const app = await server({ discord: () => null, chain: async () => null });
    const res = await app.inject({ method: "GET", url: "/readyz" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      ready: true,
      checks: {
        database: { ok: true, state: "up" },
        discord: { ok: true, state: "up" },
        chain: { ok: true, state: "up" },
      },
    });
    expect((await app.inject({ method: "GET", url: "/healthz" })).json()).toEqual({ ok: true });
    await app.close();
  });

  it("answers 503 naming what is down: a reconnecting gateway, a chain that fails or hangs", async () => {
    const app = await server({
      discord: () => "gateway Reconnecting",
      chain: () => new Promise(() => {}),
    });
    const res = await app.inject({ method: "GET", url: "/readyz" });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toEqual({
      ready: false,
      checks: {
        database: { ok: true, state: "up" },
        discord: { ok: false, state: "gateway Reconnecting" },
        chain: { ok: false, state: "no answer within 2000 ms" },
      },
    });
    await app.close();
    const failing = await server({
      discord: () => null,
      chain: async () => {
        throw new Error("connect ECONNREFUSED https://user:s3cret@rpc.example:8545\n    at stack");
      },
    });
    expect((await failing.inject({ method: "GET", url: "/readyz" })).json().checks.chain).toEqual({
      ok: false,
      state: "connect ECONNREFUSED https://rpc.example:8545",
    });
    await failing.close();
  });

  it("never shows an RPC provider's key: every URL by scheme and host, the configured secrets scrubbed", async () => {
    const KEY = "0123456789abcdef0123456789abcdef";
    const RPC_URL = `https://eth-mainnet.g.alchemy.com/v2/${KEY}`;
    const config = loadConfig({ RPC_URL, SETTLEMENT_MODE: "off" });
    // What ethers throws when the provider answers an HTTP error: its first line quotes the request URL.
    const thrown = await createHttpServer({
      services: serviceDeps(database),
      logger: createLogger({ level: "silent" }),
      secrets: secretValues(config),
      readiness: {
        discord: () => null,
        chain: async () => {
          throw new Error(
            `server response 401 Unauthorized (request={  }, response={  }, error=null, info={ "requestUrl": "${RPC_URL}", "responseBody": "Must be authenticated! ${KEY}" }, code=SERVER_ERROR, version=6.17.0)\n    at stack`,
          );
        },
      },
    });
    const res = await thrown.inject({ method: "GET", url: "/readyz" });
    expect(res.body).not.toContain(KEY);
    expect(res.json().checks.chain.state).toBe(
      'server response 401 Unauthorized (request={  }, response={  }, error=null, info={ "requestUrl": "https://eth-mainnet.g.alchemy.com", "responseBody": "Must be authenticated! [redacted]" }, code=SERVER_ERROR, version=6.17.0)',
    );
    await thrown.close();
    // A chain blocked at boot answers in words that may quote the URL too.
    const blocked = await server({ discord: () => null, chain: () => `CHAIN_ID is 1 but ${RPC_URL} is chain 8453` });
    expect((await blocked.inject({ method: "GET", url: "/readyz" })).json().checks.chain.state).toBe(
      "CHAIN_ID is 1 but https://eth-mainnet.g.alchemy.com is chain 8453",
    );
    await blocked.close();
  });

  it("says the database is down when it does not answer", async () => {
    const other = await createTestDatabase();
    const app = await createHttpServer({
      services: serviceDeps(other),
      logger: createLogger({ level: "silent" }),
      readiness: { discord: () => null, chain: () => null },
    });
    await other.close();
    const res = await app.inject({ method: "GET", url: "/readyz" });
    expect(res.statusCode).toBe(503);
    expect(res.json().checks.database).toEqual({ ok: false, state: "Cannot use a pool after calling end on the pool" });
    await app.close();
  });
});

describe("/metrics", () => {
  it("is public without METRICS_TOKEN, and with it answers only its bearer", async () => {
    const open = await server({ discord: () => null, chain: () => null });
    expect((await open.inject({ method: "GET", url: "/metrics" })).statusCode).toBe(200);
    await open.close();
    const token = "m3trics-t0ken-0123456789abcdef";
    const app = await createHttpServer({
      services: serviceDeps(database),
      logger: createLogger({ level: "silent" }),
      metricsToken: token,
    });
    const none = await app.inject({ method: "GET", url: "/metrics" });
    expect(none.statusCode).toBe(401);
    expect(none.headers["www-authenticate"]).toBe('Bearer realm="steward-metrics"');
    expect(none.json()).toEqual({
      error: "unauthorized",
      message:
        "The metrics need a token: send Authorization: Bearer <METRICS_TOKEN> (Prometheus: authorization.credentials).",
    });
    const wrong = await app.inject({ method: "GET", url: "/metrics", headers: { authorization: "Bearer nope" } });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.body).not.toContain(token);
    const right = await app.inject({ method: "GET", url: "/metrics", headers: { authorization: `Bearer ${token}` } });
    expect(right.statusCode).toBe(200);
    expect(right.body).toContain("steward_heartbeats_total");
    // Only /metrics: health and readiness stay open for load balancers.
    expect((await app.inject({ method: "GET", url: "/healthz" })).statusCode).toBe(200);
    await app.close();
  });
});

describe("the public API's refusals", () => {
  it("names the part of the request that is wrong, and limits one address's pace", async () => {
    const app = await createHttpServer({
      services: serviceDeps(database),
      logger: createLogger({ level: "silent" }),
      publicRateLimit: 3,
    });
    const query = await app.inject({ method: "GET", url: "/api/public/epochs?limit=lots" });
    expect(query.statusCode).toBe(400);
    expect(query.json()).toEqual({
      error: "invalid_query",
      message: 'querystring/limit must match pattern "^\\d{1,3}$"',
    });
    const path = await app.inject({ method: "GET", url: "/api/public/proposals/-1" });
    expect(path.json()).toMatchObject({ error: "invalid_path" });
    const unknown = await app.inject({ method: "GET", url: "/api/public/epochs?guild=1" });
    expect(unknown.json()).toMatchObject({ error: "invalid_query" });
    for (let n = 0; n < 3; n++)
      expect((await app.inject({ method: "GET", url: "/api/public/audit" })).statusCode).toBe(200);
    const limited = await app.inject({ method: "GET", url: "/api/public/audit" });
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toEqual({
      error: "rate_limited",
      message:
        "Too many requests for this page of the public API: at most 3 a minute from one address. Retry in 1 minute.",
    });
    await app.close();
  });
});
