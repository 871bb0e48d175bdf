-- A bill keeps the org id only; its path is read from proj_org (which follows subtree moves).
-- The copied path was ~150 of ~230 bytes a row: a month for 1,000,000 members writes far less.
ALTER TABLE dues_bill DROP COLUMN org_path;

-- Month totals and collection reports of a subtree read this index only (no row lookups): a
-- province's month summed in under a second instead of a minute of random reads.
ALTER TABLE dues_bill DROP INDEX idx_bill_month_org;
ALTER TABLE dues_bill ADD INDEX idx_bill_month_org (bill_month, org_id, status, amount_fen);
