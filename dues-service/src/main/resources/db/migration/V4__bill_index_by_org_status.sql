-- A branch's unpaid bills (GET /api/dues/bills?orgId=…&status=UNPAID, no month) had no usable index:
-- idx_bill_month_org leads with the month, so at province scale (10.4 M bills) every such list and
-- its count scanned the whole table, 9–20 s each (PlatformBench on the 1,000,000-member province).
ALTER TABLE dues_bill ADD INDEX idx_bill_org_status (org_id, status, bill_month);
