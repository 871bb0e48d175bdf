-- DF Art 14 on recording a payment: who paid (SELF; through a RELATIVE or ANOTHER_MEMBER is the Art
-- 12 special case; ORGANISATION, 垫交, is refused and never stored), how (DIRECT; PAYROLL_DEDUCTION,
-- 扣缴, only with the member's written entrustment 委托代扣, referenced here) and whether the extra
-- was declared as 特殊党费 (then it never settles a monthly bill). Existing rows: SELF, DIRECT, DUES.
ALTER TABLE dues_payment
  ADD COLUMN payer           VARCHAR(20)  NOT NULL DEFAULT 'SELF',
  ADD COLUMN payer_name      VARCHAR(50)  NULL,
  ADD COLUMN method          VARCHAR(20)  NOT NULL DEFAULT 'DIRECT',
  ADD COLUMN entrustment_ref VARCHAR(100) NULL,
  ADD COLUMN declared_as     VARCHAR(20)  NOT NULL DEFAULT 'DUES';

-- The meetings of org-life-service that can be a collective decision on spending (DF Art 20),
-- learned from orglife.events: held (or later) records, the newest record version kept.
CREATE TABLE dues_meeting (
  meeting_id     BINARY(16)   NOT NULL,
  org_id         BINARY(16)   NOT NULL,
  meeting_type   VARCHAR(30)  NOT NULL,
  held_on        DATE         NULL,
  status         VARCHAR(12)  NOT NULL,
  record_version INT          NOT NULL,
  updated_at     TIMESTAMP(6) NOT NULL,
  PRIMARY KEY (meeting_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
