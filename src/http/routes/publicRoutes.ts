import { createHash } from "node:crypto";
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from "fastify";
import { storedAuditText } from "../../base/auditFindingsText.ts";
import type { Token } from "../../base/token.ts";
import { isUserError } from "../../services/errors.ts";
import {
  pageLimit,
  publicAudit,
  publicEpochs,
  publicEvaluation,
  publicGuild,
  publicNodes,
  publicPayouts,
  publicProposal,
  publicProposals,
  publicSummary,
} from "../../services/transparency/publicData.ts";
import type { HttpDeps } from "../httpDeps.ts";

const listQuery = {
  type: "object",
  properties: { limit: { type: "string", pattern: "^\\d{1,3}$" }, cursor: { type: "string", pattern: "^\\d{1,9}$" } },
  additionalProperties: false,
} as const;
const idParams = {
  type: "object",
  properties: { id: { type: "string", pattern: "^\\d{1,9}$" } },
  required: ["id"],
} as const;

type ListRequest = FastifyRequest<{ Querystring: { limit?: string; cursor?: string } }>;

/** JSON with a strong ETag of its bytes: a client that has them gets 304 and no body. BigInts as decimal strings. */
function sendTagged(request: FastifyRequest, reply: FastifyReply, body: unknown) {
  const json = JSON.stringify(body, (_k, v) => (typeof v === "bigint" ? v.toString() : v));
  const etag = `"${createHash("sha256").update(json).digest("base64url").slice(0, 27)}"`;
  reply.header("etag", etag).header("cache-control", "no-cache");
  if (request.headers["if-none-match"] === etag) return reply.status(304).send();
  return reply.type("application/json; charset=utf-8").send(json);
}

/** The audit section with the last verification's findings in words: the API serves sentences, as it always has. */
function auditInWords(audit: Awaited<ReturnType<typeof publicAudit>>, token: Token) {
  const last = audit.lastVerification;
  return { ...audit, lastVerification: last ? { ...last, ...storedAuditText(last, token) } : null };
}

/**
 * The read-only public API (`/api/public/*`): what the transparency page shows, for anyone to check or mirror. Lists
 * are newest first, `?limit=` (1–100, default 20) and `?cursor=` from the previous page's `nextCursor`.
 */
export const publicRoutes =
  (deps: HttpDeps): FastifyPluginAsync =>
  async (app) => {
    const { services } = deps;
    // Each address may read each route this often a minute (a page load reads four routes once): one scraper cannot
    // keep the database busy for everyone else.
    const perMinute = deps.publicRateLimit ?? 600;
    const rateLimit = {
      max: perMinute,
      timeWindow: 60_000,
      errorResponseBuilder: (_req: unknown, context: { after: string; statusCode: number }) => ({
        statusCode: context.statusCode,
        error: "rate_limited",
        message: `Too many requests for this page of the public API: at most ${perMinute} a minute from one address. Retry in ${context.after}.`,
      }),
    };
    const config = { rateLimit };
    const guild = async (reply: FastifyReply) => {
      const id = await publicGuild(services, deps.guildId);
      if (!id) reply.status(404).send({ error: "no_guild", message: "Steward has no members yet: nothing is public." });
      return id;
    };
    const list =
      (fetch: (guildId: string, limit: number, cursor?: number) => Promise<unknown>) =>
      async (request: ListRequest, reply: FastifyReply) => {
        const id = await guild(reply);
        if (!id) return reply;
        const cursor = request.query.cursor ? Number(request.query.cursor) : undefined;
        return sendTagged(request, reply, await fetch(id, pageLimit(request.query.limit), cursor));
      };
    app.get("/summary", { config }, async (request, reply) => {
      const id = await guild(reply);
      if (!id) return reply;
      const summary = await publicSummary(services, id);
      return sendTagged(request, reply, { ...summary, audit: auditInWords(summary.audit, services.token) });
    });
    app.get(
      "/epochs",
      { config, schema: { querystring: listQuery } },
      list((g, l, c) => publicEpochs(services, g, l, c)),
    );
    app.get(
      "/proposals",
      { config, schema: { querystring: listQuery } },
      list((g, l, c) => publicProposals(services, g, l, c)),
    );
    app.get(
      "/payouts",
      { config, schema: { querystring: listQuery } },
      list((g, l, c) => publicPayouts(services, g, l, c)),
    );
    app.get("/nodes", { config }, async (request, reply) => {
      const id = await guild(reply);
      if (!id) return reply;
      return sendTagged(request, reply, { items: await publicNodes(services, id), nextCursor: null });
    });
    app.get("/audit", { config }, async (request, reply) =>
      sendTagged(request, reply, auditInWords(await publicAudit(services), services.token)),
    );
    app.get<{ Params: { id: string } }>(
      "/proposals/:id",
      { config, schema: { params: idParams } },
      async (request, reply) => {
        const id = await guild(reply);
        if (!id) return reply;
        try {
          return sendTagged(request, reply, await publicProposal(services, id, Number(request.params.id)));
        } catch (error) {
          if (isUserError(error)) {
            return reply
              .status(404)
              .send({ error: "not_found", message: `There is no proposal #${request.params.id}.` });
          }
          throw error;
        }
      },
    );
    app.get<{ Params: { id: string } }>(
      "/evaluations/:id",
      { config, schema: { params: idParams } },
      async (request, reply) => {
        const id = await guild(reply);
        if (!id) return reply;
        const e = await publicEvaluation(services, id, Number(request.params.id));
        if (!e)
          return reply
            .status(404)
            .send({ error: "not_found", message: `There is no evaluation #${request.params.id}.` });
        return sendTagged(request, reply, e);
      },
    );
  };
