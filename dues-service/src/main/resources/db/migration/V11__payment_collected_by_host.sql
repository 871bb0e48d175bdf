-- A 流动党员's dues collected by the host org under a 活动证 (DOMAIN §3.2, Art 9): the payment stays
-- booked to the home branch (org_id, org_path) and remembers who collected it.
ALTER TABLE dues_payment ADD COLUMN collected_by_org_id BINARY(16) NULL;
