-- Replay protection for provider callbacks: every accepted callback's nonce is kept until its
-- timestamp falls out of the accepted window (after which a replay is refused as stale anyway).
CREATE TABLE dues_callback_nonce (
  provider    VARCHAR(20)  NOT NULL,
  nonce       VARCHAR(64)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  expires_at  TIMESTAMP(6) NOT NULL,
  PRIMARY KEY (provider, nonce),
  KEY idx_callback_nonce_expiry (expires_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- Who may see and pay a sandbox order: the member whose bills it settles, or the subject (token
-- sub) of whoever started it.
ALTER TABLE sandbox_order
  ADD COLUMN payer_member_id BINARY(16)   NULL,
  ADD COLUMN payer_subject   VARCHAR(255) NULL;
