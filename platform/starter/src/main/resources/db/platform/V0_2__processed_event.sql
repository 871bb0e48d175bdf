-- Idempotent consumers: one row per (event, consumer), written with the consumer's effect.
CREATE TABLE processed_event (
  event_id     CHAR(36)     NOT NULL,
  consumer     VARCHAR(100) NOT NULL,
  event_type   VARCHAR(100) NOT NULL,
  processed_at TIMESTAMP(6) NOT NULL,
  PRIMARY KEY (event_id, consumer)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
