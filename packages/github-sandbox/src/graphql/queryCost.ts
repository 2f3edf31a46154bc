import {
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  getNamedType,
  isCompositeType,
  isInterfaceType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  valueFromASTUntyped,
} from "graphql";

/** What GitHub counts of a query before it runs it. */
export type QueryCost = { ok: true; nodes: number; requests: number; cost: number } | { ok: false; message: string };

const MAX_NODES = 500_000;

/**
 * GitHub's node limit and cost of a query ("Rate limits and query limits for the GraphQL API"): every connection
 * needs `first` or `last` between 1 and 100; the nodes are each connection's size times its parents' sizes, at most
 * 500,000; the cost is one request per connection times its parents' sizes, over 100, rounded, at least 1 point.
 */
export function queryCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): QueryCost {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  let nodes = 0;
  let requests = 0;
  const walk = (set: SelectionSetNode, type: GraphQLCompositeType, times: number): string | undefined => {
    for (const s of set.selections) {
      if (s.kind === Kind.INLINE_FRAGMENT || s.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = s.kind === Kind.FRAGMENT_SPREAD ? fragments.get(s.name.value) : s;
        if (!fragment) continue;
        const on = fragment.typeCondition ? schema.getType(fragment.typeCondition.name.value) : type;
        const refused = on && isCompositeType(on) ? walk(fragment.selectionSet, on, times) : undefined;
        if (refused) return refused;
        continue;
      }
      if (!s.selectionSet || !(isObjectType(type) || isInterfaceType(type))) continue;
      const field = type.getFields()[s.name.value];
      if (!field) continue;
      const inner = getNamedType(field.type);
      if (!isCompositeType(inner)) continue;
      let size = 1;
      if (inner.name.endsWith("Connection")) {
        const arg = (name: string) => {
          const a = s.arguments?.find((x) => x.name.value === name);
          return a ? valueFromASTUntyped(a.value, variables) : undefined;
        };
        const bound = arg("first") ?? arg("last");
        if (bound === undefined || bound === null) {
          return `You must provide a \`first\` or \`last\` value to properly paginate the \`${s.name.value}\` connection.`;
        }
        const n = Number(bound);
        if (!Number.isInteger(n) || n < 1 || n > 100) {
          return `Requesting ${n} records on the \`${s.name.value}\` connection exceeds the \`${arg("first") !== undefined ? "first" : "last"}\` limit of 100 records.`;
        }
        requests += times;
        nodes += times * n;
        size = n;
        if (nodes > MAX_NODES) {
          return `By the time this query traverses to the ${s.name.value} connection, it is requesting up to ${nodes.toLocaleString("en-US")} possible nodes which exceeds the maximum limit of ${MAX_NODES.toLocaleString("en-US")}.`;
        }
      }
      const refused = walk(s.selectionSet, inner, times * size);
      if (refused) return refused;
    }
    return undefined;
  };
  const root = operation.operation === "mutation" ? schema.getMutationType() : schema.getQueryType();
  const refused = root ? walk(operation.selectionSet, root, 1) : undefined;
  if (refused) return { ok: false, message: refused };
  return { ok: true, nodes, requests, cost: Math.max(1, Math.round(requests / 100)) };
}
