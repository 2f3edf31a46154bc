-- A distribution proposal's figures as facts (worded in each reader's language); NULL on member proposals and on
-- distributions closed before it existed, which keep showing their stored English.
ALTER TABLE "Proposal" ADD COLUMN "distributionFacts" JSONB;
