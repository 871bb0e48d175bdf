-- Reads that touch personal data by value or in bulk: exact ID-number searches, dry-run imports,
-- roster exports. Who, from which org, over which scope, with which filter (a searched ID number
-- only as its keyed lookup hash), how many rows, and whether anything was unmasked.
CREATE TABLE privacy_audit (
  id          BINARY(16)   NOT NULL,
  kind        VARCHAR(30)  NOT NULL,
  actor       VARCHAR(100) NOT NULL,
  actor_org   BINARY(16)   NULL,
  scope_path  VARCHAR(1000) NULL,
  filter      VARCHAR(500) NULL,
  row_count   BIGINT       NULL,
  unmasked    BOOLEAN      NOT NULL,
  occurred_at TIMESTAMP(6) NOT NULL,
  PRIMARY KEY (id),
  KEY idx_privacy_audit_actor (actor, occurred_at),
  KEY idx_privacy_audit_kind (kind, occurred_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
