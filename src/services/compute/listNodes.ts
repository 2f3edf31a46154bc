import type { NodeStatus } from "../../generated/prisma/client.ts";
import type { ServiceDeps } from "../deps.ts";

export const NODE_PAGE_SIZE = 5;

export interface NodeListQuery {
  guildId: string;
  /** Only this provider's nodes (by Discord id) when set. */
  providerDiscordId?: string | undefined;
  /** A GPU model fragment ("h200", "4090"), case-insensitive. */
  gpu?: string | undefined;
  region?: string | undefined;
  status?: NodeStatus | undefined;
  page: number;
}

export async function listNodes(deps: Pick<ServiceDeps, "db">, query: NodeListQuery) {
  const where = {
    guildId: query.guildId,
    ...(query.status ? { status: query.status } : {}),
    ...(query.gpu ? { gpuModel: { contains: query.gpu, mode: "insensitive" as const } } : {}),
    ...(query.region ? { region: { startsWith: query.region.toLowerCase() } } : {}),
    ...(query.providerDiscordId ? { provider: { discordId: query.providerDiscordId } } : {}),
  };
  const total = await deps.db.computeNode.count({ where });
  const pages = Math.max(1, Math.ceil(total / NODE_PAGE_SIZE));
  const page = Math.min(Math.max(1, query.page), pages);
  const items = await deps.db.computeNode.findMany({
    where,
    orderBy: { id: "desc" },
    skip: (page - 1) * NODE_PAGE_SIZE,
    take: NODE_PAGE_SIZE,
    include: { provider: true },
  });
  return { items, total, page, pages };
}
