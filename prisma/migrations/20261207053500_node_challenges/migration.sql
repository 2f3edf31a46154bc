-- CreateEnum
CREATE TYPE "NodeChallengeStatus" AS ENUM ('open', 'passed', 'failed', 'expired');

-- CreateTable
CREATE TABLE "NodeChallenge" (
    "id" SERIAL NOT NULL,
    "nodeId" INTEGER NOT NULL,
    "openFor" INTEGER,
    "seed" TEXT NOT NULL,
    "sampleSeed" TEXT NOT NULL,
    "lanes" INTEGER NOT NULL,
    "laneKib" INTEGER NOT NULL,
    "units" INTEGER NOT NULL,
    "issuedAt" TIMESTAMP(3) NOT NULL,
    "deadlineAt" TIMESTAMP(3) NOT NULL,
    "nextDueAt" TIMESTAMP(3) NOT NULL,
    "status" "NodeChallengeStatus" NOT NULL DEFAULT 'open',
    "answeredAt" TIMESTAMP(3),
    "elapsedMs" INTEGER,
    "resultHash" TEXT,
    "failure" TEXT,

    CONSTRAINT "NodeChallenge_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "NodeChallenge_openFor_key" ON "NodeChallenge"("openFor");

-- CreateIndex
CREATE INDEX "NodeChallenge_nodeId_issuedAt_idx" ON "NodeChallenge"("nodeId", "issuedAt");

-- AddForeignKey
ALTER TABLE "NodeChallenge" ADD CONSTRAINT "NodeChallenge_nodeId_fkey" FOREIGN KEY ("nodeId") REFERENCES "ComputeNode"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
