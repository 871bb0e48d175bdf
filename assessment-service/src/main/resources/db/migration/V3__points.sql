-- Member points (党员积分). The rule table holds the defaults; platform admins change them.
CREATE TABLE points_rule (
  action      VARCHAR(30)  NOT NULL,
  name        VARCHAR(100) NOT NULL,
  points      DECIMAL(6,1) NOT NULL,
  per_unit    VARCHAR(10)  NOT NULL,
  daily_cap   DECIMAL(6,1) NOT NULL,
  enabled     BOOLEAN      NOT NULL,
  updated_by  VARCHAR(100) NOT NULL,
  updated_at  TIMESTAMP(6) NOT NULL,
  PRIMARY KEY (action)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO points_rule (action, name, points, per_unit, daily_cap, enabled, updated_by, updated_at) VALUES
  ('ATTENDANCE', '参加组织生活', 2.0, 'EVENT', 4.0, TRUE, 'system', CURRENT_TIMESTAMP(6)),
  ('DUES_ON_TIME', '按时足额缴纳党费', 1.0, 'EVENT', 1.0, TRUE, 'system', CURRENT_TIMESTAMP(6)),
  ('TRAINING_HOURS', '参加学习培训（每学时）', 0.5, 'HOUR', 4.0, TRUE, 'system', CURRENT_TIMESTAMP(6)),
  ('VOLUNTEER_SERVICE', '志愿服务（每小时，经审核）', 1.0, 'HOUR', 8.0, TRUE, 'system', CURRENT_TIMESTAMP(6)),
  ('UNEXCUSED_ABSENCE', '无故缺席组织生活', -3.0, 'EVENT', 6.0, TRUE, 'system', CURRENT_TIMESTAMP(6));

-- Per-org switch (the nearest setting up the tree applies; none: the configured default).
CREATE TABLE points_setting (
  org_id           BINARY(16)   NOT NULL,
  org_path         VARCHAR(740) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  points_enabled   BOOLEAN      NOT NULL,
  ranking_enabled  BOOLEAN      NOT NULL,
  updated_by       VARCHAR(100) NOT NULL,
  updated_at       TIMESTAMP(6) NOT NULL,
  PRIMARY KEY (org_id),
  KEY idx_points_setting_path (org_path)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The yearly ledger: one row per credited action, with the fact it came from (source_ref, unique
-- per member and action) and the event that carried it.
CREATE TABLE points_entry (
  id               BINARY(16)   NOT NULL,
  member_id        BINARY(16)   NOT NULL,
  org_id           BINARY(16)   NOT NULL,
  org_path         VARCHAR(740) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  points_year      INT          NOT NULL,
  occurred_on      DATE         NOT NULL,
  action           VARCHAR(30)  NOT NULL,
  points           DECIMAL(7,1) NOT NULL,
  source_ref       VARCHAR(80)  CHARACTER SET ascii NOT NULL,
  source_event_id  BINARY(16)   NOT NULL,
  note             VARCHAR(200) NULL,
  created_at       TIMESTAMP(6) NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_points_source (member_id, action, source_ref),
  KEY idx_points_member_day (member_id, action, occurred_on),
  KEY idx_points_member_year (member_id, points_year),
  KEY idx_points_scope (org_path, points_year)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Volunteer service entered by a party worker; points only once another person approves it.
CREATE TABLE volunteer_record (
  id           BINARY(16)    NOT NULL,
  member_id    BINARY(16)    NOT NULL,
  org_id       BINARY(16)    NOT NULL,
  org_path     VARCHAR(740)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  served_on    DATE          NOT NULL,
  hours        DECIMAL(5,1)  NOT NULL,
  description  VARCHAR(1000) NOT NULL,
  status       VARCHAR(10)   NOT NULL,
  entered_by   VARCHAR(100)  NOT NULL,
  entered_at   TIMESTAMP(6)  NOT NULL,
  decided_by   VARCHAR(100)  NULL,
  decided_at   TIMESTAMP(6)  NULL,
  PRIMARY KEY (id),
  KEY idx_volunteer_scope (org_path, status)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
