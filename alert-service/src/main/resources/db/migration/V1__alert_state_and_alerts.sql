-- What the rules need per member and per org, built only from events (member.events through the
-- shared projection's hook, dues.events, orglife.events). One row per subject, updated in place.
CREATE TABLE member_state (
  member_id             BINARY(16)   NOT NULL,
  tracked_since         DATE         NOT NULL,
  last_attended_on      DATE         NULL,
  last_attended_meeting BINARY(16)   NULL,
  absent_since          DATE         NULL,
  arrears_months        INT          NOT NULL DEFAULT 0,
  arrears_since         VARCHAR(7)   NULL,
  arrears_fen           BIGINT       NOT NULL DEFAULT 0,
  training_year         INT          NULL,
  training_hours        DECIMAL(7,1) NOT NULL DEFAULT 0,
  last_step             VARCHAR(40)  NULL,
  last_step_on          DATE         NULL,
  next_step             VARCHAR(40)  NULL,
  next_due_on           DATE         NULL,
  lost_contact_since    DATE         NULL,
  correction_ends_on    DATE         NULL,
  discipline_ends_on    DATE         NULL,
  transfer_id           BINARY(16)   NULL,
  transfer_since        DATE         NULL,
  transfer_valid_until  DATE         NULL,
  updated_at            TIMESTAMP(6) NOT NULL,
  PRIMARY KEY (member_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE org_state (
  org_id                 BINARY(16)   NOT NULL,
  term_id                BINARY(16)   NULL,
  term_ends_on           DATE         NULL,
  term_due_on            DATE         NULL,
  committee_seats        INT          NOT NULL DEFAULT 0,
  secretary_member_id    BINARY(16)   NULL,
  secretary_vacant_since DATE         NULL,
  structure_warnings     VARCHAR(300) NOT NULL DEFAULT '',
  formal_members         INT          NOT NULL DEFAULT 0,
  members                INT          NOT NULL DEFAULT 0,
  updated_at             TIMESTAMP(6) NOT NULL,
  PRIMARY KEY (org_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Meetings as org-life-service reported them (latest record version wins) and who attended.
CREATE TABLE org_meeting (
  meeting_id      BINARY(16)  NOT NULL,
  org_id          BINARY(16)  NOT NULL,
  meeting_type    VARCHAR(40) NOT NULL,
  held_on         DATE        NOT NULL,
  status          VARCHAR(20) NOT NULL,
  record_version  INT         NOT NULL,
  PRIMARY KEY (meeting_id),
  KEY idx_org_meeting_period (org_id, meeting_type, held_on)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE meeting_attendance (
  meeting_id  BINARY(16)  NOT NULL,
  member_id   BINARY(16)  NOT NULL,
  held_on     DATE        NOT NULL,
  attended    BOOLEAN     NOT NULL,
  reason      VARCHAR(30) NULL,
  PRIMARY KEY (meeting_id, member_id),
  KEY idx_attendance_member (member_id, held_on)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Alerts: one per rule, subject and period, ever (an alert closed after review is not raised again
-- for the same period), so replays and concurrent sweeps cannot duplicate one.
CREATE TABLE alert (
  id                   BINARY(16)    NOT NULL,
  rule_id              VARCHAR(60)   NOT NULL,
  subject_type         VARCHAR(10)   NOT NULL,
  subject_id           BINARY(16)    NOT NULL,
  org_id               BINARY(16)    NOT NULL,
  org_path             VARCHAR(740)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  period_key           VARCHAR(120)  NOT NULL,
  severity             VARCHAR(10)   NOT NULL,
  status               VARCHAR(20)   NOT NULL,
  title                VARCHAR(200)  NOT NULL,
  suggestion           VARCHAR(2000) NOT NULL,
  evidence             TEXT          NOT NULL,
  deadline             DATE          NOT NULL,
  raised_on            DATE          NOT NULL,
  raised_at            TIMESTAMP(6)  NOT NULL,
  updated_at           TIMESTAMP(6)  NOT NULL,
  ended_at             TIMESTAMP(6)  NULL,
  resolution           VARCHAR(500)  NULL,
  escalation_level     INT           NOT NULL DEFAULT 0,
  escalated_to_org_id  BINARY(16)    NULL,
  version              BIGINT        NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_alert_period (rule_id, subject_id, period_key),
  KEY idx_alert_scope (org_path, status, severity),
  KEY idx_alert_open_deadline (status, deadline)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE alert_history (
  id           BINARY(16)    NOT NULL,
  alert_id     BINARY(16)    NOT NULL,
  at           TIMESTAMP(6)  NOT NULL,
  actor        VARCHAR(100)  NOT NULL,
  action       VARCHAR(30)   NOT NULL,
  from_status  VARCHAR(20)   NULL,
  to_status    VARCHAR(20)   NOT NULL,
  severity     VARCHAR(10)   NOT NULL,
  note         VARCHAR(2000) NULL,
  attachments  VARCHAR(2000) NULL,
  PRIMARY KEY (id),
  KEY idx_alert_history (alert_id, at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Sweeps: a lease row makes concurrent instances take turns; each run is recorded.
CREATE TABLE sweep_lease (
  name          VARCHAR(40)  NOT NULL,
  owner         VARCHAR(100) NULL,
  leased_until  TIMESTAMP(6) NOT NULL,
  PRIMARY KEY (name)
) ENGINE=InnoDB;
INSERT INTO sweep_lease (name, owner, leased_until) VALUES ('daily', NULL, '1970-01-02 00:00:00');

CREATE TABLE sweep_run (
  id           BINARY(16)   NOT NULL,
  as_of        DATE         NOT NULL,
  instance     VARCHAR(100) NOT NULL,
  started_at   TIMESTAMP(6) NOT NULL,
  finished_at  TIMESTAMP(6) NULL,
  members      INT          NOT NULL DEFAULT 0,
  orgs         INT          NOT NULL DEFAULT 0,
  raised       INT          NOT NULL DEFAULT 0,
  changed      INT          NOT NULL DEFAULT 0,
  resolved     INT          NOT NULL DEFAULT 0,
  escalated    INT          NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  KEY idx_sweep_as_of (as_of)
) ENGINE=InnoDB;

-- Webhooks per org: signed deliveries with retries, a log, and a disabled state.
CREATE TABLE webhook_subscription (
  id                    BINARY(16)   NOT NULL,
  org_id                BINARY(16)   NOT NULL,
  org_path              VARCHAR(740) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  url                   VARCHAR(500) NOT NULL,
  secret                VARCHAR(200) NOT NULL,
  min_severity          VARCHAR(10)  NOT NULL,
  status                VARCHAR(10)  NOT NULL,
  consecutive_failures  INT          NOT NULL DEFAULT 0,
  created_by            VARCHAR(100) NOT NULL,
  created_at            TIMESTAMP(6) NOT NULL,
  PRIMARY KEY (id),
  KEY idx_webhook_path (org_path)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE webhook_delivery (
  id               BINARY(16)    NOT NULL,
  subscription_id  BINARY(16)    NOT NULL,
  alert_id         BINARY(16)    NOT NULL,
  event_type       VARCHAR(40)   NOT NULL,
  body             TEXT          NOT NULL,
  status           VARCHAR(12)   NOT NULL,
  attempts         INT           NOT NULL DEFAULT 0,
  next_attempt_at  TIMESTAMP(6)  NOT NULL,
  last_status      INT           NULL,
  last_error       VARCHAR(500)  NULL,
  created_at       TIMESTAMP(6)  NOT NULL,
  delivered_at     TIMESTAMP(6)  NULL,
  PRIMARY KEY (id),
  KEY idx_delivery_due (status, next_attempt_at),
  KEY idx_delivery_subscription (subscription_id, created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
