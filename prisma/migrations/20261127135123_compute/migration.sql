-- CreateEnum
CREATE TYPE "NodeStatus" AS ENUM ('pending', 'online', 'offline', 'retired');

-- CreateEnum
CREATE TYPE "LeaseStatus" AS ENUM ('awaiting_approval', 'offered', 'declined', 'active', 'ended');

-- CreateEnum
CREATE TYPE "ComputeRewardKind" AS ENUM ('uptime', 'lease');

-- CreateTable
CREATE TABLE "ComputeNode" (
    "id" SERIAL NOT NULL,
    "guildId" TEXT NOT NULL,
    "providerId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "gpuModel" TEXT,
    "gpuCount" INTEGER NOT NULL,
    "vramGb" INTEGER NOT NULL,
    "cpuCores" INTEGER NOT NULL,
    "ramGb" INTEGER NOT NULL,
    "region" TEXT NOT NULL,
    "price" DECIMAL(78,0) NOT NULL,
    "description" TEXT,
    "publicKey" TEXT NOT NULL,
    "activeKey" TEXT,
    "status" "NodeStatus" NOT NULL DEFAULT 'pending',
    "registeredAt" TIMESTAMP(3) NOT NULL,
    "retiredAt" TIMESTAMP(3),
    "lastSequence" BIGINT NOT NULL DEFAULT 0,
    "lastHeartbeatAt" TIMESTAMP(3),
    "heartbeats" INTEGER NOT NULL DEFAULT 0,
    "utilization" INTEGER,
    "currentSpanId" BIGINT,
    "reportedSpecs" JSONB,
    "specsHash" TEXT,
    "shortfall" TEXT,
    "shortfallSeenAt" TIMESTAMP(3),
    "statusChangedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ComputeNode_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NodeUptimeSpan" (
    "id" BIGSERIAL NOT NULL,
    "nodeId" INTEGER NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "NodeUptimeSpan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ComputeRequest" (
    "id" SERIAL NOT NULL,
    "guildId" TEXT NOT NULL,
    "requesterId" TEXT NOT NULL,
    "gpuModel" TEXT,
    "minVramGb" INTEGER,
    "gpuCount" INTEGER NOT NULL,
    "hours" DECIMAL(10,2) NOT NULL,
    "maxPrice" DECIMAL(78,0) NOT NULL,
    "region" TEXT,
    "purpose" TEXT NOT NULL,
    "matches" JSONB NOT NULL,
    "continuesLeaseId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ComputeRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Lease" (
    "id" SERIAL NOT NULL,
    "guildId" TEXT NOT NULL,
    "requestId" INTEGER NOT NULL,
    "nodeId" INTEGER NOT NULL,
    "requesterId" TEXT NOT NULL,
    "gpuCount" INTEGER NOT NULL,
    "hours" DECIMAL(10,2) NOT NULL,
    "price" DECIMAL(78,0) NOT NULL,
    "purpose" TEXT NOT NULL,
    "status" "LeaseStatus" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "approvedBy" TEXT,
    "decidedAt" TIMESTAMP(3),
    "startsAt" TIMESTAMP(3),
    "endsAt" TIMESTAMP(3),
    "endedAt" TIMESTAMP(3),
    "messageId" TEXT,
    "failoverNoticeAt" TIMESTAMP(3),
    "paidInEpochId" INTEGER,
    "paidAmount" DECIMAL(78,0),

    CONSTRAINT "Lease_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ComputeReward" (
    "id" SERIAL NOT NULL,
    "guildId" TEXT NOT NULL,
    "epochId" INTEGER NOT NULL,
    "nodeId" INTEGER NOT NULL,
    "kind" "ComputeRewardKind" NOT NULL,
    "key" TEXT NOT NULL,
    "leaseId" INTEGER,
    "amount" DECIMAL(78,0) NOT NULL,
    "coveredMs" BIGINT,
    "weight" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ComputeReward_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ComputeNode_activeKey_key" ON "ComputeNode"("activeKey");

-- CreateIndex
CREATE INDEX "ComputeNode_guildId_status_idx" ON "ComputeNode"("guildId", "status");

-- CreateIndex
CREATE INDEX "ComputeNode_providerId_idx" ON "ComputeNode"("providerId");

-- CreateIndex
CREATE INDEX "NodeUptimeSpan_nodeId_endsAt_idx" ON "NodeUptimeSpan"("nodeId", "endsAt");

-- CreateIndex
CREATE INDEX "Lease_guildId_status_idx" ON "Lease"("guildId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Lease_requestId_nodeId_key" ON "Lease"("requestId", "nodeId");

-- CreateIndex
CREATE UNIQUE INDEX "ComputeReward_key_key" ON "ComputeReward"("key");

-- CreateIndex
CREATE INDEX "ComputeReward_nodeId_idx" ON "ComputeReward"("nodeId");

-- CreateIndex
CREATE INDEX "ComputeReward_epochId_idx" ON "ComputeReward"("epochId");

-- AddForeignKey
ALTER TABLE "ComputeNode" ADD CONSTRAINT "ComputeNode_providerId_fkey" FOREIGN KEY ("providerId") REFERENCES "Member"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NodeUptimeSpan" ADD CONSTRAINT "NodeUptimeSpan_nodeId_fkey" FOREIGN KEY ("nodeId") REFERENCES "ComputeNode"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ComputeRequest" ADD CONSTRAINT "ComputeRequest_requesterId_fkey" FOREIGN KEY ("requesterId") REFERENCES "Member"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Lease" ADD CONSTRAINT "Lease_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "ComputeRequest"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Lease" ADD CONSTRAINT "Lease_nodeId_fkey" FOREIGN KEY ("nodeId") REFERENCES "ComputeNode"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
