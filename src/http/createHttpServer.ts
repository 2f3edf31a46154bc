import { randomUUID } from "node:crypto";
import type { RequestListener } from "node:http";
import rateLimit from "@fastify/rate-limit";
import Fastify, { type FastifyInstance } from "fastify";
import { SECURITY_HEADERS } from "../securityHeaders.ts";
import { type BoundHttpServer, bindHttpServer } from "./bindHttpServer.ts";
import type { HttpDeps } from "./httpDeps.ts";
import { CHECK_EVERY_MS, HEADERS_TIMEOUT_MS, IDLE_TIMEOUT_MS, REQUEST_TIMEOUT_MS } from "./httpTimeouts.ts";
import { githubWebhookRoutes } from "./routes/githubWebhookRoutes.ts";
import { heartbeatRoutes } from "./routes/heartbeatRoutes.ts";
import { publicRoutes } from "./routes/publicRoutes.ts";
import { notStartedYet, statusRoutes } from "./routes/statusRoutes.ts";
import { transparencyPage } from "./routes/transparencyPage.ts";

/** Which part of a request failed its schema: the body, the query string or the path. */
const INVALID: Record<string, string> = {
  body: "invalid_body",
  querystring: "invalid_query",
  params: "invalid_path",
};

/** Bodies are small JSON documents (a heartbeat is ~1 KB); anything far larger is refused before parsing. */
export const BODY_LIMIT = 16 * 1024;

/**
 * Steward's HTTP server: health, readiness and metrics for operators, the node agents' API, the public JSON API and
 * the transparency page, each a route plugin under src/http/routes. Bodies are validated by JSON schema exactly as sent (no type coercion, no silent
 * removal of unknown fields: a heartbeat's signature covers what the node meant). Every refusal is a 4xx with a
 * JSON `{error, message}`; an unexpected failure is a 500 with an incident id, logged with its context.
 */
export async function createHttpServer(deps: HttpDeps, bound?: BoundHttpServer): Promise<FastifyInstance> {
  const requestMs = deps.timeouts?.requestMs ?? REQUEST_TIMEOUT_MS;
  const trustProxy = deps.trustProxy ?? false;
  const app = Fastify({
    // A server bound before the services existed (see bindHttpServer) takes fastify's handler once it is ready.
    ...(bound ? { serverFactory: (handler: RequestListener) => bound.serveWith(handler) } : {}),
    bodyLimit: BODY_LIMIT,
    logger: false,
    ajv: { customOptions: { coerceTypes: false, removeAdditional: false, allErrors: false } },
    // A number of hops as fastify counts them (its types take only the function form).
    trustProxy: typeof trustProxy === "number" ? (_address: string, hop: number) => hop < trustProxy : trustProxy,
    requestTimeout: requestMs,
    connectionTimeout: IDLE_TIMEOUT_MS,
    http: {
      headersTimeout: Math.min(HEADERS_TIMEOUT_MS, requestMs),
      connectionsCheckingInterval: deps.timeouts?.checkEveryMs ?? CHECK_EVERY_MS,
    },
  });
  // On every answer, errors and 404s included; a page's own Content-Security-Policy (with frame-ancestors) stays.
  app.addHook("onSend", async (_request, reply, payload) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) if (!reply.hasHeader(name)) reply.header(name, value);
    return payload;
  });
  await app.register(rateLimit, { global: false });
  app.setErrorHandler(
    (error: { statusCode?: number; code?: string; message: string; validationContext?: string }, request, reply) => {
      const status = error.statusCode ?? 500;
      if (status < 500) {
        const code =
          error.code === "FST_ERR_CTP_BODY_TOO_LARGE"
            ? "body_too_large"
            : error.code === "FST_ERR_VALIDATION"
              ? (INVALID[error.validationContext ?? "body"] ?? "invalid_body")
              : status === 429
                ? "rate_limited"
                : /JSON/.test(error.code ?? "") || error instanceof SyntaxError
                  ? "malformed_json"
                  : (error.code ?? "bad_request").replace(/^FST_ERR_/, "").toLowerCase();
        const message =
          code === "body_too_large"
            ? `The body is larger than ${BODY_LIMIT} bytes.`
            : code === "malformed_json"
              ? "The body is not valid JSON."
              : `${error.message}`.slice(0, 300);
        return reply.status(status).send({ error: code, message });
      }
      const incident = randomUUID().slice(0, 8);
      deps.logger.error({ err: error, incident, method: request.method, url: request.url }, "http request failed");
      return reply
        .status(500)
        .send({ error: "internal", message: `Something went wrong on Steward's side (incident ${incident}).` });
    },
  );
  app.setNotFoundHandler((request, reply) =>
    reply
      .status(404)
      .send({ error: "not_found", message: `There is no ${request.method} ${request.url.split("?")[0]} here.` }),
  );
  await app.register(statusRoutes(deps, deps.readiness ?? notStartedYet));
  await app.register(heartbeatRoutes(deps), { prefix: "/api" });
  if (deps.githubWebhookSecret) {
    await app.register(githubWebhookRoutes(deps, deps.githubWebhookSecret), { prefix: "/api/github" });
  }
  await app.register(publicRoutes(deps), { prefix: "/api/public" });
  await app.register(transparencyPage());
  return app;
}

/** Starts the server on HTTP_HOST:HTTP_PORT (0: a free port) and returns its base URL. */
export async function startHttpServer(deps: HttpDeps, host: string, port: number) {
  return serveHttp(await bindHttpServer(host, port, deps.timeouts), deps);
}

/** Serves Steward's routes on a server `bindHttpServer` bound: requests are answered by them from now on. */
export async function serveHttp(bound: BoundHttpServer, deps: HttpDeps) {
  const app = await createHttpServer(deps, bound);
  await app.ready();
  bound.open();
  return {
    app,
    url: bound.url,
    async close() {
      await app.close();
      await bound.close();
    },
  };
}

export { REQUEST_TIMEOUT_MS };
