-- The sweep loads the active alerts of a chunk of 2,000 subjects at once (subject_id IN (...)):
-- without an index led by subject_id that is a scan of every alert per chunk.
ALTER TABLE alert ADD INDEX idx_alert_subject_status (subject_id, status);

-- Meetings missed since absent_since, kept with the attendance it is derived from, so the sweep's
-- read of a member's facts is a primary-key join, not a count per row.
ALTER TABLE member_state ADD COLUMN missed_count INT NOT NULL DEFAULT 0;
