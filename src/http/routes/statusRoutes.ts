import { createHash, timingSafeEqual } from "node:crypto";
import type { FastifyPluginAsync, FastifyRequest } from "fastify";
import { urlOriginsIn } from "../../base/urlOrigin.ts";
import { redactSecrets, type Secret } from "../../logger.ts";
import type { HttpDeps, Probe, Readiness } from "../httpDeps.ts";

export const notStartedYet: Readiness = {
  discord: () => "not connected yet",
  chain: () => null,
};

/**
 * What /readyz may say about a failure: its first line, with the configured secrets scrubbed and every URL cut to
 * its scheme and host. An RPC provider's key sits in the URL's path (`/v3/<key>`), a database's password in its
 * user info, and ethers quotes the whole `requestUrl` in its errors.
 */
const shown = (text: string, secrets: readonly Secret[]) =>
  urlOriginsIn(redactSecrets(text.split("\n")[0] ?? "", secrets));

const withTimeout = async (probe: Probe, secrets: readonly Secret[], ms = 2000): Promise<string | null> => {
  try {
    const problem = await Promise.race([
      Promise.resolve(probe()),
      new Promise<string>((resolve) => setTimeout(() => resolve(`no answer within ${ms} ms`), ms).unref()),
    ]);
    // A probe's own words too: a chain blocked at boot says which URL it could not use.
    return problem === null ? null : shown(problem, secrets);
  } catch (error) {
    return shown((error as Error)?.message ?? "failed", secrets);
  }
};

/** Whether the request carries `Authorization: Bearer <token>`, compared in constant time. */
function bearerMatches(request: FastifyRequest, token: string): boolean {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? "");
  if (!match?.[1]) return false;
  const digest = (s: string) => createHash("sha256").update(s).digest();
  return timingSafeEqual(digest(match[1]), digest(token));
}

/**
 * `/healthz` (the process answers), `/readyz` (database, Discord gateway, chain) and `/metrics` (Prometheus; with
 * METRICS_TOKEN only for its bearer, since counts of votes, payouts and heartbeats are not everyone's business).
 */
export const statusRoutes =
  (deps: HttpDeps, readiness: Readiness): FastifyPluginAsync =>
  async (app) => {
    const secrets = deps.secrets ?? [];
    app.get("/healthz", async () => ({ ok: true }));
    app.get("/readyz", async (_request, reply) => {
      const [database, discord, chain] = await Promise.all([
        withTimeout(async () => {
          await deps.services.db.$queryRaw`SELECT 1`;
          return null;
        }, secrets),
        withTimeout(readiness.discord, secrets),
        withTimeout(readiness.chain, secrets),
      ]);
      const state = (problem: string | null) => (problem ? { ok: false, state: problem } : { ok: true, state: "up" });
      const checks = { database: state(database), discord: state(discord), chain: state(chain) };
      const ready = !database && !discord && !chain;
      return reply.status(ready ? 200 : 503).send({ ready, checks });
    });
    app.get("/metrics", async (request, reply) => {
      const token = deps.metricsToken;
      if (token && !bearerMatches(request, token)) {
        return reply
          .status(401)
          .header("www-authenticate", 'Bearer realm="steward-metrics"')
          .send({
            error: "unauthorized",
            message: request.headers.authorization
              ? "That is not the metrics token: send Authorization: Bearer <METRICS_TOKEN>."
              : "The metrics need a token: send Authorization: Bearer <METRICS_TOKEN> (Prometheus: authorization.credentials).",
          });
      }
      const { registry } = deps.services.metrics;
      const text = await registry.metrics();
      return reply.type(registry.contentType).send(text);
    });
  };
