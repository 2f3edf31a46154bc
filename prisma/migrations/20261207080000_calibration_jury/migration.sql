-- CreateTable
CREATE TABLE "CalibrationSample" (
    "id" SERIAL NOT NULL,
    "guildId" TEXT NOT NULL,
    "epochId" INTEGER NOT NULL,
    "seed" TEXT NOT NULL,
    "population" INTEGER[],
    "size" INTEGER NOT NULL,
    "drawnBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CalibrationSample_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CalibrationItem" (
    "id" SERIAL NOT NULL,
    "sampleId" INTEGER NOT NULL,
    "contributionId" INTEGER NOT NULL,
    "evaluationId" INTEGER NOT NULL,

    CONSTRAINT "CalibrationItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JurorReview" (
    "id" SERIAL NOT NULL,
    "itemId" INTEGER NOT NULL,
    "jurorId" TEXT NOT NULL,
    "scores" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "paidInEpochId" INTEGER,

    CONSTRAINT "JurorReview_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CalibrationSample_epochId_key" ON "CalibrationSample"("epochId");

-- CreateIndex
CREATE UNIQUE INDEX "CalibrationItem_sampleId_contributionId_key" ON "CalibrationItem"("sampleId", "contributionId");

-- CreateIndex
CREATE INDEX "JurorReview_paidInEpochId_idx" ON "JurorReview"("paidInEpochId");

-- CreateIndex
CREATE UNIQUE INDEX "JurorReview_itemId_jurorId_key" ON "JurorReview"("itemId", "jurorId");

-- AddForeignKey
ALTER TABLE "CalibrationItem" ADD CONSTRAINT "CalibrationItem_sampleId_fkey" FOREIGN KEY ("sampleId") REFERENCES "CalibrationSample"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JurorReview" ADD CONSTRAINT "JurorReview_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "CalibrationItem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
