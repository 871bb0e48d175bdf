-- The points rule table and the per-org switches are edited by people: each row carries a version
-- so that a PUT with a stale If-Match is refused (412) instead of silently overwriting.
ALTER TABLE points_rule ADD COLUMN row_version BIGINT NOT NULL DEFAULT 0;
ALTER TABLE points_setting ADD COLUMN row_version BIGINT NOT NULL DEFAULT 0;
