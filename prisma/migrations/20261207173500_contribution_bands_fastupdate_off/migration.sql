-- The bands index is read on every evaluation (48 single-band lookups) and written once per submission: without a
-- pending list, a lookup reads a few pages of the index instead of scanning up to 4 MB of unmerged entries.
ALTER INDEX "Contribution_bands_idx" SET (fastupdate = off);
