-- Everything the earlier publisher would still have posted (it looked for these on its own) is now an outbox row.
-- Timestamps are stored as UTC without a zone (as Prisma writes them): now() is taken in UTC, whatever the server's zone.

-- Proposals without a message (created while no bot was connected).
INSERT INTO "PendingPost" ("guildId", "kind", "subjectId", "createdAt", "nextAttemptAt")
SELECT "guildId", 'proposal', "id", now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC' FROM "Proposal"
WHERE "messageId" IS NULL AND "status" IN ('draft', 'open')
ON CONFLICT ("kind", "subjectId") DO NOTHING;

-- Results of closed votes never posted.
INSERT INTO "PendingPost" ("guildId", "kind", "subjectId", "createdAt", "nextAttemptAt")
SELECT "guildId", 'result', "id", now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC' FROM "Proposal"
WHERE "closedAt" IS NOT NULL AND "resultMessageId" IS NULL
ON CONFLICT ("kind", "subjectId") DO NOTHING;

-- Receipts of settled payouts never posted.
INSERT INTO "PendingPost" ("guildId", "kind", "subjectId", "createdAt", "nextAttemptAt")
SELECT "guildId", 'receipt', "id", now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC' FROM "Proposal"
WHERE "status" = 'settled' AND "receiptMessageId" IS NULL
ON CONFLICT ("kind", "subjectId") DO NOTHING;

-- Chunks exported for a Safe whose file was never posted.
INSERT INTO "PendingPost" ("guildId", "kind", "subjectId", "createdAt", "nextAttemptAt")
SELECT p."guildId", 'safe_batch', i."id", now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC' FROM "PayoutIntent" i JOIN "Proposal" p ON p."id" = i."proposalId"
WHERE i."status" = 'awaiting_execution' AND i."exportedAt" IS NULL
ON CONFLICT ("kind", "subjectId") DO NOTHING;

-- Appeals whose second pass is done but whose post was never made.
INSERT INTO "PendingPost" ("guildId", "kind", "subjectId", "createdAt", "nextAttemptAt")
SELECT c."guildId", 'appeal', a."id", now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC' FROM "Appeal" a JOIN "Contribution" c ON c."id" = a."contributionId"
WHERE a."status" = 'open' AND a."secondEvaluationId" IS NOT NULL AND a."messageId" IS NULL
ON CONFLICT ("kind", "subjectId") DO NOTHING;
