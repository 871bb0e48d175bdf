-- 流动党员活动证 (DOMAIN.md §2.4): the home branch issues it, the member joins organisational life and
-- pays dues at the host without a vote there, reports home at least once a year, and returns it on
-- coming back (or it is closed when the relationship is transferred). Both paths are kept so the
-- home and the host see it in scope.
CREATE TABLE mobile_certificate (
  id                  BINARY(16)   NOT NULL,
  certificate_no      VARCHAR(40)  NOT NULL,
  member_id           BINARY(16)   NOT NULL,
  home_org_id         BINARY(16)   NOT NULL,
  home_org_path       VARCHAR(740) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  host_org_id         BINARY(16)   NULL,
  host_org_path       VARCHAR(740) CHARACTER SET ascii COLLATE ascii_bin NULL,
  host_name           VARCHAR(200) NULL,
  place               VARCHAR(200) NOT NULL,
  reason              VARCHAR(20)  NOT NULL,
  fixed_place         BOOLEAN      NOT NULL,
  no_transfer_reason  VARCHAR(200) NULL,
  away_since          DATE         NOT NULL,
  issued_on           DATE         NOT NULL,
  valid_until         DATE         NOT NULL,
  status              VARCHAR(20)  NOT NULL,
  last_reported_on    DATE         NULL,
  closed_on           DATE         NULL,
  -- one ACTIVE certificate per member: the member id while ACTIVE, NULL afterwards
  open_key            BINARY(16)   NULL,
  created_at          TIMESTAMP(6) NOT NULL,
  updated_at          TIMESTAMP(6) NOT NULL,
  version             BIGINT       NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_mobile_open (open_key),
  KEY idx_mobile_member (member_id),
  KEY idx_mobile_home (home_org_path, status),
  KEY idx_mobile_host (host_org_path, status)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The yearly report home (流动党员向原党组织报告): what the member did where they are.
CREATE TABLE mobile_report (
  id              BINARY(16)    NOT NULL,
  certificate_id  BINARY(16)    NOT NULL,
  reported_on     DATE          NOT NULL,
  summary         VARCHAR(2000) NOT NULL,
  host_opinion    VARCHAR(500)  NULL,
  recorded_by     VARCHAR(100)  NOT NULL,
  created_at      TIMESTAMP(6)  NOT NULL,
  PRIMARY KEY (id),
  KEY idx_mobile_report (certificate_id, reported_on)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
