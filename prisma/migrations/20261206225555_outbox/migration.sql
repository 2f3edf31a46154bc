-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "PostKind" ADD VALUE 'note';
ALTER TYPE "PostKind" ADD VALUE 'safe_batch';
ALTER TYPE "PostKind" ADD VALUE 'compute';

-- AlterTable
ALTER TABLE "Contribution" ADD COLUMN     "evaluationClaimedBy" TEXT,
ADD COLUMN     "postIsDigest" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "PendingPost" ADD COLUMN     "claimedAt" TIMESTAMP(3),
ADD COLUMN     "claimedBy" TEXT,
ADD COLUMN     "payload" JSONB,
ADD COLUMN     "sentWith" INTEGER,
ADD COLUMN     "urgent" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 0,
ALTER COLUMN "subjectId" DROP NOT NULL,
ALTER COLUMN "channel" DROP NOT NULL,
ALTER COLUMN "reason" DROP NOT NULL,
ALTER COLUMN "attempts" SET DEFAULT 0;

-- AlterTable
ALTER TABLE "Proposal" DROP COLUMN "resultPostClaimedAt";

-- CreateTable
CREATE TABLE "Installation" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "key" TEXT NOT NULL,

    CONSTRAINT "Installation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StewardInstance" (
    "id" TEXT NOT NULL,
    "host" TEXT NOT NULL,
    "pid" INTEGER NOT NULL,
    "processKey" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "seenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StewardInstance_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Contribution_evaluationClaimedBy_idx" ON "Contribution"("evaluationClaimedBy");

-- CreateIndex
CREATE INDEX "PendingPost_claimedBy_idx" ON "PendingPost"("claimedBy");

-- AddForeignKey
ALTER TABLE "Contribution" ADD CONSTRAINT "Contribution_evaluationClaimedBy_fkey" FOREIGN KEY ("evaluationClaimedBy") REFERENCES "StewardInstance"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PendingPost" ADD CONSTRAINT "PendingPost_claimedBy_fkey" FOREIGN KEY ("claimedBy") REFERENCES "StewardInstance"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- This installation's key: the prefix of its Discord message nonces.
INSERT INTO "Installation" ("id", "key") VALUES (1, substr(md5(random()::text || clock_timestamp()::text), 1, 8));
