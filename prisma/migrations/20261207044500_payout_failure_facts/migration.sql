-- AlterTable
ALTER TABLE "PayoutIntent" ADD COLUMN     "failure" JSONB;
