-- AlterTable
ALTER TABLE "PayoutIntent" ADD COLUMN     "failure" JSONB,
ADD COLUMN     "stuck" JSONB;
