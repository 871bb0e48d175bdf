-- The day this service learned of the org (org.created's date): period rules do not judge an org
-- for periods that ended before it existed.
ALTER TABLE proj_org ADD COLUMN created_on DATE NULL;
