-- Indicator systems (指标体系): a versioned tree per system. A published version is immutable; a
-- new year gets a new version (copied from the last one and edited as a draft).
CREATE TABLE indicator_system (
  id            BINARY(16)   NOT NULL,
  owner_org_id  BINARY(16)   NOT NULL,
  owner_path    VARCHAR(740) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  name          VARCHAR(200) NOT NULL,
  description   VARCHAR(2000) NULL,
  created_by    VARCHAR(100) NOT NULL,
  created_at    TIMESTAMP(6) NOT NULL,
  PRIMARY KEY (id),
  KEY idx_system_owner (owner_path)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE indicator_version (
  id            BINARY(16)   NOT NULL,
  system_id     BINARY(16)   NOT NULL,
  version_no    INT          NOT NULL,
  assess_year   INT          NOT NULL,
  status        VARCHAR(20)  NOT NULL,
  row_version   BIGINT       NOT NULL,
  published_by  VARCHAR(100) NULL,
  published_at  TIMESTAMP(6) NULL,
  created_by    VARCHAR(100) NOT NULL,
  created_at    TIMESTAMP(6) NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_version_no (system_id, version_no)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- kind: BASE (counts towards the 100 points), BONUS (加分, up to weight) or PENALTY (扣分, up to
-- weight). method: GROUP (has children), MANUAL (scorer DEPARTMENT or ASSESSOR) or AUTOMATIC
-- (source computed from events this service consumes).
CREATE TABLE indicator (
  id           BINARY(16)    NOT NULL,
  version_id   BINARY(16)    NOT NULL,
  parent_id    BINARY(16)    NULL,
  code         VARCHAR(40)   NOT NULL,
  name         VARCHAR(200)  NOT NULL,
  kind         VARCHAR(10)   NOT NULL,
  weight       DECIMAL(7,2)  NOT NULL,
  method       VARCHAR(10)   NOT NULL,
  scorer       VARCHAR(12)   NULL,
  scorer_name  VARCHAR(100)  NULL,
  source       VARCHAR(40)   NULL,
  sort_order   INT           NOT NULL,
  description  VARCHAR(1000) NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_indicator_code (version_id, code),
  KEY idx_indicator_parent (parent_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- What the automatic indicators are computed from: one row per source fact, keyed by the fact
-- (meeting, member-month, member-year, step, alert), so a redelivered or corrected event
-- overwrites instead of counting twice. Scoring groups them per org and period in one statement.
CREATE TABLE src_meeting (
  meeting_id      BINARY(16)  NOT NULL,
  org_id          BINARY(16)  NOT NULL,
  meeting_type    VARCHAR(40) NOT NULL,
  held_on         DATE        NOT NULL,
  counted         BOOLEAN     NOT NULL,
  record_version  INT         NOT NULL,
  PRIMARY KEY (meeting_id),
  KEY idx_src_meeting_org (org_id, held_on)
) ENGINE=InnoDB;

CREATE TABLE src_dues_month (
  member_id   BINARY(16) NOT NULL,
  pay_month   CHAR(7)    CHARACTER SET ascii NOT NULL,
  org_id      BINARY(16) NOT NULL,
  payment_id  BINARY(16) NOT NULL,
  paid_on     DATE       NOT NULL,
  on_time     BOOLEAN    NOT NULL,
  PRIMARY KEY (member_id, pay_month),
  KEY idx_src_dues_org (org_id, pay_month),
  KEY idx_src_dues_payment (payment_id)
) ENGINE=InnoDB;

CREATE TABLE src_training (
  member_id    BINARY(16)   NOT NULL,
  credit_year  INT          NOT NULL,
  org_id       BINARY(16)   NOT NULL,
  hours        DECIMAL(8,1) NOT NULL,
  PRIMARY KEY (member_id, credit_year),
  KEY idx_src_training_org (org_id, credit_year)
) ENGINE=InnoDB;

-- The development step a member is waiting for and when it is due (from member.development-step).
CREATE TABLE src_dev_pending (
  member_id  BINARY(16)  NOT NULL,
  org_id     BINARY(16)  NOT NULL,
  next_step  VARCHAR(60) NULL,
  due_on     DATE        NULL,
  PRIMARY KEY (member_id),
  KEY idx_src_dev_pending (org_id, due_on)
) ENGINE=InnoDB;

-- Each recorded step with the due date it had (null: no deadline).
CREATE TABLE src_dev_step (
  member_id    BINARY(16)  NOT NULL,
  step_number  INT         NOT NULL,
  org_id       BINARY(16)  NOT NULL,
  step         VARCHAR(60) NOT NULL,
  due_on       DATE        NULL,
  done_on      DATE        NOT NULL,
  PRIMARY KEY (member_id, step_number),
  KEY idx_src_dev_step_org (org_id, done_on)
) ENGINE=InnoDB;

CREATE TABLE src_alert (
  alert_id   BINARY(16)  NOT NULL,
  org_id     BINARY(16)  NOT NULL,
  deadline   DATE        NULL,
  status     VARCHAR(20) NOT NULL,
  raised_on  DATE        NOT NULL,
  closed_on  DATE        NULL,
  PRIMARY KEY (alert_id),
  KEY idx_src_alert_org (org_id, deadline)
) ENGINE=InnoDB;
