-- 流动党员活动证 as member.mobile-changed tells them: one row per member (the latest certificate).
-- While ACTIVE and valid, the host org sees the member at its meetings (without a vote) and may
-- collect dues credited to the home branch.
CREATE TABLE proj_mobile (
  member_id       BINARY(16)   NOT NULL,
  certificate_id  BINARY(16)   NOT NULL,
  home_org_id     BINARY(16)   NOT NULL,
  host_org_id     BINARY(16)   NULL,
  host_org_path   VARCHAR(740) CHARACTER SET ascii COLLATE ascii_bin NULL,
  status          VARCHAR(20)  NOT NULL,
  fixed_place     BOOLEAN      NOT NULL,
  away_since      DATE         NOT NULL,
  issued_on       DATE         NOT NULL,
  valid_until     DATE         NOT NULL,
  last_reported_on DATE        NULL,
  closed_on       DATE         NULL,
  updated_at      TIMESTAMP(6) NOT NULL,
  PRIMARY KEY (member_id),
  KEY idx_proj_mobile_host (host_org_id, status)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
