-- Transfers of organisational relationship (组织关系转接, DOMAIN.md §2.4): inside the tree, out of
-- the system (letter number) or into it. The paths let both sides see the transfer in scope.
CREATE TABLE transfer (
  id                 BINARY(16)   NOT NULL,
  member_id          BINARY(16)   NOT NULL,
  direction          VARCHAR(20)  NOT NULL,
  from_org_id        BINARY(16)   NULL,
  from_org_path      VARCHAR(740) CHARACTER SET ascii COLLATE ascii_bin NULL,
  to_org_id          BINARY(16)   NULL,
  to_org_path        VARCHAR(740) CHARACTER SET ascii COLLATE ascii_bin NULL,
  external_org       VARCHAR(200) NULL,
  letter_no          VARCHAR(60)  NULL,
  status             VARCHAR(20)  NOT NULL,
  reason             VARCHAR(200) NOT NULL,
  requested_on       DATE         NOT NULL,
  approved_out_on    DATE         NULL,
  issued_on          DATE         NULL,
  valid_until        DATE         NULL,
  received_on        DATE         NULL,
  completed_on       DATE         NULL,
  closed_reason      VARCHAR(200) NULL,
  created_at         TIMESTAMP(6) NOT NULL,
  updated_at         TIMESTAMP(6) NOT NULL,
  version            BIGINT       NOT NULL,
  PRIMARY KEY (id),
  KEY idx_transfer_member (member_id, status),
  KEY idx_transfer_from (from_org_path, status),
  KEY idx_transfer_to (to_org_path, status)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
