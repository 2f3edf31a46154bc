import { Prisma } from "../../generated/prisma/client.ts";

/** A proposal's columns as the ORM reads them (a list column the database holds as NULL reads as empty). */
export const PROPOSAL = Prisma.sql`
  p."id", p."guildId", p."kind", p."status", p."authorDiscordId", p."title", p."summary", p."motivation",
  p."specification", p."budgetAmount", p."budgetRecipient", p."risks", p."successMetrics", p."batch", p."batchHash",
  p."distributionFacts",
  p."epochId", p."channelId", p."messageId", p."createdAt", p."updatedAt", p."votingType",
  COALESCE(p."choices", '{}') AS "choices", p."weightStrategy", p."snapshotBlock", p."quorumSpec", p."quorumWeight",
  p."eligibleWeight", p."eligibleVoters", p."quorumOf", p."quorumMembers", p."quorumBaseWeight", p."activeSince",
  COALESCE(p."activeMemberIds", '{}') AS "activeMemberIds", p."passThreshold", p."excludeConflicted", p."openedAt",
  p."openedBy", p."endsAt", p."closedAt", p."result", p."resultMessageId", p."approvalsRequired", p."vetoedBy",
  p."vetoReason", p."approvedAt", p."settlingAt", p."settledAt", p."settlementError", p."capNoticeAt",
  p."receiptMessageId"`;
