-- 5-year re-entry bar (BH; JL): a person 劝退, 除名 or 开除 may apply again five years after that
-- status; the new record is a new row and the old one stays as history. The ID number is unique per
-- registration sequence instead of outright (a concurrent duplicate still fails on the key).
ALTER TABLE member ADD COLUMN registration_seq INT NOT NULL DEFAULT 0;
ALTER TABLE member ADD UNIQUE KEY uk_member_id_number_seq (id_number_hash, registration_seq);
ALTER TABLE member DROP INDEX uk_member_id_number;

-- 党纪处分 (DZ Art 41): recorded when the 基层党委 approves the 支部大会's decision. window_ends_on is
-- the end of the no-promotion window (警告 1 year, 严重警告 18 months, 撤销党内职务 2 years, 留党察看
-- its 1–2 years plus 2); probation_ends_on the end of 留党察看 itself.
CREATE TABLE sanction (
  id                 BINARY(16)   NOT NULL,
  member_id          BINARY(16)   NOT NULL,
  org_id             BINARY(16)   NOT NULL,
  org_path           VARCHAR(740) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  kind               VARCHAR(40)  NOT NULL,
  issue              VARCHAR(60)  NOT NULL,
  reason             VARCHAR(300) NOT NULL,
  decided_on         DATE         NOT NULL,
  probation_ends_on  DATE         NULL,
  window_ends_on     DATE         NOT NULL,
  approval_id        BINARY(16)   NOT NULL,
  created_at         TIMESTAMP(6) NOT NULL,
  PRIMARY KEY (id),
  KEY idx_sanction_member (member_id, window_ends_on),
  KEY idx_sanction_scope (org_path)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- 不合格党员组织处置 (BH 2024): one case per member and issue, its measure (限期改正 → 劝退 → 除名)
-- and the steps taken, in order, each dated.
CREATE TABLE unqualified_case (
  id                 BINARY(16)   NOT NULL,
  member_id          BINARY(16)   NOT NULL,
  org_id             BINARY(16)   NOT NULL,
  org_path           VARCHAR(740) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  case_trigger       VARCHAR(40)  NOT NULL,
  issue              VARCHAR(60)  NOT NULL,
  measure            VARCHAR(30)  NOT NULL,
  round_no           INT          NOT NULL,
  step               VARCHAR(30)  NOT NULL,
  correction_ends_on DATE         NULL,
  closed             BOOLEAN      NOT NULL,
  opened_on          DATE         NOT NULL,
  created_at         TIMESTAMP(6) NOT NULL,
  updated_at         TIMESTAMP(6) NOT NULL,
  version            BIGINT       NOT NULL,
  PRIMARY KEY (id),
  KEY idx_unqualified_member (member_id, closed),
  KEY idx_unqualified_scope (org_path)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE unqualified_case_step (
  id                 BINARY(16)   NOT NULL,
  case_id            BINARY(16)   NOT NULL,
  round_no           INT          NOT NULL,
  step               VARCHAR(30)  NOT NULL,
  measure            VARCHAR(30)  NOT NULL,
  done_on            DATE         NOT NULL,
  note               VARCHAR(1000) NULL,
  talkers            VARCHAR(80)  NULL,
  vote_base          INT          NULL,
  approval_id        BINARY(16)   NULL,
  recorded_by        VARCHAR(100) NOT NULL,
  created_at         TIMESTAMP(6) NOT NULL,
  PRIMARY KEY (id),
  KEY idx_unqualified_step (case_id, created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
