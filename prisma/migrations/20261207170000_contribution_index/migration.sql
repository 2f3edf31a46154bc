-- AlterTable
ALTER TABLE "Contribution" ADD COLUMN     "bands" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
ADD COLUMN     "indexVersion" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "ContributionClaim" (
    "id" SERIAL NOT NULL,
    "guildId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "contributionId" INTEGER NOT NULL,
    "source" TEXT NOT NULL,

    CONSTRAINT "ContributionClaim_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Contribution_bands_idx" ON "Contribution" USING GIN ("bands");

-- CreateIndex
CREATE INDEX "ContributionClaim_guildId_key_contributionId_idx" ON "ContributionClaim"("guildId", "key", "contributionId");

-- CreateIndex
CREATE UNIQUE INDEX "ContributionClaim_contributionId_key_key" ON "ContributionClaim"("contributionId", "key");

-- AddForeignKey
ALTER TABLE "ContributionClaim" ADD CONSTRAINT "ContributionClaim_contributionId_fkey" FOREIGN KEY ("contributionId") REFERENCES "Contribution"("id") ON DELETE CASCADE ON UPDATE CASCADE;
