-- DropIndex
DROP INDEX "PayoutIntent_txHash_key";

-- AlterTable
ALTER TABLE "ComputeReward" ADD COLUMN     "releasedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "PayoutIntent" ADD COLUMN     "idScheme" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "sentAtBlock" INTEGER,
ADD COLUMN     "sentTxs" JSONB,
ADD COLUMN     "stuckReason" TEXT;

-- CreateIndex
CREATE INDEX "PayoutIntent_txHash_idx" ON "PayoutIntent"("txHash");

-- A transaction that may still be mined is replaced only by one of the same payment kept beside it: a fee bump (the
-- same nonce, higher fees) or a re-sign after a nonce gap keeps every signed transaction in "sentTxs", so whichever
-- is mined is adopted. The history itself is append-only while the chunk is unfinished.
CREATE OR REPLACE FUNCTION "payout_intent_guard"() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'payout intents are never deleted' USING ERRCODE = 'check_violation';
  END IF;
  IF NEW."batchId" IS DISTINCT FROM OLD."batchId" OR NEW."entries"::text IS DISTINCT FROM OLD."entries"::text
     OR NEW."total" IS DISTINCT FROM OLD."total" OR NEW."proposalId" IS DISTINCT FROM OLD."proposalId" THEN
    RAISE EXCEPTION 'payout intent %: what it pays cannot change', OLD."id" USING ERRCODE = 'check_violation';
  END IF;
  IF OLD."txHash" IS NOT NULL AND NEW."txHash" IS DISTINCT FROM OLD."txHash" AND OLD."status" <> 'failed'
     AND NEW."status" <> 'mined'
     AND NOT (COALESCE(NEW."sentTxs", '[]'::jsonb) @> jsonb_build_array(jsonb_build_object('hash', OLD."txHash"))) THEN
    RAISE EXCEPTION 'payout intent %: its transaction % may still be mined and cannot be replaced', OLD."id", OLD."txHash"
      USING ERRCODE = 'check_violation';
  END IF;
  IF OLD."status" <> 'failed' AND OLD."sentTxs" IS NOT NULL
     AND NOT (COALESCE(NEW."sentTxs", '[]'::jsonb) @> OLD."sentTxs") THEN
    RAISE EXCEPTION 'payout intent %: the transactions it sent are kept', OLD."id" USING ERRCODE = 'check_violation';
  END IF;
  IF OLD."status" = 'confirmed' AND NEW."status" <> 'confirmed' THEN
    RAISE EXCEPTION 'payout intent % is confirmed', OLD."id" USING ERRCODE = 'check_violation';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END;
$$ LANGUAGE plpgsql;
