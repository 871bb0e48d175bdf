-- Bucket4j's state of one token bucket per caller (JWT subject) or client address, shared by every
-- gateway instance. Rows whose bucket would be full again expire (expires_at, epoch millis) and are
-- deleted by the gateways.
CREATE TABLE rate_limit_bucket (
  id VARCHAR(191) NOT NULL PRIMARY KEY,
  state BLOB,
  expires_at BIGINT
) ENGINE = InnoDB;

CREATE INDEX rate_limit_bucket_expires ON rate_limit_bucket (expires_at);
