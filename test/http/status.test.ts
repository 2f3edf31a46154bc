import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/openDatabase.ts";
import { createHttpServer } from "../../src/http/createHttpServer.ts";
import type { Readiness } from "../../src/http/routes/statusRoutes.ts";
import { createLogger } from "../../src/logger.ts";
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
      state: "connect ECONNREFUSED https://user:***@rpc.example:8545",
    });
    await failing.close();
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
