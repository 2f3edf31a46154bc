-- CreateEnum
CREATE TYPE "AppealStatus" AS ENUM ('open', 'accepted', 'rejected');

-- AlterEnum
ALTER TYPE "EvaluatorKind" ADD VALUE 'human';

-- CreateTable
CREATE TABLE "Appeal" (
    "id" SERIAL NOT NULL,
    "contributionId" INTEGER NOT NULL,
    "evaluationId" INTEGER NOT NULL,
    "secondEvaluationId" INTEGER,
    "authorDiscordId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "status" "AppealStatus" NOT NULL DEFAULT 'open',
    "channelId" TEXT,
    "messageId" TEXT,
    "resolvedBy" TEXT,
    "resolvedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Appeal_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Appeal_evaluationId_key" ON "Appeal"("evaluationId");

-- CreateIndex
CREATE UNIQUE INDEX "Appeal_secondEvaluationId_key" ON "Appeal"("secondEvaluationId");

-- CreateIndex
CREATE INDEX "Appeal_contributionId_idx" ON "Appeal"("contributionId");

-- CreateIndex
CREATE INDEX "Appeal_status_idx" ON "Appeal"("status");

-- AddForeignKey
ALTER TABLE "Appeal" ADD CONSTRAINT "Appeal_evaluationId_fkey" FOREIGN KEY ("evaluationId") REFERENCES "Evaluation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Appeal" ADD CONSTRAINT "Appeal_secondEvaluationId_fkey" FOREIGN KEY ("secondEvaluationId") REFERENCES "Evaluation"("id") ON DELETE SET NULL ON UPDATE CASCADE;
