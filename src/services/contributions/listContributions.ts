import type { ContributionStatus } from "../../generated/prisma/client.ts";
import type { ServiceDeps } from "../deps.ts";

export const CONTRIBUTION_PAGE_SIZE = 5;

export interface ListContributionsQuery {
  guildId: string;
  /** Only this member's contributions (by Discord id) when set. */
  authorDiscordId?: string | undefined;
  status?: ContributionStatus | undefined;
  page: number;
}

export async function listContributions(deps: Pick<ServiceDeps, "db">, query: ListContributionsQuery) {
  const where = {
    guildId: query.guildId,
    ...(query.status ? { status: query.status } : {}),
    ...(query.authorDiscordId ? { author: { discordId: query.authorDiscordId } } : {}),
  };
  const total = await deps.db.contribution.count({ where });
  const pages = Math.max(1, Math.ceil(total / CONTRIBUTION_PAGE_SIZE));
  const page = Math.min(Math.max(1, query.page), pages);
  const items = await deps.db.contribution.findMany({
    where,
    orderBy: { id: "desc" },
    skip: (page - 1) * CONTRIBUTION_PAGE_SIZE,
    take: CONTRIBUTION_PAGE_SIZE,
    include: { author: true },
  });
  return { items, total, page, pages };
}
