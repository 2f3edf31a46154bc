-- AlterTable
ALTER TABLE "Evaluation" ADD COLUMN     "githubFacts" JSONB;

-- CreateTable
CREATE TABLE "GithubLinkRead" (
    "key" TEXT NOT NULL,
    "parts" JSONB NOT NULL,
    "readAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "GithubLinkRead_pkey" PRIMARY KEY ("key")
);
