-- CreateEnum
CREATE TYPE "PayoutStatus" AS ENUM ('planned', 'signed', 'broadcast', 'mined', 'confirmed', 'failed', 'awaiting_execution');

-- AlterTable
ALTER TABLE "Proposal" ADD COLUMN     "capNoticeAt" TIMESTAMP(3),
ADD COLUMN     "receiptMessageId" TEXT,
ADD COLUMN     "settledAt" TIMESTAMP(3),
ADD COLUMN     "settlementError" TEXT,
ADD COLUMN     "settlingAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "ChainDeployment" (
    "chainId" INTEGER NOT NULL,
    "token" TEXT NOT NULL,
    "distributor" TEXT NOT NULL,
    "treasury" TEXT NOT NULL,
    "local" BOOLEAN NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ChainDeployment_pkey" PRIMARY KEY ("chainId")
);

-- CreateTable
CREATE TABLE "PayoutIntent" (
    "id" SERIAL NOT NULL,
    "proposalId" INTEGER NOT NULL,
    "chunkIndex" INTEGER NOT NULL,
    "chunkCount" INTEGER NOT NULL,
    "batchId" TEXT NOT NULL,
    "chainId" INTEGER NOT NULL,
    "token" TEXT NOT NULL,
    "distributor" TEXT NOT NULL,
    "treasury" TEXT NOT NULL,
    "entries" JSONB NOT NULL,
    "total" DECIMAL(78,0) NOT NULL,
    "status" "PayoutStatus" NOT NULL DEFAULT 'planned',
    "nonce" INTEGER,
    "rawTx" TEXT,
    "txHash" TEXT,
    "blockNumber" INTEGER,
    "gasUsed" TEXT,
    "failureReason" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "confirmedAt" TIMESTAMP(3),

    CONSTRAINT "PayoutIntent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PayoutIntent_batchId_key" ON "PayoutIntent"("batchId");

-- CreateIndex
CREATE UNIQUE INDEX "PayoutIntent_txHash_key" ON "PayoutIntent"("txHash");

-- CreateIndex
CREATE INDEX "PayoutIntent_status_idx" ON "PayoutIntent"("status");

-- CreateIndex
CREATE UNIQUE INDEX "PayoutIntent_proposalId_chunkIndex_key" ON "PayoutIntent"("proposalId", "chunkIndex");

-- CreateIndex
CREATE UNIQUE INDEX "PayoutIntent_chainId_treasury_nonce_key" ON "PayoutIntent"("chainId", "treasury", "nonce");

-- AddForeignKey
ALTER TABLE "PayoutIntent" ADD CONSTRAINT "PayoutIntent_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A payout intent is the record that a chunk was (or is being) paid: nobody deletes it, and a transaction it signed
-- is replaced by a newly signed one only after the chunk failed (`/payout retry`), never while it may still be mined;
-- it may be replaced by the transaction the chain shows paid the chunk (status mined).
CREATE FUNCTION "payout_intent_guard"() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'payout intents are never deleted' USING ERRCODE = 'check_violation';
  END IF;
  IF NEW."batchId" IS DISTINCT FROM OLD."batchId" OR NEW."entries"::text IS DISTINCT FROM OLD."entries"::text
     OR NEW."total" IS DISTINCT FROM OLD."total" OR NEW."proposalId" IS DISTINCT FROM OLD."proposalId" THEN
    RAISE EXCEPTION 'payout intent %: what it pays cannot change', OLD."id" USING ERRCODE = 'check_violation';
  END IF;
  IF OLD."txHash" IS NOT NULL AND NEW."txHash" IS DISTINCT FROM OLD."txHash" AND OLD."status" <> 'failed'
     AND NEW."status" <> 'mined' THEN
    RAISE EXCEPTION 'payout intent %: its transaction % may still be mined and cannot be replaced', OLD."id", OLD."txHash"
      USING ERRCODE = 'check_violation';
  END IF;
  IF OLD."status" = 'confirmed' AND NEW."status" <> 'confirmed' THEN
    RAISE EXCEPTION 'payout intent % is confirmed', OLD."id" USING ERRCODE = 'check_violation';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "PayoutIntent_guard"
    BEFORE UPDATE OR DELETE ON "PayoutIntent"
    FOR EACH ROW EXECUTE FUNCTION "payout_intent_guard"();

-- A payout receipt Discord refused waits for the repost job like the other posts.
ALTER TYPE "PostKind" ADD VALUE 'receipt';
