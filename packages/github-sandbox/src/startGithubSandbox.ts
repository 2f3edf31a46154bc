import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { DeviceFlow } from "./deviceFlow.ts";
import { openGithubJournal } from "./githubJournal.ts";
import { GithubRest } from "./githubRest.ts";
import { GithubShapes } from "./githubShapes.ts";
import { GithubState } from "./githubState.ts";
import { githubSchema } from "./graphql/githubSchema.ts";
import { RateLimits } from "./rateLimits.ts";
import { isLoopbackHost, sandboxHostnames } from "./refuseForeignRequest.ts";
import type { GithubSandboxOptions, SandboxParts } from "./sandboxParts.ts";
import { serveRequest } from "./serveRequest.ts";
import type { SpecViolation } from "./specValidator.ts";

export interface GithubSandbox {
  /** What Octokit's `baseUrl` takes: the REST API and the OAuth endpoints are both served at the root. */
  url: string;
  state: GithubState;
  limits: RateLimits;
  violations: SpecViolation[];
  close(): Promise<void>;
}

/** Starts the local GitHub: REST API at the root, the device flow under /login, the control API under /sandbox. */
export async function startGithubSandbox(options: GithubSandboxOptions = {}): Promise<GithubSandbox> {
  const journal = options.stateFile ? openGithubJournal(options.stateFile) : undefined;
  const state = journal?.state ?? new GithubState();
  let baseUrl = "";
  const limits = new RateLimits(() => state.now(), options.rateLimits);
  const violations: SpecViolation[] = [];
  const parts: SandboxParts = {
    state,
    limits,
    violations,
    options,
    validator: options.validator,
    deviceFlow: new DeviceFlow(state, () => `${baseUrl}/login/device`, options.deviceInterval ?? 5),
    rest: new GithubRest(state, new GithubShapes(state, () => baseUrl)),
    stats: { requests: 0, notModified: 0, byPath: new Map() },
    latency: { ms: options.latencyMs ?? 0 },
    graphql: { enabled: true },
    changed: () => journal?.save(),
  };
  const host = options.host ?? "127.0.0.1";
  const port = options.port ?? 0;
  const hostnames = sandboxHostnames(host);
  const server = createServer((req, res) => {
    serveRequest(parts, hostnames, req, res).catch((error) => {
      options.log?.(`github sandbox error: ${(error as Error).stack}`);
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  // GitHub's GraphQL schema is built before the first answer (about a second of work that would otherwise hold up
  // the process in the middle of someone's request), once per process.
  await githubSchema();
  await new Promise<void>((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) =>
      reject(error.code === "EADDRINUSE" ? new Error(`port ${port} on ${host} is already in use`) : error),
    );
    server.listen(port, host, () => resolve());
  });
  baseUrl = `http://${host}:${(server.address() as AddressInfo).port}`;
  if (!isLoopbackHost(host)) {
    options.log?.(
      `The local GitHub listens on ${host}, which is not a loopback address: anyone who can reach it can create users and approve device codes.`,
    );
  }
  return {
    url: baseUrl,
    state,
    limits,
    violations,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
