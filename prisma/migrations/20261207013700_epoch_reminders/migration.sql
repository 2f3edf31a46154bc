-- AlterEnum
ALTER TYPE "PostKind" ADD VALUE 'epoch_reminder';

-- CreateTable
CREATE TABLE "EpochReminder" (
    "id" SERIAL NOT NULL,
    "guildId" TEXT NOT NULL,
    "epochId" INTEGER NOT NULL,
    "closesAt" TIMESTAMP(3) NOT NULL,
    "offsetSeconds" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EpochReminder_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "EpochReminder_epochId_closesAt_offsetSeconds_key" ON "EpochReminder"("epochId", "closesAt", "offsetSeconds");

-- AddForeignKey
ALTER TABLE "EpochReminder" ADD CONSTRAINT "EpochReminder_epochId_fkey" FOREIGN KEY ("epochId") REFERENCES "Epoch"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
