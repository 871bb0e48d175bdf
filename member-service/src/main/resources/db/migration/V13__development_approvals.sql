-- A development step decided through an approval (a higher body's step, or a late record with the
-- reason it is late and the approval of the 基层党委).
ALTER TABLE development_step
  ADD COLUMN late_reason VARCHAR(500) NULL,
  ADD COLUMN approval_id BINARY(16)   NULL;
