import type { FastifyPluginAsync } from "fastify";
import type { HttpDeps } from "../createHttpServer.ts";

/** A dependency's state for /readyz: null when fine, else what is wrong in words. */
export type Probe = () => Promise<string | null> | string | null;

/** Filled in by startSteward as the parts come up (the bot and the chain start after the HTTP server). */
export interface Readiness {
  discord: Probe;
  chain: Probe;
}

export const notStartedYet: Readiness = {
  discord: () => "not connected yet",
  chain: () => null,
};

const withTimeout = async (probe: Probe, ms = 2000): Promise<string | null> => {
  try {
    return await Promise.race([
      Promise.resolve(probe()),
      new Promise<string>((resolve) => setTimeout(() => resolve(`no answer within ${ms} ms`), ms).unref()),
    ]);
  } catch (error) {
    // First line only, with any URL's password blanked: an RPC or database URL may carry one.
    const line = (error as Error)?.message?.split("\n")[0] ?? "failed";
    return line.replace(/\/\/([^:/@\s]+):([^@\s]+)@/g, "//$1:***@");
  }
};

/** `/healthz` (the process answers), `/readyz` (database, Discord gateway, chain) and `/metrics` (Prometheus). */
export const statusRoutes =
  (deps: HttpDeps, readiness: Readiness): FastifyPluginAsync =>
  async (app) => {
    app.get("/healthz", async () => ({ ok: true }));
    app.get("/readyz", async (_request, reply) => {
      const [database, discord, chain] = await Promise.all([
        withTimeout(async () => {
          await deps.services.db.$queryRaw`SELECT 1`;
          return null;
        }),
        withTimeout(readiness.discord),
        withTimeout(readiness.chain),
      ]);
      const state = (problem: string | null) => (problem ? { ok: false, state: problem } : { ok: true, state: "up" });
      const checks = { database: state(database), discord: state(discord), chain: state(chain) };
      const ready = !database && !discord && !chain;
      return reply.status(ready ? 200 : 503).send({ ready, checks });
    });
    app.get("/metrics", async (_request, reply) => {
      const { registry } = deps.services.metrics;
      const text = await registry.metrics();
      return reply.type(registry.contentType).send(text);
    });
  };
