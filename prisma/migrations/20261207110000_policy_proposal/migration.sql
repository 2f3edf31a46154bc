-- AlterEnum
ALTER TYPE "ProposalKind" ADD VALUE 'policy';

-- CreateTable
CREATE TABLE "PolicyProposal" (
    "proposalId" INTEGER NOT NULL,
    "guildId" TEXT NOT NULL,
    "baseVersion" INTEGER NOT NULL,
    "content" JSONB NOT NULL,
    "sha256" TEXT NOT NULL,
    "rescoring" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "adoptedVersion" INTEGER,
    "effectiveFromEpoch" INTEGER,
    "adoptedAt" TIMESTAMP(3),

    CONSTRAINT "PolicyProposal_pkey" PRIMARY KEY ("proposalId")
);

-- CreateIndex
CREATE INDEX "PolicyProposal_guildId_effectiveFromEpoch_idx" ON "PolicyProposal"("guildId", "effectiveFromEpoch");
