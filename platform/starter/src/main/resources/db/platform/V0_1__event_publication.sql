-- Spring Modulith JPA event publication registry: the transactional outbox.
-- id is BINARY(16) because the JPA entity maps java.util.UUID (STACK.md pitfall 6).
CREATE TABLE event_publication (
  id                     BINARY(16)   NOT NULL,
  listener_id            VARCHAR(512) NOT NULL,
  event_type             VARCHAR(512) NOT NULL,
  serialized_event       TEXT         NOT NULL,
  publication_date       TIMESTAMP(6) NOT NULL,
  completion_date        TIMESTAMP(6) NULL DEFAULT NULL,
  status                 VARCHAR(20),
  completion_attempts    INT,
  last_resubmission_date TIMESTAMP(6) NULL DEFAULT NULL,
  PRIMARY KEY (id),
  INDEX event_publication_by_completion_date_idx (completion_date)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
