-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "PostKind" ADD VALUE 'reminder';
ALTER TYPE "PostKind" ADD VALUE 'reminder_dm';

-- AlterTable
ALTER TABLE "Member" ADD COLUMN     "dmsClosedAt" TIMESTAMP(3),
ADD COLUMN     "notifyVotes" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "VoteReminder" (
    "id" SERIAL NOT NULL,
    "guildId" TEXT NOT NULL,
    "proposalId" INTEGER NOT NULL,
    "offsetSeconds" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "VoteReminder_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReminderDm" (
    "id" SERIAL NOT NULL,
    "reminderId" INTEGER NOT NULL,
    "memberId" TEXT NOT NULL,
    "discordId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "sentAt" TIMESTAMP(3),

    CONSTRAINT "ReminderDm_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "VoteReminder_proposalId_offsetSeconds_key" ON "VoteReminder"("proposalId", "offsetSeconds");

-- CreateIndex
CREATE UNIQUE INDEX "ReminderDm_reminderId_memberId_key" ON "ReminderDm"("reminderId", "memberId");

-- AddForeignKey
ALTER TABLE "VoteReminder" ADD CONSTRAINT "VoteReminder_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReminderDm" ADD CONSTRAINT "ReminderDm_reminderId_fkey" FOREIGN KEY ("reminderId") REFERENCES "VoteReminder"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
