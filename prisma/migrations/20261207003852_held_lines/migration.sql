-- CreateEnum
CREATE TYPE "HeldLineStatus" AS ENUM ('held', 'claim_signed', 'return_asked', 'sent', 'claimed', 'redirected', 'returned');

-- AlterTable
ALTER TABLE "ChainDeployment" ADD COLUMN     "deploymentBlock" INTEGER;

-- CreateTable
CREATE TABLE "HeldLine" (
    "id" SERIAL NOT NULL,
    "guildId" TEXT NOT NULL,
    "intentId" INTEGER NOT NULL,
    "proposalId" INTEGER NOT NULL,
    "lineId" TEXT NOT NULL,
    "lineIndex" INTEGER NOT NULL,
    "recipient" TEXT NOT NULL,
    "amount" DECIMAL(78,0) NOT NULL,
    "chainId" INTEGER NOT NULL,
    "token" TEXT NOT NULL,
    "distributor" TEXT NOT NULL,
    "treasury" TEXT NOT NULL,
    "heldTx" TEXT NOT NULL,
    "heldAt" INTEGER NOT NULL,
    "status" "HeldLineStatus" NOT NULL DEFAULT 'held',
    "claimTo" TEXT,
    "claimDeadline" INTEGER,
    "claimSignature" TEXT,
    "askedBy" TEXT,
    "relayKind" TEXT,
    "nonce" INTEGER,
    "rawTx" TEXT,
    "txHash" TEXT,
    "paidTo" TEXT,
    "resolvedAt" TIMESTAMP(3),
    "problem" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "HeldLine_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "HeldLine_lineId_key" ON "HeldLine"("lineId");

-- CreateIndex
CREATE INDEX "HeldLine_guildId_status_idx" ON "HeldLine"("guildId", "status");

-- CreateIndex
CREATE INDEX "HeldLine_recipient_idx" ON "HeldLine"("recipient");

-- CreateIndex
CREATE UNIQUE INDEX "HeldLine_chainId_treasury_nonce_key" ON "HeldLine"("chainId", "treasury", "nonce");

-- AddForeignKey
ALTER TABLE "HeldLine" ADD CONSTRAINT "HeldLine_intentId_fkey" FOREIGN KEY ("intentId") REFERENCES "PayoutIntent"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A held line is money the distributor keeps for someone: what it holds never changes, it is never deleted, and
-- once paid out (claimed, redirected, returned) it stays so.
CREATE OR REPLACE FUNCTION "held_line_guard"() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'held lines are never deleted' USING ERRCODE = 'check_violation';
  END IF;
  IF NEW."lineId" IS DISTINCT FROM OLD."lineId" OR NEW."amount" IS DISTINCT FROM OLD."amount"
     OR NEW."recipient" IS DISTINCT FROM OLD."recipient" OR NEW."intentId" IS DISTINCT FROM OLD."intentId" THEN
    RAISE EXCEPTION 'held line %: what it holds cannot change', OLD."id" USING ERRCODE = 'check_violation';
  END IF;
  IF OLD."status" IN ('claimed', 'redirected', 'returned') AND NEW."status" IS DISTINCT FROM OLD."status" THEN
    RAISE EXCEPTION 'held line % was already paid out', OLD."id" USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "held_line_guard" BEFORE UPDATE OR DELETE ON "HeldLine"
  FOR EACH ROW EXECUTE FUNCTION "held_line_guard"();
