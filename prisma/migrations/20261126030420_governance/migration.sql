-- CreateEnum
CREATE TYPE "VotingType" AS ENUM ('basic', 'single_choice', 'approval', 'weighted', 'quadratic', 'ranked_choice');

-- AlterTable
ALTER TABLE "Proposal" ADD COLUMN     "approvalsRequired" INTEGER,
ADD COLUMN     "approvedAt" TIMESTAMP(3),
ADD COLUMN     "choices" TEXT[],
ADD COLUMN     "closedAt" TIMESTAMP(3),
ADD COLUMN     "eligibleVoters" INTEGER,
ADD COLUMN     "eligibleWeight" DOUBLE PRECISION,
ADD COLUMN     "endsAt" TIMESTAMP(3),
ADD COLUMN     "excludeConflicted" BOOLEAN,
ADD COLUMN     "openedAt" TIMESTAMP(3),
ADD COLUMN     "openedBy" TEXT,
ADD COLUMN     "passThreshold" DOUBLE PRECISION,
ADD COLUMN     "quorumSpec" TEXT,
ADD COLUMN     "quorumWeight" DOUBLE PRECISION,
ADD COLUMN     "result" JSONB,
ADD COLUMN     "resultMessageId" TEXT,
ADD COLUMN     "resultPostClaimedAt" TIMESTAMP(3),
ADD COLUMN     "snapshotBlock" INTEGER,
ADD COLUMN     "vetoReason" TEXT,
ADD COLUMN     "vetoedBy" TEXT,
ADD COLUMN     "votingType" "VotingType",
ADD COLUMN     "weightStrategy" TEXT;

-- CreateTable
CREATE TABLE "Vote" (
    "id" SERIAL NOT NULL,
    "proposalId" INTEGER NOT NULL,
    "memberId" TEXT NOT NULL,
    "discordId" TEXT NOT NULL,
    "choice" JSONB NOT NULL,
    "weight" DOUBLE PRECISION NOT NULL,
    "conflicted" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Vote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Approval" (
    "id" SERIAL NOT NULL,
    "proposalId" INTEGER NOT NULL,
    "moderatorId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Approval_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Vote_proposalId_memberId_key" ON "Vote"("proposalId", "memberId");

-- CreateIndex
CREATE UNIQUE INDEX "Approval_proposalId_moderatorId_key" ON "Approval"("proposalId", "moderatorId");

-- CreateIndex
CREATE INDEX "Proposal_status_endsAt_idx" ON "Proposal"("status", "endsAt");

-- AddForeignKey
ALTER TABLE "Vote" ADD CONSTRAINT "Vote_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Approval" ADD CONSTRAINT "Approval_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The proposal lifecycle is enforced here too, so no path (service bug, script, manual SQL) can skip a step:
-- draft → open → passed | rejected | expired; passed → awaiting_approval → approved | vetoed;
-- approved → settling → settled | failed. Once a proposal leaves draft, what was voted on cannot change.
CREATE FUNCTION "proposal_lifecycle_guard"() RETURNS trigger AS $$
BEGIN
  IF NEW."status" IS DISTINCT FROM OLD."status" AND NOT (
    (OLD."status" = 'draft' AND NEW."status" = 'open') OR
    (OLD."status" = 'open' AND NEW."status" IN ('passed', 'rejected', 'expired')) OR
    (OLD."status" = 'passed' AND NEW."status" = 'awaiting_approval') OR
    (OLD."status" = 'awaiting_approval' AND NEW."status" IN ('approved', 'vetoed')) OR
    (OLD."status" = 'approved' AND NEW."status" = 'settling') OR
    (OLD."status" = 'settling' AND NEW."status" IN ('settled', 'failed'))
  ) THEN
    RAISE EXCEPTION 'illegal proposal transition % -> % (proposal %)', OLD."status", NEW."status", OLD."id"
      USING ERRCODE = 'check_violation';
  END IF;
  IF OLD."status" <> 'draft' AND (
    NEW."batch"::text IS DISTINCT FROM OLD."batch"::text OR
    NEW."batchHash" IS DISTINCT FROM OLD."batchHash" OR
    NEW."budgetAmount" IS DISTINCT FROM OLD."budgetAmount" OR
    NEW."budgetRecipient" IS DISTINCT FROM OLD."budgetRecipient" OR
    NEW."kind" IS DISTINCT FROM OLD."kind" OR
    NEW."votingType" IS DISTINCT FROM OLD."votingType" OR
    NEW."choices" IS DISTINCT FROM OLD."choices" OR
    NEW."weightStrategy" IS DISTINCT FROM OLD."weightStrategy" OR
    NEW."snapshotBlock" IS DISTINCT FROM OLD."snapshotBlock" OR
    NEW."quorumWeight" IS DISTINCT FROM OLD."quorumWeight" OR
    NEW."passThreshold" IS DISTINCT FROM OLD."passThreshold" OR
    NEW."excludeConflicted" IS DISTINCT FROM OLD."excludeConflicted" OR
    NEW."endsAt" IS DISTINCT FROM OLD."endsAt"
  ) THEN
    RAISE EXCEPTION 'proposal % is % and its batch and voting terms can no longer change; a change needs a new proposal', OLD."id", OLD."status"
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "Proposal_lifecycle"
    BEFORE UPDATE ON "Proposal"
    FOR EACH ROW EXECUTE FUNCTION "proposal_lifecycle_guard"();

-- A proposal is deleted by nobody: its votes, approvals and audit trail point at it.
CREATE FUNCTION "proposal_not_deletable"() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'proposals are never deleted' USING ERRCODE = 'check_violation';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "Proposal_no_delete"
    BEFORE DELETE ON "Proposal"
    FOR EACH ROW EXECUTE FUNCTION "proposal_not_deletable"();

-- Votes exist only while their proposal is open: a vote after the close is impossible, not just refused.
CREATE FUNCTION "vote_needs_open_proposal"() RETURNS trigger AS $$
BEGIN
  IF (SELECT "status" FROM "Proposal" WHERE "id" = NEW."proposalId") IS DISTINCT FROM 'open' THEN
    RAISE EXCEPTION 'proposal % is not open for votes', NEW."proposalId" USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "Vote_open_proposal"
    BEFORE INSERT OR UPDATE ON "Vote"
    FOR EACH ROW EXECUTE FUNCTION "vote_needs_open_proposal"();
