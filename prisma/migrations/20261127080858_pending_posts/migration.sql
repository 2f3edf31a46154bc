-- CreateEnum
CREATE TYPE "PostKind" AS ENUM ('contribution', 'evaluation', 'appeal', 'proposal', 'result');

-- CreateTable
CREATE TABLE "PendingPost" (
    "id" SERIAL NOT NULL,
    "guildId" TEXT NOT NULL,
    "kind" "PostKind" NOT NULL,
    "subjectId" INTEGER NOT NULL,
    "channel" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL,
    "moderatorsToldAt" TIMESTAMP(3),

    CONSTRAINT "PendingPost_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PendingPost_nextAttemptAt_idx" ON "PendingPost"("nextAttemptAt");

-- CreateIndex
CREATE UNIQUE INDEX "PendingPost_kind_subjectId_key" ON "PendingPost"("kind", "subjectId");
