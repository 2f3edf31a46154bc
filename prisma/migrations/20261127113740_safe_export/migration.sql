-- AlterTable
ALTER TABLE "PayoutIntent" ADD COLUMN     "exportedAt" TIMESTAMP(3),
ADD COLUMN     "safeBatch" JSONB;
