-- AlterTable
ALTER TABLE "HeldLine" ADD COLUMN     "problemFacts" JSONB;
