import { createServer, type RequestListener, type Server } from "node:http";
import { SECURITY_HEADERS } from "../securityHeaders.ts";
import type { HttpDeps } from "./httpDeps.ts";
import { nodeServerOptions } from "./httpTimeouts.ts";

/** An HTTP port Steward holds before its routes exist: its address is known, requests wait for `open`. */
export interface BoundHttpServer {
  server: Server;
  /** `http://host:port` as bound (port 0 picks a free one). */
  url: string;
  /** Hands the routes' handler over (fastify's serverFactory); requests reach it once `open` is called. */
  serveWith(handler: RequestListener): Server;
  open(): void;
  close(): Promise<void>;
}

/**
 * Binds HTTP_HOST:HTTP_PORT first, so that what needs Steward's address (wallet link messages) is built knowing it,
 * once, before the services exist. Until the routes are served, every request is told that Steward is starting.
 */
export async function bindHttpServer(host: string, port: number, timeouts?: HttpDeps["timeouts"]) {
  const options = nodeServerOptions(timeouts);
  const server = createServer(options.http);
  server.setTimeout(options.idleMs);
  const starting: RequestListener = (_request, response) => {
    response.writeHead(503, {
      ...SECURITY_HEADERS,
      "content-type": "application/json; charset=utf-8",
      "retry-after": "2",
    });
    response.end(JSON.stringify({ error: "starting", message: "Steward is starting: try again in a few seconds." }));
  };
  server.on("request", starting);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen({ host, port }, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address();
  const boundPort = typeof address === "object" && address ? address.port : port;
  let routes: RequestListener | undefined;
  const bound: BoundHttpServer = {
    server,
    url: `http://${host.includes(":") ? `[${host}]` : host}:${boundPort}`,
    serveWith(handler) {
      routes = handler;
      return server;
    },
    open() {
      if (!routes) throw new Error("no routes to serve: create the HTTP server on this binding first");
      server.off("request", starting);
      server.on("request", routes);
    },
    close: () =>
      new Promise<void>((resolve) => {
        if (!server.listening) return resolve();
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
  return bound;
}
