import type { HttpDeps } from "./httpDeps.ts";

/**
 * A whole request — headers and body — must arrive within this (checked every CHECK_EVERY_MS), else 408 and the
 * socket closes: a heartbeat is 1 KB and the public API takes no bodies, so only a client trickling bytes to hold
 * sockets open (a body at 1 byte per 10 s) ever reaches it. Fastify's default is no limit at all.
 */
export const REQUEST_TIMEOUT_MS = 30_000;
export const CHECK_EVERY_MS = 5_000;
/** Headers alone within this; a socket silent for IDLE_TIMEOUT_MS (no request at all) is closed. */
export const HEADERS_TIMEOUT_MS = 15_000;
export const IDLE_TIMEOUT_MS = 120_000;
/** Fastify's default, kept for the server Steward binds itself. */
const KEEP_ALIVE_MS = 72_000;

/** The timeouts fastify would set on a server it created itself (it sets none on one it is given). */
export function nodeServerOptions(timeouts?: HttpDeps["timeouts"]) {
  const requestMs = timeouts?.requestMs ?? REQUEST_TIMEOUT_MS;
  return {
    http: {
      headersTimeout: Math.min(HEADERS_TIMEOUT_MS, requestMs),
      connectionsCheckingInterval: timeouts?.checkEveryMs ?? CHECK_EVERY_MS,
      requestTimeout: requestMs,
      keepAliveTimeout: KEEP_ALIVE_MS,
    },
    idleMs: IDLE_TIMEOUT_MS,
  };
}
