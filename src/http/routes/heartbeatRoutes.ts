import type { FastifyPluginAsync } from "fastify";
import {
  acceptHeartbeat,
  type HeartbeatBody,
  HeartbeatRefusal,
  heartbeatTerms,
} from "../../services/compute/acceptHeartbeat.ts";
import { nodeCameOnline } from "../../services/compute/nodeHealth.ts";
import { enqueuePosts } from "../../services/publishing/enqueuePosts.ts";
import type { HttpDeps } from "../createHttpServer.ts";

const params = {
  type: "object",
  required: ["id"],
  properties: { id: { type: "string", pattern: "^[1-9][0-9]{0,9}$" } },
} as const;

const gpu = {
  type: "object",
  required: ["name", "memoryMiB"],
  additionalProperties: false,
  properties: {
    name: { type: "string", minLength: 1, maxLength: 100 },
    uuid: { type: "string", maxLength: 100 },
    memoryMiB: { type: "integer", minimum: 0, maximum: 16_777_216 },
    driver: { type: "string", maxLength: 50 },
    computeCap: { type: "string", maxLength: 10 },
  },
} as const;

const heartbeatBody = {
  type: "object",
  required: ["timestamp", "sequence", "utilization", "specs", "signature"],
  additionalProperties: false,
  properties: {
    timestamp: { type: "integer", minimum: 0, maximum: 2 ** 40 },
    sequence: { type: "integer", minimum: 1, maximum: Number.MAX_SAFE_INTEGER },
    utilization: { type: "integer", minimum: 0, maximum: 100 },
    signature: { type: "string", pattern: "^0x[0-9a-fA-F]{130}$" },
    specs: {
      type: "object",
      required: ["cpuCores", "ramGb", "os", "gpus"],
      additionalProperties: false,
      properties: {
        cpuCores: { type: "integer", minimum: 1, maximum: 65_536 },
        ramGb: { type: "integer", minimum: 0, maximum: 1_048_576 },
        os: { type: "string", maxLength: 200 },
        gpus: { type: "array", maxItems: 64, items: gpu },
      },
    },
  },
} as const;

/** The node agents' API: the typed-data domain to sign with, and signed heartbeats. */
export const heartbeatRoutes =
  (deps: HttpDeps): FastifyPluginAsync =>
  async (app) => {
    const { services, logger } = deps;
    const interval = services.compute.heartbeatIntervalMs;
    // Every answer to a heartbeat counts, also the schema's and the rate limiter's refusals (by HTTP status).
    app.addHook("onResponse", async (request, reply) => {
      if (request.method !== "POST" || !request.routeOptions.url?.endsWith("/heartbeat")) return;
      services.metrics.heartbeat(reply.statusCode < 300 ? "accepted" : `refused_${reply.statusCode}`);
    });

    app.get<{ Params: { id: string } }>(
      "/nodes/:id/heartbeat-domain",
      { schema: { params } },
      async (request, reply) => {
        try {
          return await heartbeatTerms(services, Number(request.params.id));
        } catch (error) {
          if (error instanceof HeartbeatRefusal) {
            return reply.status(error.status).send({ error: error.code, message: error.message });
          }
          throw error;
        }
      },
    );

    app.post<{ Params: { id: string }; Body: HeartbeatBody }>(
      "/nodes/:id/heartbeat",
      {
        schema: { params, body: heartbeatBody },
        // Per node and sender: a flood (or a stuck agent) is cut off without touching other nodes' heartbeats, and a
        // stranger flooding a node's id cannot silence the node itself. Ten per interval leaves room for retries.
        config: {
          rateLimit: {
            max: 10,
            timeWindow: interval,
            keyGenerator: (req: { params: unknown; ip: string }) => `${(req.params as { id?: string }).id}:${req.ip}`,
            errorResponseBuilder: (_req: unknown, context: { after: string; statusCode: number }) => ({
              statusCode: context.statusCode,
              error: "rate_limited",
              message: `Too many heartbeats for this node: at most 10 per ${interval / 1000} s. Retry in ${context.after}.`,
            }),
          },
        },
      },
      async (request, reply) => {
        const id = Number(request.params.id);
        try {
          const accepted = await acceptHeartbeat(services, id, request.body);
          if (accepted.cameOnline || accepted.newShortfall) {
            // Announcements are queued for the publisher; the node's answer does not wait for them.
            void announce(accepted.nodeId, accepted.guildId, accepted.cameOnline, accepted.newShortfall).catch((err) =>
              logger.warn({ nodeId: id, err }, "could not announce a node's change"),
            );
          }
          return { accepted: true, node: id, sequence: accepted.sequence, nextInMs: interval };
        } catch (error) {
          if (error instanceof HeartbeatRefusal) {
            return reply.status(error.status).send({ error: error.code, message: error.message });
          }
          throw error;
        }
      },
    );

    async function announce(nodeId: number, guildId: string, cameOnline: boolean, shortfall: string | null) {
      if (cameOnline) await nodeCameOnline(services, nodeId);
      if (shortfall) {
        await enqueuePosts(services.db, services.now(), [
          {
            guildId,
            kind: "compute",
            notice: {
              content: `⚠️ Node #${nodeId}'s reported specs fall short of what was declared: ${shortfall}. Its reward is capped at the capacity it reports until that changes.`,
            },
          },
        ]);
      }
    }
  };
