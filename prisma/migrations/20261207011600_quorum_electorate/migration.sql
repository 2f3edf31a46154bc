-- AlterTable
ALTER TABLE "Proposal" ADD COLUMN     "activeMemberIds" TEXT[],
ADD COLUMN     "activeSince" TIMESTAMP(3),
ADD COLUMN     "quorumBaseWeight" DOUBLE PRECISION,
ADD COLUMN     "quorumMembers" INTEGER,
ADD COLUMN     "quorumOf" TEXT;

-- Who the quorum counts is a voting term too: fixed once the vote opens, like the quorum weight it produced.
CREATE FUNCTION "proposal_quorum_electorate_guard"() RETURNS trigger AS $$
BEGIN
  IF OLD."status" <> 'draft' AND (
    NEW."quorumOf" IS DISTINCT FROM OLD."quorumOf" OR
    NEW."quorumMembers" IS DISTINCT FROM OLD."quorumMembers" OR
    NEW."quorumBaseWeight" IS DISTINCT FROM OLD."quorumBaseWeight" OR
    NEW."activeSince" IS DISTINCT FROM OLD."activeSince" OR
    NEW."activeMemberIds" IS DISTINCT FROM OLD."activeMemberIds"
  ) THEN
    RAISE EXCEPTION 'proposal % is % and the electorate its quorum counts can no longer change', OLD."id", OLD."status"
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "Proposal_quorum_electorate"
    BEFORE UPDATE ON "Proposal"
    FOR EACH ROW EXECUTE FUNCTION "proposal_quorum_electorate_guard"();
