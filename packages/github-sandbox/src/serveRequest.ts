import { createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { type ControlParts, Created, control } from "./control/control.ts";
import type { Json } from "./control/controlInputs.ts";
import { deliverWebhook } from "./deliverWebhook.ts";
import { devicePage } from "./deviceFlow.ts";
import type { GithubRest, RestResult } from "./githubRest.ts";
import { HttpError } from "./githubState.ts";
import { serveGraphql } from "./graphql/serveGraphql.ts";
import { refuseForeignRequest } from "./refuseForeignRequest.ts";
import type { SandboxParts } from "./sandboxParts.ts";
import type { SpecViolation } from "./specValidator.ts";

const MAX_BODY = 1_000_000;
const DOCS = "https://docs.github.com/rest";

const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "x-content-type-options": "nosniff",
  "content-security-policy": "frame-ancestors 'none'",
  "referrer-policy": "no-referrer",
};

/** W/"…" of the body, as GitHub tags its GET answers; the same body gives the same tag. */
export function etagOf(body: unknown): string {
  return `W/"${createHash("sha256").update(JSON.stringify(body)).digest("hex").slice(0, 40)}"`;
}

function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const bare = (t: string) => t.trim().replace(/^W\//, "");
  return ifNoneMatch.split(",").some((t) => t.trim() === "*" || bare(t) === bare(etag));
}

/** One request: the OAuth device flow under /login, the control API under /sandbox, GraphQL, else the REST API. */
export async function serveRequest(
  parts: SandboxParts,
  hostnames: ReadonlySet<string>,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const url = new URL(req.url ?? "/", "http://sandbox");
  const method = req.method ?? "GET";
  const path = url.pathname.replace(/\/+$/, "") || "/";
  const send = (status: number, body?: unknown, headers: Record<string, string> = {}) => {
    if (body === undefined || method === "HEAD") res.writeHead(status, headers).end();
    else {
      res
        .writeHead(status, { ...headers, "content-type": "application/json; charset=utf-8" })
        .end(JSON.stringify(body));
    }
  };
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
  const refusal = refuseForeignRequest(req, hostnames);
  if (refusal) {
    send(refusal.status, { error: refusal.error }, { connection: "close" });
    return;
  }
  let raw: string;
  try {
    raw = (await readBody(req)).toString("utf8");
  } catch (error) {
    send(413, { message: (error as Error).message });
    return;
  }
  const type = (req.headers["content-type"] ?? "").split(";")[0]?.trim();
  let body: Json = {};
  if (raw !== "") {
    try {
      body =
        type === "application/x-www-form-urlencoded"
          ? Object.fromEntries(new URLSearchParams(raw))
          : (JSON.parse(raw) as Json);
    } catch {
      send(400, { message: "Problems parsing JSON", documentation_url: DOCS, status: "400" });
      return;
    }
  }

  if (path === "/login/device") {
    if (method === "GET") {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(devicePage());
      return;
    }
    if (method === "POST") {
      let message: string;
      try {
        const code = String(body.user_code ?? "");
        if (body.decision === "deny") {
          parts.deviceFlow.deny(code);
          message = "The application was not authorized.";
        } else {
          parts.deviceFlow.approve(code, String(body.login ?? ""));
          message = "Congratulations, you're all set! Your device is now connected.";
        }
      } catch (error) {
        if (!(error instanceof HttpError)) throw error;
        message = error.message;
      }
      parts.changed();
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(devicePage(message));
      return;
    }
  }
  if (method === "POST" && path === "/login/device/code") {
    const out = parts.deviceFlow.requestCode({ ...Object.fromEntries(url.searchParams), ...body });
    send(out.status, out.body);
    return;
  }
  if (method === "POST" && path === "/login/oauth/access_token") {
    const out = parts.deviceFlow.poll({ ...Object.fromEntries(url.searchParams), ...body });
    if ((out.body as { access_token?: string }).access_token) parts.changed();
    send(out.status, out.body);
    return;
  }
  if (method === "POST" && path === "/sandbox/webhooks/deliver") {
    try {
      send(200, await deliverWebhook(parts, body));
    } catch (error) {
      if (error instanceof HttpError) send(error.status, { error: error.message });
      else throw error;
    }
    return;
  }
  if (path.startsWith("/sandbox/")) {
    try {
      const out = control(parts as ControlParts, method, path, body);
      if (method !== "GET") parts.changed();
      if (out instanceof Created) send(201, out.body);
      else send(200, out);
    } catch (error) {
      if (error instanceof HttpError) send(error.status, { error: error.message });
      else throw error;
    }
    return;
  }
  if (method === "POST" && path === "/graphql" && parts.graphql.enabled) {
    await serveGraphql(parts, req, body, send);
    return;
  }
  await serveApi(parts, parts.rest, req, method, path, send, url.searchParams);
}

async function serveApi(
  parts: SandboxParts,
  rest: GithubRest,
  req: IncomingMessage,
  method: string,
  path: string,
  send: (status: number, body?: unknown, headers?: Record<string, string>) => void,
  query: URLSearchParams = new URLSearchParams(),
) {
  const { state, limits, stats } = parts;
  const authorization = req.headers.authorization ?? "";
  const token = /^(?:token|bearer)\s+(\S+)$/i.exec(authorization)?.[1];
  const login = token ? state.loginOfToken(token) : undefined;
  const common = { "x-github-api-version-selected": "2022-11-28", "x-github-media-type": "github.v3; format=json" };
  if (authorization && !login) {
    send(401, { message: "Bad credentials", documentation_url: DOCS, status: "401" }, common);
    return;
  }
  // The primary limit is the user's, shared by all their tokens; without a token, the client address's.
  const key = login ? String(state.user(login).id) : `ip:${req.socket.remoteAddress ?? "unknown"}`;
  stats.requests += 1;
  stats.byPath.set(path, (stats.byPath.get(path) ?? 0) + 1);
  // GitHub: GET /rate_limit does not count against the primary limit.
  if (method === "GET" && path === "/rate_limit") {
    const h = limits.headers(key);
    const core = {
      limit: Number(h["x-ratelimit-limit"]),
      remaining: Number(h["x-ratelimit-remaining"]),
      reset: Number(h["x-ratelimit-reset"]),
      used: Number(h["x-ratelimit-used"]),
    };
    const overview = { resources: { core, search: { ...core, limit: 30, remaining: 30, used: 0 } }, rate: core };
    if (parts.validator) record(parts, parts.validator.validateResponse("GET", path, 200, overview));
    send(200, overview, { ...common, ...h });
    return;
  }
  const verdict = limits.admit(key, method === "GET" || method === "HEAD" ? 1 : 5);
  if (!verdict.ok) {
    send(verdict.status, { message: verdict.message, documentation_url: DOCS }, { ...common, ...verdict.headers });
    return;
  }
  limits.begin(key);
  let result: RestResult;
  try {
    if (parts.latency.ms > 0) await new Promise((resolve) => setTimeout(resolve, parts.latency.ms));
    result = rest.handle(method, path, login, query);
  } finally {
    limits.end(key);
  }
  const headers: Record<string, string> = {
    ...common,
    vary: "Accept, Authorization, Cookie, X-GitHub-OTP",
    "cache-control": login ? "private, max-age=60, s-maxage=60" : "public, max-age=60, s-maxage=60",
  };
  if (result.status === 200) {
    const etag = etagOf(result.body);
    headers.etag = etag;
    if (matches(req.headers["if-none-match"], etag)) {
      // A 304 does not count against the primary rate limit.
      stats.notModified += 1;
      send(304, undefined, { ...headers, ...limits.headers(key) });
      return;
    }
  }
  limits.count(key);
  if (parts.validator && result.status === 200) {
    record(parts, parts.validator.validateResponse("GET", path, result.status, result.body));
  }
  send(result.status, result.body, { ...headers, ...limits.headers(key) });
}

function record(parts: SandboxParts, violation: SpecViolation | undefined) {
  if (!violation) return;
  parts.violations.push(violation);
  parts.options.log?.(`spec violation: ${violation.method} ${violation.path}: ${violation.errors.join("; ")}`);
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new Error("The request body is too large."));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}
