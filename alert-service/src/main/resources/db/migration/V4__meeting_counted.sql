-- Whether a meeting counts is org-life-service's decision, published in its events (counted);
-- rows from before the field count by the status they were stored with.
ALTER TABLE org_meeting ADD COLUMN counted BOOLEAN NOT NULL DEFAULT FALSE;
UPDATE org_meeting SET counted = (status IN ('APPROVED', 'ARCHIVED'));
