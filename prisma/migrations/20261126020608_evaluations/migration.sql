-- CreateEnum
CREATE TYPE "EvaluatorKind" AS ENUM ('rubric', 'llm');

-- AlterTable
ALTER TABLE "Contribution" ADD COLUMN     "evaluationClaimedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "Evaluation" (
    "id" SERIAL NOT NULL,
    "contributionId" INTEGER NOT NULL,
    "activeFor" INTEGER,
    "purpose" TEXT NOT NULL DEFAULT 'initial',
    "evaluator" "EvaluatorKind" NOT NULL,
    "model" TEXT NOT NULL,
    "promptVersion" TEXT NOT NULL,
    "promptSha256" TEXT NOT NULL,
    "rubricVersion" INTEGER NOT NULL,
    "inputHash" TEXT NOT NULL,
    "temperature" DOUBLE PRECISION NOT NULL,
    "samples" INTEGER NOT NULL,
    "spread" INTEGER NOT NULL,
    "scores" JSONB NOT NULL,
    "total" INTEGER NOT NULL,
    "confidence" DOUBLE PRECISION NOT NULL,
    "rationale" TEXT NOT NULL,
    "evidence" TEXT[],
    "droppedQuotes" INTEGER NOT NULL,
    "flags" TEXT[],
    "suggestedReward" DECIMAL(78,0) NOT NULL,
    "promptTokens" INTEGER NOT NULL DEFAULT 0,
    "completionTokens" INTEGER NOT NULL DEFAULT 0,
    "costMicroUsd" INTEGER NOT NULL DEFAULT 0,
    "latencyMs" INTEGER NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 1,
    "fallbackReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Evaluation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Evaluation_activeFor_key" ON "Evaluation"("activeFor");

-- CreateIndex
CREATE INDEX "Evaluation_contributionId_createdAt_idx" ON "Evaluation"("contributionId", "createdAt");

-- AddForeignKey
ALTER TABLE "Evaluation" ADD CONSTRAINT "Evaluation_contributionId_fkey" FOREIGN KEY ("contributionId") REFERENCES "Contribution"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
