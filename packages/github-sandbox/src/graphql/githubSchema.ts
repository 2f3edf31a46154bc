import { buildClientSchema, type GraphQLSchema, type IntrospectionQuery } from "graphql";

let loading: Promise<GraphQLSchema> | undefined;

/**
 * GitHub's public GraphQL schema as npm's @octokit/graphql-schema publishes it (GitHub's introspection answer):
 * every query is validated and every answer shaped by it, so what the local GitHub accepts and answers, GitHub would.
 * Built once per process, on the first query (it takes about a second).
 */
export function githubSchema(): Promise<GraphQLSchema> {
  loading ??= (async () => {
    // The package reads its schema.json when imported: imported here, on the first query, not at start.
    const { schema } = await import("@octokit/graphql-schema");
    const json = schema.json as unknown as { data?: IntrospectionQuery } & IntrospectionQuery;
    return buildClientSchema(json.data ?? json);
  })();
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}
