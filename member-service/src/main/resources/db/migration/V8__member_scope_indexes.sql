-- The county member list (GET /api/members?orgId=…&status=…) filters by org_path prefix AND status
-- and its page total is a COUNT(*) over the same filter. With status in no index, that count read
-- every matching row: ~40,000 random row reads for a county of 2,000 branches, ~2 s with 1,000,000
-- members (bench/README.md, docs/benchmarks.md). With status in the scope index the count is an
-- index-only range scan. (org_path, status, stage) also serves every query idx_member_scope
-- (org_path, stage) served (prefix alone, prefix + stage, prefix + status + stage), so it replaces
-- it: one ~300 MB org_path index less to keep up when a subtree moves.
ALTER TABLE member
  ADD INDEX idx_member_scope_status (org_path, status, stage),
  DROP INDEX idx_member_scope;
