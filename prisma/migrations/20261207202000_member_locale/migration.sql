-- AlterTable
ALTER TABLE "Member" ADD COLUMN     "locale" TEXT;
