import type { ServiceDeps } from "../deps.ts";

/** Remembers where the contribution's public embed was posted, so later updates can edit it. */
export async function recordContributionMessage(
  deps: Pick<ServiceDeps, "db">,
  id: number,
  channelId: string,
  messageId: string,
) {
  await deps.db.contribution.update({ where: { id }, data: { channelId, messageId } });
}
