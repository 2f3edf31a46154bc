-- CreateEnum
CREATE TYPE "EpochStatus" AS ENUM ('open', 'closed');

-- AlterTable
ALTER TABLE "Contribution" ADD COLUMN     "epochId" INTEGER;

-- AlterTable
ALTER TABLE "Proposal" ADD COLUMN     "batch" JSONB,
ADD COLUMN     "batchHash" TEXT,
ADD COLUMN     "epochId" INTEGER;

-- CreateTable
CREATE TABLE "Epoch" (
    "id" SERIAL NOT NULL,
    "guildId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "status" "EpochStatus" NOT NULL DEFAULT 'open',
    "openFor" TEXT,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "budget" DECIMAL(78,0) NOT NULL,
    "closedAt" TIMESTAMP(3),
    "closedBy" TEXT,

    CONSTRAINT "Epoch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RewardCarry" (
    "id" SERIAL NOT NULL,
    "guildId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "amount" DECIMAL(78,0) NOT NULL,
    "fromEpochId" INTEGER NOT NULL,
    "paidInEpochId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RewardCarry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Epoch_openFor_key" ON "Epoch"("openFor");

-- CreateIndex
CREATE UNIQUE INDEX "Epoch_guildId_number_key" ON "Epoch"("guildId", "number");

-- CreateIndex
CREATE INDEX "RewardCarry_guildId_paidInEpochId_idx" ON "RewardCarry"("guildId", "paidInEpochId");

-- CreateIndex
CREATE UNIQUE INDEX "Proposal_epochId_key" ON "Proposal"("epochId");

-- AddForeignKey
ALTER TABLE "Contribution" ADD CONSTRAINT "Contribution_epochId_fkey" FOREIGN KEY ("epochId") REFERENCES "Epoch"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Proposal" ADD CONSTRAINT "Proposal_epochId_fkey" FOREIGN KEY ("epochId") REFERENCES "Epoch"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RewardCarry" ADD CONSTRAINT "RewardCarry_fromEpochId_fkey" FOREIGN KEY ("fromEpochId") REFERENCES "Epoch"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
