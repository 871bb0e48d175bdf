-- Every export of personal or money data: who, in which scope, with which filter, how many rows
-- (refused ones too, with refused = TRUE).
CREATE TABLE dues_export_audit (
  id         BINARY(16)   NOT NULL,
  export     VARCHAR(40)  NOT NULL,
  actor      VARCHAR(100) NOT NULL,
  subject    VARCHAR(255) NULL,
  org_path   VARCHAR(740) CHARACTER SET ascii COLLATE ascii_bin NULL,
  filter     VARCHAR(500) NOT NULL,
  row_count  BIGINT       NOT NULL,
  refused    BOOLEAN      NOT NULL,
  at         TIMESTAMP(6) NOT NULL,
  PRIMARY KEY (id),
  KEY idx_export_audit_actor (actor, at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
