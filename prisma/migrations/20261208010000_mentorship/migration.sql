-- CreateTable
CREATE TABLE "Mentorship" (
    "id" SERIAL NOT NULL,
    "guildId" TEXT NOT NULL,
    "newcomerId" TEXT NOT NULL,
    "mentorId" TEXT,
    "status" TEXT NOT NULL,
    "note" TEXT,
    "openFor" TEXT,
    "requestedAt" TIMESTAMP(3) NOT NULL,
    "acceptedAt" TIMESTAMP(3),
    "endedAt" TIMESTAMP(3),
    "endedBy" TEXT,

    CONSTRAINT "Mentorship_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "Mentorship_status_check" CHECK ("status" IN ('requested', 'active', 'ended')),
    -- Open (requested or active) exactly while openFor names the newcomer; an active one has its mentor.
    CONSTRAINT "Mentorship_open_check" CHECK (("status" = 'ended') = ("openFor" IS NULL)),
    CONSTRAINT "Mentorship_active_check" CHECK ("status" <> 'active' OR "mentorId" IS NOT NULL),
    -- Nobody mentors themselves.
    CONSTRAINT "Mentorship_self_check" CHECK ("mentorId" IS NULL OR "mentorId" <> "newcomerId")
);

-- CreateTable
CREATE TABLE "MentorReview" (
    "id" SERIAL NOT NULL,
    "contributionId" INTEGER NOT NULL,
    "mentorshipId" INTEGER NOT NULL,
    "mentorId" TEXT NOT NULL,
    "comment" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MentorReview_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MentorShare" (
    "id" SERIAL NOT NULL,
    "guildId" TEXT NOT NULL,
    "mentorshipId" INTEGER NOT NULL,
    "newcomerId" TEXT NOT NULL,
    "mentorId" TEXT NOT NULL,
    "contributionId" INTEGER NOT NULL,
    "amount" DECIMAL(78,0) NOT NULL,
    "epochId" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MentorShare_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "MentorShare_amount_check" CHECK ("amount" > 0)
);

-- CreateIndex
CREATE UNIQUE INDEX "Mentorship_openFor_key" ON "Mentorship"("openFor");
CREATE INDEX "Mentorship_guildId_status_idx" ON "Mentorship"("guildId", "status");
CREATE INDEX "Mentorship_mentorId_status_idx" ON "Mentorship"("mentorId", "status");
CREATE UNIQUE INDEX "MentorReview_contributionId_key" ON "MentorReview"("contributionId");
CREATE UNIQUE INDEX "MentorShare_newcomerId_key" ON "MentorShare"("newcomerId");
CREATE UNIQUE INDEX "MentorShare_contributionId_key" ON "MentorShare"("contributionId");
CREATE INDEX "MentorShare_epochId_idx" ON "MentorShare"("epochId");
