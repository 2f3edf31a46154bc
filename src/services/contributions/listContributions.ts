import { contributionsPage, countContributions } from "../../db/sql/contributionsPage.ts";
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
  // A hot read (every `/contribute list` and page turn): plain SQL, one query for a page that has rows (issue 21 §7).
  const filter = { guildId: query.guildId, status: query.status, authorDiscordId: query.authorDiscordId };
  const wanted = Math.max(1, query.page);
  const found = await contributionsPage(deps.db, filter, (wanted - 1) * CONTRIBUTION_PAGE_SIZE, CONTRIBUTION_PAGE_SIZE);
  if (found.total !== null) {
    const total = found.total;
    return { items: found.items, total, page: wanted, pages: Math.max(1, Math.ceil(total / CONTRIBUTION_PAGE_SIZE)) };
  }
  // Past the last page (or nothing matches): the last page there is.
  const total = await countContributions(deps.db, filter);
  const pages = Math.max(1, Math.ceil(total / CONTRIBUTION_PAGE_SIZE));
  const page = Math.min(wanted, pages);
  const items =
    total === 0
      ? []
      : (await contributionsPage(deps.db, filter, (page - 1) * CONTRIBUTION_PAGE_SIZE, CONTRIBUTION_PAGE_SIZE)).items;
  return { items, total, page, pages };
}
