-- Bills are found by month and org id (the subtree comes from proj_org's paths, which follow
-- subtree moves) instead of by a copied path: the (bill_month, org_path) index took ~170 bytes a
-- bill and was inserted in random order, which made a month's run for 1,000,000 members I/O-bound.
ALTER TABLE dues_bill DROP INDEX idx_bill_month_path;
ALTER TABLE dues_bill ADD INDEX idx_bill_month_org (bill_month, org_id, status);

-- The profile in force for a month, read index-only in member order by a bill run.
ALTER TABLE dues_profile ADD INDEX idx_profile_in_force
  (member_id, effective_month, standard_fen, hardship, hardship_fen, hardship_until, category);
