-- Notifications (站内消息 and external sends). One row per recipient member; the inbox is this table.
-- UNIQUE (dedup_key, member_id): one notification per event (or per reminder, per month's list…)
-- per recipient, ever — replays, redeliveries and restarts cannot add a second one.
CREATE TABLE notification (
  id               BINARY(16)    NOT NULL,
  member_id        BINARY(16)    NOT NULL,
  kind             VARCHAR(40)   NOT NULL,
  dedup_key        VARCHAR(190)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  source_event_id  BINARY(16)    NULL,
  title            VARCHAR(200)  NOT NULL,
  body             VARCHAR(2000) NOT NULL,
  link             VARCHAR(500)  NULL,
  urgent           BOOLEAN       NOT NULL,
  created_at       TIMESTAMP(6)  NOT NULL,
  read_at          TIMESTAMP(6)  NULL,
  deleted_at       TIMESTAMP(6)  NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uq_notification_once (dedup_key, member_id),
  -- the inbox: a member's live notifications newest first (one range read per page)
  KEY idx_notification_inbox (member_id, deleted_at, created_at, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One external send per notification and channel (or a digest: notification_id NULL, kind DIGEST,
-- its own title and body). Held items wait as DEFERRED (for_digest: until the digest merges them).
CREATE TABLE notification_delivery (
  id               BINARY(16)    NOT NULL,
  notification_id  BINARY(16)    NULL,
  member_id        BINARY(16)    NOT NULL,
  kind             VARCHAR(40)   NOT NULL,
  channel          VARCHAR(10)   NOT NULL,
  status           VARCHAR(10)   NOT NULL,
  urgent           BOOLEAN       NOT NULL,
  for_digest       BOOLEAN       NOT NULL DEFAULT FALSE,
  digest_id        BINARY(16)    NULL,
  title            VARCHAR(200)  NULL,
  body             VARCHAR(4000) NULL,
  attempts         INT           NOT NULL DEFAULT 0,
  next_attempt_at  TIMESTAMP(6)  NULL,
  last_code        VARCHAR(60)   NULL,
  last_detail      VARCHAR(300)  NULL,
  created_at       TIMESTAMP(6)  NOT NULL,
  updated_at       TIMESTAMP(6)  NOT NULL,
  sent_at          TIMESTAMP(6)  NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uq_delivery_once (notification_id, channel),
  KEY idx_delivery_due (status, for_digest, next_attempt_at),
  KEY idx_delivery_digest (digest_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Every attempt and state change of a delivery (QUEUED, DEFERRED, SENT, RETRY, FAILED, DEAD,
-- SKIPPED, MERGED) and the inbox read (READ, delivery_id NULL) with the provider's code.
CREATE TABLE notification_delivery_log (
  id               BINARY(16)    NOT NULL,
  notification_id  BINARY(16)    NULL,
  delivery_id      BINARY(16)    NULL,
  channel          VARCHAR(10)   NULL,
  event            VARCHAR(10)   NOT NULL,
  attempt          INT           NOT NULL DEFAULT 0,
  provider_code    VARCHAR(60)   NULL,
  detail           VARCHAR(300)  NULL,
  at               TIMESTAMP(6)  NOT NULL,
  PRIMARY KEY (id),
  KEY idx_delivery_log_notification (notification_id, at),
  KEY idx_delivery_log_delivery (delivery_id, at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A member's choice per kind: the external channels wanted (comma-separated; empty = inbox only)
-- and the ones turned off by an unsubscribe link. No row: the rule's default channels.
CREATE TABLE notification_preference (
  member_id   BINARY(16)   NOT NULL,
  kind        VARCHAR(40)  NOT NULL,
  channels    VARCHAR(60)  CHARACTER SET ascii COLLATE ascii_bin NULL,
  opted_out   VARCHAR(60)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL DEFAULT '',
  updated_at  TIMESTAMP(6) NOT NULL,
  PRIMARY KEY (member_id, kind)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Templates edited by admins: each change a new version, the old ones kept. Without a row the
-- rule's configured default (version 0) is used.
CREATE TABLE notification_template (
  id              BINARY(16)    NOT NULL,
  kind            VARCHAR(40)   NOT NULL,
  version         INT           NOT NULL,
  title_template  VARCHAR(200)  NOT NULL,
  body_template   VARCHAR(2000) NOT NULL,
  active          BOOLEAN       NOT NULL,
  created_by      VARCHAR(100)  NOT NULL,
  created_at      TIMESTAMP(6)  NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uq_template_version (kind, version)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- External sends per member and Beijing calendar day: the daily cap is an atomic conditional
-- increment here, so two replicas cannot both take the last slot.
CREATE TABLE notification_send_count (
  member_id  BINARY(16) NOT NULL,
  day        DATE       NOT NULL,
  sent       INT        NOT NULL,
  PRIMARY KEY (member_id, day)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Planned meetings whose reminder is still to come (orglife.meeting-planned; a cancellation
-- marks them). expected_member_ids: JSON array of the expected attendees.
CREATE TABLE notification_meeting (
  meeting_id           BINARY(16)   NOT NULL,
  org_id               BINARY(16)   NOT NULL,
  meeting_type         VARCHAR(40)  NOT NULL,
  starts_at            DATETIME     NOT NULL,
  remind_at            TIMESTAMP(6) NOT NULL,
  expected_member_ids  MEDIUMTEXT   NOT NULL,
  cancelled            BOOLEAN      NOT NULL DEFAULT FALSE,
  reminded             BOOLEAN      NOT NULL DEFAULT FALSE,
  PRIMARY KEY (meeting_id),
  KEY idx_notification_meeting_due (reminded, cancelled, remind_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A subtree fan-out (dues.bill.issued: one event for up to a province) worked off in chunks of
-- branches by the delivery tick; the cursor is the last org path done, so a restart resumes.
CREATE TABLE notification_fanout (
  id          BINARY(16)    NOT NULL,
  kind        VARCHAR(40)   NOT NULL,
  dedup_key   VARCHAR(190)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  org_path    VARCHAR(740)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  title       VARCHAR(200)  NOT NULL,
  body        VARCHAR(2000) NOT NULL,
  link        VARCHAR(500)  NULL,
  cursor_path VARCHAR(740)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL DEFAULT '',
  done        BOOLEAN       NOT NULL DEFAULT FALSE,
  created_at  TIMESTAMP(6)  NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uq_fanout_once (dedup_key, org_path),
  KEY idx_fanout_pending (done, created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
