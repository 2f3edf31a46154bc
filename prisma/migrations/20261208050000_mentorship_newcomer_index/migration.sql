-- The mentorship a newcomer's work was submitted under (the mentor's share at the close) and whether someone
-- mentored a member (the conflict rule on moderators and jurors) are looked up by newcomer.
CREATE INDEX "Mentorship_newcomerId_mentorId_idx" ON "Mentorship"("newcomerId", "mentorId");
