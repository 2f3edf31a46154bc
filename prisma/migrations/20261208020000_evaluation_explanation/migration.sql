-- The evaluation's reasons as facts (worded in the reader's language) and its category's expected evidence.
ALTER TABLE "Evaluation" ADD COLUMN "explanation" JSONB;
