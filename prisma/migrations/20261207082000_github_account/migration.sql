-- CreateTable
CREATE TABLE "GithubAccount" (
    "id" SERIAL NOT NULL,
    "guildId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "githubId" INTEGER NOT NULL,
    "login" TEXT NOT NULL,
    "linkedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "GithubAccount_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "GithubAccount_memberId_key" ON "GithubAccount"("memberId");

-- CreateIndex
CREATE UNIQUE INDEX "GithubAccount_guildId_memberId_key" ON "GithubAccount"("guildId", "memberId");

-- CreateIndex
CREATE UNIQUE INDEX "GithubAccount_guildId_githubId_key" ON "GithubAccount"("guildId", "githubId");

-- AddForeignKey
ALTER TABLE "GithubAccount" ADD CONSTRAINT "GithubAccount_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
