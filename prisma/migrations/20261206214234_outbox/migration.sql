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
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 0,
ALTER COLUMN "subjectId" DROP NOT NULL,
ALTER COLUMN "channel" DROP NOT NULL,
ALTER COLUMN "reason" DROP NOT NULL,
ALTER COLUMN "attempts" SET DEFAULT 0;

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

-- AddForeignKey
ALTER TABLE "Contribution" ADD CONSTRAINT "Contribution_evaluationClaimedBy_fkey" FOREIGN KEY ("evaluationClaimedBy") REFERENCES "StewardInstance"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PendingPost" ADD CONSTRAINT "PendingPost_claimedBy_fkey" FOREIGN KEY ("claimedBy") REFERENCES "StewardInstance"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Proposal" DROP COLUMN "resultPostClaimedAt";
