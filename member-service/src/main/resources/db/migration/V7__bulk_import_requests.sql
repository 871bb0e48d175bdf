-- Bulk imports by Idempotency-Key (kept 24 hours): a retry with the same key and the same file
-- returns the stored report instead of importing twice. The row is claimed (IN_PROGRESS) before the
-- import runs, so a concurrent retry sees it; the report is the JSON answered. An import that wrote
-- nothing (422, or an error) deletes its row, so a corrected file may reuse the key. Multipart
-- imports keep their keys here; the platform's idempotency_key table serves JSON POSTs.
CREATE TABLE bulk_import_request (
  id               BINARY(16)   NOT NULL,
  caller_subject   VARCHAR(100) NOT NULL,
  idempotency_key  VARCHAR(100) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  target           VARCHAR(20)  NOT NULL,
  import_mode      VARCHAR(20)  NOT NULL,
  parent_id        BINARY(16)   NULL,
  file_sha256      CHAR(64)     CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  status           VARCHAR(20)  NOT NULL,
  http_status      INT          NULL,
  report           LONGTEXT     NULL,
  created_at       TIMESTAMP(6) NOT NULL,
  completed_at     TIMESTAMP(6) NULL DEFAULT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_bulk_import_key (caller_subject, idempotency_key),
  KEY idx_bulk_import_created (created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
