-- Idempotency-Key support for retried writes: the first successful response per (caller, key)
-- is stored and replayed; a different request under the same key is refused.
CREATE TABLE idempotency_key (
  principal    VARCHAR(100) NOT NULL,
  idem_key     VARCHAR(100) NOT NULL,
  request_hash CHAR(64)     NOT NULL,
  status       INT          NULL,
  content_type VARCHAR(100) NULL,
  location     VARCHAR(500) NULL,
  etag         VARCHAR(100) NULL,
  body         MEDIUMTEXT   NULL,
  created_at   TIMESTAMP(6) NOT NULL,
  PRIMARY KEY (principal, idem_key),
  KEY idx_idempotency_created (created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
