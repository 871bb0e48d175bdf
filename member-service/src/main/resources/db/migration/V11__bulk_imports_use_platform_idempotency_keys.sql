-- Bulk imports now claim their Idempotency-Key in the platform's idempotency_key table, like every
-- other POST (one mechanism: 422 for a key reused with another request, 409 while in progress).
-- Keys held here are at most 24 hours old and only protect retries: dropping them is safe.
DROP TABLE bulk_import_request;
