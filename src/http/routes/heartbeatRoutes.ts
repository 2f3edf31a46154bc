import type { FastifyPluginAsync } from "fastify";
import {
  type HeartbeatBody,
  HeartbeatRefusal,
  heartbeatTerms,
  recordHeartbeat,
  verifyHeartbeat,
} from "../../services/compute/acceptHeartbeat.ts";
import { answerChallenge, type ChallengeAnswer, challengeForHeartbeat } from "../../services/compute/nodeChallenges.ts";
import { nodeCameOnline } from "../../services/compute/nodeHealth.ts";
import { readShortfall } from "../../services/compute/reportedSpecs.ts";
import { enqueuePosts } from "../../services/publishing/enqueuePosts.ts";
import type { HttpDeps } from "../httpDeps.ts";
import { WindowCounter } from "../windowCounter.ts";

/** Heartbeats a node may have accepted per interval: one is due, the rest leaves room for an agent's retries. */
export const HEARTBEATS_PER_NODE = 10;
/** Refused heartbeats one address may send per interval before its further refusals are answered 429. */
export const REFUSALS_PER_ADDRESS = 30;
/** Domain requests one address may make a minute (an agent asks once when it starts). */
export const DOMAIN_REQUESTS_PER_MINUTE = 30;

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

const answerParams = {
  type: "object",
  required: ["id", "challenge"],
  properties: {
    id: { type: "string", pattern: "^[1-9][0-9]{0,9}$" },
    challenge: { type: "string", pattern: "^[1-9][0-9]{0,9}$" },
  },
} as const;

// One result per lane: at most 16 GPUs × 1,024 lanes, or 4,096 cores (67 bytes each, in a 2 MB body).
const answerBody = {
  type: "object",
  required: ["lanes", "signature"],
  additionalProperties: false,
  properties: {
    lanes: { type: "array", maxItems: 16_384, items: { type: "string", pattern: "^0x[0-9a-fA-F]{64}$" } },
    signature: { type: "string", pattern: "^0x[0-9a-fA-F]{130}$" },
  },
} as const;

/** The node agents' API: the typed-data domain to sign with, and signed heartbeats. */
export const heartbeatRoutes =
  (deps: HttpDeps): FastifyPluginAsync =>
  async (app) => {
    const { services, logger } = deps;
    const interval = services.compute.heartbeatIntervalMs;
    // Only a heartbeat signed by the node's own key counts against the node, so nobody without the key can use up
    // its allowance; every refusal counts against the address it came from (the client's, behind TRUST_PROXY).
    const perNode = new WindowCounter(HEARTBEATS_PER_NODE, interval);
    const perAddress = new WindowCounter(REFUSALS_PER_ADDRESS, interval);
    // Every answer to a heartbeat counts, also the schema's and the rate limiter's refusals (by HTTP status).
    app.addHook("onResponse", async (request, reply) => {
      if (request.method !== "POST" || !request.routeOptions.url?.endsWith("/heartbeat")) return;
      services.metrics.heartbeat(reply.statusCode < 300 ? "accepted" : `refused_${reply.statusCode}`);
      // A node's own 429 is not the sender's fault; malformed bodies (refused before the handler) are.
      if (reply.statusCode >= 400 && reply.statusCode !== 429) perAddress.add(request.ip);
    });

    app.get<{ Params: { id: string } }>(
      "/nodes/:id/heartbeat-domain",
      {
        schema: { params },
        // Each request reads the database: one address may not keep it busy.
        config: {
          rateLimit: {
            max: DOMAIN_REQUESTS_PER_MINUTE,
            timeWindow: 60_000,
            errorResponseBuilder: (_req: unknown, context: { after: string; statusCode: number }) => ({
              statusCode: context.statusCode,
              error: "rate_limited",
              message: `Too many requests for a node's heartbeat domain: at most ${DOMAIN_REQUESTS_PER_MINUTE} a minute from one address (an agent asks once when it starts). Retry in ${context.after}.`,
            }),
          },
        },
      },
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
      { schema: { params, body: heartbeatBody } },
      async (request, reply) => {
        const id = Number(request.params.id);
        const refuse = (refusal: HeartbeatRefusal) => {
          // The reason stays in the answer: an operator behind a shared address still learns what to fix.
          if (perAddress.exhausted(request.ip)) {
            return reply.status(429).send({
              error: "rate_limited",
              message: `Too many refused heartbeats from your address: at most ${REFUSALS_PER_ADDRESS} per ${interval / 1000} s. Retry in ${perAddress.retryAfterSeconds(request.ip)} s. This one was refused because: ${refusal.message}`,
            });
          }
          return reply.status(refusal.status).send({ error: refusal.code, message: refusal.message });
        };
        try {
          // Verified before anything is counted against the node (~0.12 ms): a forged or replayed-late heartbeat
          // never uses up the node's allowance.
          const verified = await verifyHeartbeat(services, id, request.body);
          if (!perNode.take(String(id))) {
            return reply.status(429).send({
              error: "rate_limited",
              message: `Too many heartbeats for this node: at most ${HEARTBEATS_PER_NODE} per ${interval / 1000} s. Retry in ${perNode.retryAfterSeconds(String(id))} s.`,
            });
          }
          let accepted: Awaited<ReturnType<typeof recordHeartbeat>>;
          try {
            accepted = await recordHeartbeat(services, verified);
          } catch (error) {
            // A replay (stale sequence) was signed by the node but sent by someone else: it does not count.
            perNode.refund(String(id));
            throw error;
          }
          if (accepted.cameOnline || accepted.newShortfall) {
            // Announcements are queued for the publisher; the node's answer does not wait for them.
            void announce(accepted.nodeId, accepted.guildId, accepted.cameOnline, accepted.newShortfall).catch((err) =>
              logger.warn({ nodeId: id, err }, "could not announce a node's change"),
            );
          }
          // A capacity challenge rides on the answer at random times; an agent that ignores it keeps its uptime but
          // earns only the CPU rate.
          // The heartbeat is stored whatever happens here: a failure to issue only delays the challenge.
          const challenge = await challengeForHeartbeat(services, id, verified.node).catch((err) => {
            logger.warn({ nodeId: id, err }, "could not issue or expire a capacity challenge");
            return null;
          });
          return {
            accepted: true,
            node: id,
            sequence: accepted.sequence,
            nextInMs: interval,
            ...(challenge ? { challenge } : {}),
          };
        } catch (error) {
          if (error instanceof HeartbeatRefusal) return refuse(error);
          throw error;
        }
      },
    );

    app.post<{ Params: { id: string; challenge: string }; Body: ChallengeAnswer }>(
      "/nodes/:id/challenges/:challenge",
      { schema: { params: answerParams, body: answerBody }, bodyLimit: 2 * 1024 * 1024 },
      async (request, reply) => {
        try {
          const verdict = await answerChallenge(
            services,
            Number(request.params.id),
            Number(request.params.challenge),
            request.body,
            services.heartbeats.nodes.get(Number(request.params.id)),
          );
          return { challenge: Number(request.params.challenge), ...verdict };
        } catch (error) {
          if (error instanceof HeartbeatRefusal) {
            perAddress.add(request.ip);
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
            notice: { fact: { kind: "node_shortfall", nodeId, shortfall: readShortfall(shortfall) } },
          },
        ]);
      }
    }
  };
