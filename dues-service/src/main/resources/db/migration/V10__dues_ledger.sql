-- Each org's dues account (党费专户, DOMAIN.md §3.3). Members' dues are not copied here: they are
-- read from dues_payment (credited to the payment's org; a reversal is a red-ink entry on its own
-- date), so the ledger's dues income is the payments by construction. This table holds the other
-- entries, amounts positive, the kind giving the direction.
CREATE TABLE dues_ledger_entry (
  id                 BINARY(16)   NOT NULL,
  org_id             BINARY(16)   NOT NULL,
  org_path           VARCHAR(740) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  kind               VARCHAR(20)  NOT NULL,
  entry_date         DATE         NOT NULL,
  amount_fen         BIGINT       NOT NULL,
  purpose            VARCHAR(30)  NULL,
  reference          VARCHAR(100) NOT NULL,
  meeting_id         BINARY(16)   NULL,
  counterpart_org_id BINARY(16)   NULL,
  transfer_id        BINARY(16)   NULL,
  -- remittances only: the quarter (2026-Q1); with the kind, the key that makes a run idempotent
  period             VARCHAR(7)   NULL,
  note               VARCHAR(300) NULL,
  recorded_by        VARCHAR(100) NOT NULL,
  recorded_at        TIMESTAMP(6) NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_ledger_period (org_id, kind, period),
  KEY idx_ledger_org_date (org_id, entry_date)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One row per org that ever spent: locked (SELECT … FOR UPDATE) by every outgoing entry so two
-- expenses can never both pass the balance check (量入为出).
CREATE TABLE dues_account (
  org_id     BINARY(16)   NOT NULL,
  created_at TIMESTAMP(6) NOT NULL,
  PRIMARY KEY (org_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- A year published to the org's members: the figures as published, frozen (no entry dated in a
-- published year is accepted afterwards).
CREATE TABLE dues_ledger_publication (
  org_id       BINARY(16)   NOT NULL,
  ledger_year  INT          NOT NULL,
  org_path     VARCHAR(740) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  figures      TEXT         NOT NULL,
  published_by VARCHAR(100) NOT NULL,
  published_at TIMESTAMP(6) NOT NULL,
  PRIMARY KEY (org_id, ledger_year)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
