CREATE TABLE note (
  id      BINARY(16)   NOT NULL,
  title   VARCHAR(50)  NOT NULL,
  pages   INT          NOT NULL,
  version BIGINT       NOT NULL,
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- Effects of the test consumer: one row per applied event.
CREATE TABLE consumed_effect (
  id         BIGINT      NOT NULL AUTO_INCREMENT,
  event_id   CHAR(36)    NOT NULL,
  PRIMARY KEY (id)
) ENGINE=InnoDB;
