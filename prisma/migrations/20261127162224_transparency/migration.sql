-- AlterTable
ALTER TABLE "ChainDeployment" ADD COLUMN     "anchor" TEXT;

-- AlterTable
ALTER TABLE "Member" ADD COLUMN     "showName" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "showWallet" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "AuditAnchor" (
    "id" SERIAL NOT NULL,
    "guildId" TEXT,
    "eventId" BIGINT NOT NULL,
    "hash" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "epochId" INTEGER,
    "chainId" INTEGER,
    "contract" TEXT,
    "txHash" TEXT,
    "blockNumber" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "anchoredAt" TIMESTAMP(3),

    CONSTRAINT "AuditAnchor_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AuditAnchor_eventId_key" ON "AuditAnchor"("eventId");

-- CreateIndex
CREATE UNIQUE INDEX "AuditAnchor_epochId_key" ON "AuditAnchor"("epochId");

-- CreateIndex
CREATE INDEX "AuditAnchor_txHash_idx" ON "AuditAnchor"("txHash");
