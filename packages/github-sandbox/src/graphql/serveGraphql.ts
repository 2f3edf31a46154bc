import type { IncomingMessage } from "node:http";
import { execute, type GraphQLError, getOperationAST, parse, validate } from "graphql";
import type { Json } from "../control/controlInputs.ts";
import { graphqlKey } from "../rateLimits.ts";
import type { SandboxParts } from "../sandboxParts.ts";
import { githubSchema } from "./githubSchema.ts";
import { graphqlRoot } from "./graphqlRoot.ts";
import { queryCost } from "./queryCost.ts";

const AUTH_DOCS = "https://docs.github.com/graphql/guides/forming-calls-with-graphql#authenticating-with-graphql";
const LIMIT_DOCS = "https://docs.github.com/graphql/overview/rate-limits-and-query-limits-for-the-graphql-api";

type Send = (status: number, body?: unknown, headers?: Record<string, string>) => void;

/** A GraphQL error as GitHub words it: `type` (NOT_FOUND, RATE_LIMITED…) beside the message, path and locations. */
function githubError(e: GraphQLError) {
  const type = e.extensions?.type;
  return {
    ...(typeof type === "string" ? { type } : {}),
    ...(e.path ? { path: e.path } : {}),
    ...(e.locations ? { locations: e.locations } : {}),
    message: e.message,
  };
}

/**
 * POST /graphql as GitHub answers it: a token is required; the query is parsed and validated against GitHub's
 * published schema, its node limit and cost computed as GitHub documents, its points counted against a GraphQL hour
 * of their own (x-ratelimit-resource: graphql). Errors in the query, a missing object and the hour's limit reached
 * are answered 200 with `errors`, as GitHub does; a secondary limit 403 with retry-after. No ETags: GitHub answers
 * GraphQL without them.
 */
export async function serveGraphql(parts: SandboxParts, req: IncomingMessage, body: Json, send: Send) {
  const { state, limits, stats } = parts;
  const authorization = req.headers.authorization ?? "";
  const token = /^(?:token|bearer)\s+(\S+)$/i.exec(authorization)?.[1];
  const login = token ? state.loginOfToken(token) : undefined;
  stats.requests += 1;
  stats.byPath.set("/graphql", (stats.byPath.get("/graphql") ?? 0) + 1);
  if (!login) {
    const message = authorization ? "Bad credentials" : "This endpoint requires you to be authenticated.";
    send(401, { message, documentation_url: AUTH_DOCS, status: "401" });
    return;
  }
  const userKey = String(state.user(login).id);
  const key = graphqlKey(userKey);
  const answer = (errors: { message: string; type?: string }[], status = 200) =>
    send(status, { errors }, limits.headers(key));
  if (typeof body.query !== "string") {
    answer([{ message: "A query attribute must be specified and must be a string." }]);
    return;
  }
  const schema = await githubSchema();
  let document: ReturnType<typeof parse>;
  try {
    document = parse(body.query);
  } catch (error) {
    answer([githubError(error as GraphQLError)]);
    return;
  }
  const invalid = validate(schema, document);
  if (invalid.length > 0) {
    answer(invalid.map(githubError));
    return;
  }
  const operationName = typeof body.operationName === "string" ? body.operationName : undefined;
  const operation = getOperationAST(document, operationName);
  if (operation?.operation !== "query") {
    answer([{ message: operation ? "The local GitHub answers queries, not mutations." : "No operation to run." }]);
    return;
  }
  const variables =
    body.variables && typeof body.variables === "object" && !Array.isArray(body.variables)
      ? (body.variables as Record<string, unknown>)
      : {};
  const cost = queryCost(schema, document, operation, variables);
  if (!cost.ok) {
    answer([{ type: "MAX_NODE_LIMIT_EXCEEDED", message: cost.message }]);
    return;
  }
  const verdict = limits.admit(key, 1, cost.cost);
  if (!verdict.ok) {
    if (verdict.headers["retry-after"]) {
      send(verdict.status, { message: verdict.message, documentation_url: LIMIT_DOCS }, verdict.headers);
    } else {
      answer([{ type: "RATE_LIMITED", message: `API rate limit already exceeded for user ID ${userKey}.` }]);
    }
    return;
  }
  limits.begin(userKey);
  try {
    if (parts.latency.ms > 0) await new Promise((resolve) => setTimeout(resolve, parts.latency.ms));
    limits.count(key, cost.cost);
    const h = limits.headers(key);
    const rateLimit = {
      cost: cost.cost,
      limit: Number(h["x-ratelimit-limit"]),
      nodeCount: cost.nodes,
      remaining: Number(h["x-ratelimit-remaining"]),
      resetAt: new Date(Number(h["x-ratelimit-reset"]) * 1000).toISOString(),
      used: Number(h["x-ratelimit-used"]),
    };
    const base = `http://${req.headers.host ?? "127.0.0.1"}`;
    const result = await execute({
      schema,
      document,
      operationName,
      variableValues: variables,
      rootValue: graphqlRoot(state, parts.rest.shapes, login, rateLimit, base),
    });
    send(200, { ...(result.errors ? { errors: result.errors.map(githubError) } : {}), data: result.data ?? null }, h);
  } finally {
    limits.end(userKey);
  }
}
