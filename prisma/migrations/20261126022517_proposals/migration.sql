-- CreateEnum
CREATE TYPE "ProposalKind" AS ENUM ('distribution', 'funding', 'general');

-- CreateEnum
CREATE TYPE "ProposalStatus" AS ENUM ('draft', 'open', 'passed', 'rejected', 'expired', 'awaiting_approval', 'approved', 'vetoed', 'settling', 'settled', 'failed');

-- CreateTable
CREATE TABLE "ProposalDraft" (
    "id" SERIAL NOT NULL,
    "guildId" TEXT NOT NULL,
    "authorDiscordId" TEXT NOT NULL,
    "idea" TEXT NOT NULL,
    "content" JSONB NOT NULL,
    "drafter" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "promptSha256" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "submittedAt" TIMESTAMP(3),
    "cancelledAt" TIMESTAMP(3),
    "proposalId" INTEGER,

    CONSTRAINT "ProposalDraft_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Proposal" (
    "id" SERIAL NOT NULL,
    "guildId" TEXT NOT NULL,
    "kind" "ProposalKind" NOT NULL,
    "status" "ProposalStatus" NOT NULL DEFAULT 'draft',
    "authorDiscordId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "motivation" TEXT NOT NULL,
    "specification" TEXT NOT NULL,
    "budgetAmount" DECIMAL(78,0),
    "budgetRecipient" TEXT,
    "risks" TEXT NOT NULL,
    "successMetrics" TEXT NOT NULL,
    "channelId" TEXT,
    "messageId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Proposal_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ProposalDraft_proposalId_key" ON "ProposalDraft"("proposalId");

-- CreateIndex
CREATE INDEX "ProposalDraft_authorDiscordId_createdAt_idx" ON "ProposalDraft"("authorDiscordId", "createdAt");

-- CreateIndex
CREATE INDEX "Proposal_guildId_status_idx" ON "Proposal"("guildId", "status");

-- AddForeignKey
ALTER TABLE "ProposalDraft" ADD CONSTRAINT "ProposalDraft_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE SET NULL ON UPDATE CASCADE;
