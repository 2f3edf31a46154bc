-- AlterTable
ALTER TABLE "Evaluation" ADD COLUMN     "policyVersion" INTEGER;

-- CreateTable
CREATE TABLE "EvaluationPolicy" (
    "id" SERIAL NOT NULL,
    "guildId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "content" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EvaluationPolicy_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "EvaluationPolicy_guildId_version_key" ON "EvaluationPolicy"("guildId", "version");

-- CreateIndex
CREATE UNIQUE INDEX "EvaluationPolicy_guildId_sha256_key" ON "EvaluationPolicy"("guildId", "sha256");
