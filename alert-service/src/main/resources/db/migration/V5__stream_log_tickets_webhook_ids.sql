-- The SSE stream's event log: every pushed event gets its id here (AUTO_INCREMENT: monotonic,
-- shared by every instance, kept across restarts), so a client reconnecting with Last-Event-ID
-- is sent what it missed. Alert events carry their org path (scope); a user's own events (job
-- progress) carry the username instead. Rows older than the replay window are purged.
CREATE TABLE stream_event (
  seq         BIGINT        NOT NULL AUTO_INCREMENT,
  event_name  VARCHAR(40)   NOT NULL,
  org_path    VARCHAR(740)  CHARACTER SET ascii COLLATE ascii_bin NULL,
  username    VARCHAR(100)  NULL,
  data        TEXT          NOT NULL,
  created_at  TIMESTAMP(6)  NOT NULL,
  PRIMARY KEY (seq),
  KEY idx_stream_event_created (created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Single-use stream tickets for browsers (EventSource cannot send Authorization): only the
-- SHA-256 of the ticket is stored, with the caller it stands for and its token's expiry.
CREATE TABLE stream_ticket (
  ticket_hash       BINARY(32)    NOT NULL,
  subject           VARCHAR(100)  NOT NULL,
  username          VARCHAR(100)  NOT NULL,
  roles             VARCHAR(500)  NOT NULL,
  org_id            VARCHAR(36)   NULL,
  member_id         VARCHAR(36)   NULL,
  token_expires_at  TIMESTAMP(6)  NOT NULL,
  expires_at        TIMESTAMP(6)  NOT NULL,
  PRIMARY KEY (ticket_hash),
  KEY idx_stream_ticket_expiry (expires_at)
) ENGINE=InnoDB;

-- Standard Webhooks: the webhook-id a receiver deduplicates on stays the same for retries and
-- redeliveries of one message; a redelivery is a new row that names the original and who asked.
ALTER TABLE webhook_delivery
  ADD COLUMN message_id    VARCHAR(64)  NULL,
  ADD COLUMN redelivery_of BINARY(16)   NULL,
  ADD COLUMN requested_by  VARCHAR(100) NULL;
