import { createHmac, randomUUID } from "node:crypto";
import type { Json } from "./control/controlInputs.ts";
import { HttpError } from "./githubState.ts";
import type { SandboxParts } from "./sandboxParts.ts";

/** The hook's id in the headers GitHub sends (one webhook per sandbox). */
const HOOK_ID = "1";

const text = (body: Json, key: string): string => {
  const v = body[key];
  if (typeof v !== "string" || v === "") throw new HttpError(400, `"${key}" is required.`);
  return v;
};

/**
 * `POST /sandbox/webhooks/deliver`: sends one webhook delivery to `url` as GitHub does — the event's JSON body, signed
 * with `secret` in X-Hub-Signature-256 (HMAC-SHA256, and X-Hub-Signature with SHA-1), with X-GitHub-Event,
 * X-GitHub-Delivery (a new GUID, or `delivery_id` to redeliver), X-GitHub-Hook-ID and the Hookshot User-Agent.
 * Events: `pull_request` (of `owner/repo#number`, `action` default `closed`) and `ping`. Answers what the receiver did.
 */
export async function deliverWebhook(parts: SandboxParts, body: Json) {
  const url = text(body, "url");
  const secret = text(body, "secret");
  const event = typeof body.event === "string" ? body.event : "pull_request";
  const deliveryId = typeof body.delivery_id === "string" && body.delivery_id !== "" ? body.delivery_id : randomUUID();
  let payload: unknown;
  if (event === "ping") {
    payload = { zen: "Keep it logically awesome.", hook_id: Number(HOOK_ID) };
  } else if (event === "pull_request") {
    const { state } = parts;
    const { shapes } = parts.rest;
    const repo = state.repo(text(body, "owner"), text(body, "repo"));
    const pull = state.pull(repo, Number(body.number));
    payload = {
      action: typeof body.action === "string" ? body.action : "closed",
      number: pull.number,
      pull_request: shapes.pull(repo, pull),
      repository: shapes.repository(repo),
      sender: shapes.simpleUser(pull.mergedBy ?? pull.author),
    };
  } else {
    throw new HttpError(400, `The sandbox delivers "pull_request" and "ping" events, not "${event}".`);
  }
  const raw = JSON.stringify(payload);
  const sign = (algorithm: "sha256" | "sha1") =>
    `${algorithm}=${createHmac(algorithm, secret).update(raw).digest("hex")}`;
  const res = await fetch(url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "user-agent": "GitHub-Hookshot/sandbox",
      "x-github-event": event,
      "x-github-delivery": deliveryId,
      "x-github-hook-id": HOOK_ID,
      "x-github-hook-installation-target-type": "repository",
      "x-github-hook-installation-target-id": "1",
      "x-hub-signature": sign("sha1"),
      "x-hub-signature-256": sign("sha256"),
    },
    body: raw,
  }).catch((error: unknown) => {
    throw new HttpError(502, `The webhook's URL did not answer: ${(error as Error).message}`);
  });
  const answer = await res.text();
  return { delivery_id: deliveryId, status: res.status, body: answer };
}
