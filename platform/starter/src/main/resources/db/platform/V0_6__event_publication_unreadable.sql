-- Outbox entries that can no longer be read (their event class is gone or the serialized event is
-- corrupt) are moved here by the resubmitter, so that they neither stop the resubmission of the
-- others nor are retried forever; an operator can inspect, fix and move them back.
CREATE TABLE event_publication_unreadable (
  id               BINARY(16)    NOT NULL,
  listener_id      VARCHAR(512)  NOT NULL,
  event_type       VARCHAR(512)  NOT NULL,
  serialized_event TEXT          NOT NULL,
  publication_date TIMESTAMP(6)  NOT NULL,
  parked_at        TIMESTAMP(6)  NOT NULL,
  reason           VARCHAR(1000) NOT NULL,
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
