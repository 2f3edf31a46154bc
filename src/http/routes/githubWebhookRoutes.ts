import { Webhooks } from "@octokit/webhooks";
import type { FastifyPluginAsync } from "fastify";
import { captureMergedPull } from "../../services/github/captureMergedPull.ts";
import type { HttpDeps } from "../httpDeps.ts";

/** GitHub sends payloads of up to 25 MB; a pull_request event is tens of KB. More than this is not a PR event. */
export const WEBHOOK_BODY_LIMIT = 1024 * 1024;

const header = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? "";

/**
 * `POST /github/webhook`: GitHub's deliveries, verified with the webhook secret over the exact bytes received
 * (`X-Hub-Signature-256`, by @octokit/webhooks). A merged `pull_request` drafts a contribution for its linked author
 * (200 with what was done); other events and actions are acknowledged and ignored (202); a bad or missing signature is
 * 401. Logged by delivery id and event, never with the secret or the signature.
 */
export function githubWebhookRoutes(deps: HttpDeps, secret: string): FastifyPluginAsync {
  const webhooks = new Webhooks({ secret });
  return async (app) => {
    // The signature covers the body as sent: it is kept as text, parsed only once verified.
    app.addContentTypeParser("application/json", { parseAs: "string" }, (_request, body, done) => done(null, body));
    app.post("/webhook", { bodyLimit: WEBHOOK_BODY_LIMIT }, async (request, reply) => {
      const raw = typeof request.body === "string" ? request.body : "";
      const event = header(request.headers["x-github-event"]);
      const deliveryId = header(request.headers["x-github-delivery"]);
      const signature = header(request.headers["x-hub-signature-256"]);
      const log = deps.logger.child({ component: "github-webhook", event, deliveryId });
      const valid = signature !== "" && (await webhooks.verify(raw, signature).catch(() => false));
      if (!valid) {
        log.warn({ signed: signature !== "" }, "GitHub webhook refused: the signature does not match the secret");
        return reply.status(401).send({ error: "bad_signature", message: "The X-Hub-Signature-256 does not match." });
      }
      if (event !== "pull_request" || deliveryId === "") {
        log.info("GitHub webhook ignored: not a pull_request event");
        return reply.status(202).send({ status: "ignored" });
      }
      let payload: PullRequestPayload;
      try {
        payload = JSON.parse(raw) as PullRequestPayload;
      } catch {
        return reply.status(400).send({ error: "malformed_json", message: "The body is not valid JSON." });
      }
      const pr = payload.pull_request;
      if (!pr || typeof pr.node_id !== "string") {
        return reply.status(400).send({ error: "invalid_body", message: "A pull_request event without its PR." });
      }
      const outcome = await captureMergedPull(deps.services, {
        deliveryId,
        action: String(payload.action ?? ""),
        pull: {
          nodeId: pr.node_id,
          merged: pr.merged === true,
          url: String(pr.html_url ?? ""),
          title: String(pr.title ?? ""),
          body: typeof pr.body === "string" ? pr.body : null,
          number: Number(pr.number),
          repository: String(payload.repository?.full_name ?? ""),
          author: pr.user && typeof pr.user.id === "number" ? { id: pr.user.id, login: String(pr.user.login) } : null,
        },
      });
      log.info({ outcome }, "GitHub webhook handled");
      return reply.status(outcome.status === "ignored" ? 202 : 200).send(outcome);
    });
  };
}

interface PullRequestPayload {
  action?: string;
  repository?: { full_name?: string };
  pull_request?: {
    node_id?: unknown;
    merged?: unknown;
    html_url?: unknown;
    title?: unknown;
    body?: unknown;
    number?: unknown;
    user?: { id?: unknown; login?: unknown } | null;
  };
}
