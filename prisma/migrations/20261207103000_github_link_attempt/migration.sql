-- CreateTable
CREATE TABLE "GithubLinkAttempt" (
    "id" SERIAL NOT NULL,
    "guildId" TEXT NOT NULL,
    "discordId" TEXT NOT NULL,
    "username" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "reason" TEXT,
    "login" TEXT,
    "deviceCode" TEXT,
    "userCode" TEXT,
    "verificationUri" TEXT,
    "interval" INTEGER,
    "nonce" TEXT,
    "challenge" TEXT,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "endedAt" TIMESTAMP(3),

    CONSTRAINT "GithubLinkAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "GithubLinkAttempt_nonce_key" ON "GithubLinkAttempt"("nonce");

-- CreateIndex
CREATE UNIQUE INDEX "GithubLinkAttempt_guildId_discordId_key" ON "GithubLinkAttempt"("guildId", "discordId");
