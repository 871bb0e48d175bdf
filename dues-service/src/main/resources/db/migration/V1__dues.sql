-- dues-service schema (DOMAIN.md §3). Money is BIGINT fen; months are DATE (the first day).
-- Ids are UUIDv7 as BINARY(16). Org paths are copied from the member projection (ascii, binary
-- collation, so LIKE 'prefix%' is a range scan).

-- A member's dues assessment from a month on (年初核定, changed mid-year from the month new pay
-- starts). The base is personal data: it is read only by the member, the branch's secretary or
-- party worker and admins, and never leaves the service in an event or a log line.
CREATE TABLE dues_profile (
  id                   BINARY(16)   NOT NULL,
  member_id            BINARY(16)   NOT NULL,
  dues_year            INT          NOT NULL,
  effective_month      DATE         NOT NULL,
  category             VARCHAR(30)  NOT NULL,
  base_kind            VARCHAR(30)  NULL,
  base_fen             BIGINT       NULL,
  rate_percent         DECIMAL(6,3) NULL,
  standard_fen         BIGINT       NOT NULL,
  hardship             VARCHAR(10)  NOT NULL DEFAULT 'NONE',
  hardship_fen         BIGINT       NULL,
  hardship_approved_by VARCHAR(100) NULL,
  hardship_meeting     VARCHAR(200) NULL,
  hardship_approved_on DATE         NULL,
  hardship_until       DATE         NULL,
  note                 VARCHAR(200) NULL,
  created_by           VARCHAR(100) NOT NULL,
  created_at           TIMESTAMP(6) NOT NULL,
  updated_at           TIMESTAMP(6) NOT NULL,
  version              BIGINT       NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_profile_member_month (member_id, effective_month)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One bill per member and month, whatever runs it: (member_id, bill_month) is the idempotency key
-- of bill generation and the reason a month can never be billed twice.
CREATE TABLE dues_bill (
  id          BINARY(16)   NOT NULL,
  member_id   BINARY(16)   NOT NULL,
  bill_month  DATE         NOT NULL,
  org_id      BINARY(16)   NOT NULL,
  org_path    VARCHAR(740) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  category    VARCHAR(30)  NOT NULL,
  amount_fen  BIGINT       NOT NULL,
  status      VARCHAR(10)  NOT NULL,
  origin      VARCHAR(10)  NOT NULL,
  profile_id  BINARY(16)   NULL,
  payment_id  BINARY(16)   NULL,
  paid_at     TIMESTAMP(6) NULL,
  issued_at   TIMESTAMP(6) NOT NULL,
  version     BIGINT       NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  UNIQUE KEY uk_bill_member_month (member_id, bill_month),
  KEY idx_bill_month_path (bill_month, org_path),
  KEY idx_bill_payment (payment_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE dues_payment (
  id                BINARY(16)   NOT NULL,
  member_id         BINARY(16)   NOT NULL,
  org_id            BINARY(16)   NOT NULL,
  org_path          VARCHAR(740) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  channel           VARCHAR(10)  NOT NULL,
  status            VARCHAR(10)  NOT NULL,
  months            VARCHAR(200) NOT NULL,
  bills_fen         BIGINT       NOT NULL,
  extra_fen         BIGINT       NOT NULL,
  total_fen         BIGINT       NOT NULL,
  remit_to_centre   BOOLEAN      NOT NULL,
  receipt_no        VARCHAR(50)  NULL,
  provider          VARCHAR(20)  NULL,
  provider_order_id VARCHAR(64)  NULL,
  pay_url           VARCHAR(300) NULL,
  recorded_by       VARCHAR(100) NOT NULL,
  created_at        TIMESTAMP(6) NOT NULL,
  expires_at        TIMESTAMP(6) NULL,
  paid_at           TIMESTAMP(6) NULL,
  reversed_at       TIMESTAMP(6) NULL,
  reversed_by       VARCHAR(100) NULL,
  reversal_reason   VARCHAR(300) NULL,
  version           BIGINT       NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_payment_provider_order (provider, provider_order_id),
  UNIQUE KEY uk_payment_receipt (org_id, receipt_no),
  KEY idx_payment_member (member_id, created_at),
  KEY idx_payment_path (org_path, created_at),
  KEY idx_payment_pending (status, expires_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Which bills a payment settled (kept after a reversal, which frees the bills again).
CREATE TABLE dues_payment_item (
  payment_id  BINARY(16) NOT NULL,
  bill_id     BINARY(16) NOT NULL,
  bill_month  DATE       NOT NULL,
  amount_fen  BIGINT     NOT NULL,
  prepaid     BOOLEAN    NOT NULL,
  PRIMARY KEY (payment_id, bill_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- The sandbox payment provider's own state: what a real provider keeps on its side.
CREATE TABLE sandbox_order (
  id          VARCHAR(64)  NOT NULL,
  payment_id  BINARY(16)   NOT NULL,
  amount_fen  BIGINT       NOT NULL,
  subject     VARCHAR(100) NOT NULL,
  status      VARCHAR(10)  NOT NULL,
  created_at  TIMESTAMP(6) NOT NULL,
  paid_at     TIMESTAMP(6) NULL,
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- Every provider callback, accepted or not: rejected ones (bad signature, unknown order, wrong
-- amount) are kept here and never applied.
CREATE TABLE dues_callback_log (
  id          BINARY(16)   NOT NULL,
  provider    VARCHAR(20)  NOT NULL,
  order_id    VARCHAR(64)  NULL,
  outcome     VARCHAR(20)  NOT NULL,
  detail      VARCHAR(300) NULL,
  body        TEXT         NOT NULL,
  received_at TIMESTAMP(6) NOT NULL,
  PRIMARY KEY (id),
  KEY idx_callback_order (order_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- Consecutive unpaid months per member, refreshed on bill runs, payments and reversals.
CREATE TABLE dues_arrears (
  member_id       BINARY(16)   NOT NULL,
  org_id          BINARY(16)   NOT NULL,
  org_path        VARCHAR(740) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  months          INT          NOT NULL,
  since_month     DATE         NULL,
  outstanding_fen BIGINT       NOT NULL,
  updated_at      TIMESTAMP(6) NOT NULL,
  PRIMARY KEY (member_id),
  KEY idx_arrears_path (org_path, months)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- Audit trail of money-relevant decisions (reversals, hardship approvals, bill runs).
CREATE TABLE dues_audit (
  id          BINARY(16)   NOT NULL,
  action      VARCHAR(40)  NOT NULL,
  subject_id  BINARY(16)   NULL,
  org_path    VARCHAR(740) CHARACTER SET ascii COLLATE ascii_bin NULL,
  actor       VARCHAR(100) NOT NULL,
  reason      VARCHAR(300) NULL,
  detail      VARCHAR(500) NULL,
  at          TIMESTAMP(6) NOT NULL,
  PRIMARY KEY (id),
  KEY idx_audit_subject (subject_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
