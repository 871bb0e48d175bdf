-- Assessment cycles (考核周期): annual or quarterly, for a set of orgs, scored against one
-- published indicator version. OPEN → REVIEW (computed) → PUBLISHED; corrections after publish
-- are audited re-publications (publication_no + 1).
CREATE TABLE assessment_cycle (
  id              BINARY(16)   NOT NULL,
  name            VARCHAR(200) NOT NULL,
  kind            VARCHAR(10)  NOT NULL,
  assess_year     INT          NOT NULL,
  quarter         INT          NOT NULL,
  period_from     DATE         NOT NULL,
  period_to       DATE         NOT NULL,
  root_org_id     BINARY(16)   NOT NULL,
  root_path       VARCHAR(740) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  version_id      BINARY(16)   NOT NULL,
  status          VARCHAR(12)  NOT NULL,
  peer_group_by   VARCHAR(12)  NOT NULL,
  bottom_percent  DECIMAL(5,2) NOT NULL,
  indicator_share DECIMAL(5,2) NOT NULL,
  ballot_share    DECIMAL(5,2) NOT NULL,
  publication_no  INT          NOT NULL,
  org_count       INT          NOT NULL,
  row_version     BIGINT       NOT NULL,
  computed_at     TIMESTAMP(6) NULL,
  published_at    TIMESTAMP(6) NULL,
  created_by      VARCHAR(100) NOT NULL,
  created_at      TIMESTAMP(6) NOT NULL,
  PRIMARY KEY (id),
  KEY idx_cycle_root (root_path),
  KEY idx_cycle_year (assess_year, kind, status)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The orgs assessed in a cycle and the peer group each is ranked in.
CREATE TABLE cycle_org (
  cycle_id    BINARY(16)   NOT NULL,
  org_id      BINARY(16)   NOT NULL,
  org_path    VARCHAR(740) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  org_name    VARCHAR(100) NOT NULL,
  org_type    VARCHAR(30)  NOT NULL,
  peer_group  VARCHAR(60)  CHARACTER SET ascii NOT NULL,
  PRIMARY KEY (cycle_id, org_id),
  KEY idx_cycle_org_path (cycle_id, org_path)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Third-party assessors (第三方评估机构) and the orgs assigned to each: they see only these.
CREATE TABLE cycle_assessor (
  cycle_id     BINARY(16)   NOT NULL,
  assessor     VARCHAR(100) NOT NULL,
  org_id       BINARY(16)   NOT NULL,
  assigned_by  VARCHAR(100) NOT NULL,
  assigned_at  TIMESTAMP(6) NOT NULL,
  PRIMARY KEY (cycle_id, assessor, org_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE score_entry (
  cycle_id      BINARY(16)    NOT NULL,
  org_id        BINARY(16)    NOT NULL,
  indicator_id  BINARY(16)    NOT NULL,
  points        DECIMAL(8,2)  NOT NULL,
  evidence      VARCHAR(2000) NOT NULL,
  origin        VARCHAR(10)   NOT NULL,
  scored_by     VARCHAR(100)  NOT NULL,
  scored_at     TIMESTAMP(6)  NOT NULL,
  PRIMARY KEY (cycle_id, org_id, indicator_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Every change of a score after publication (the audit of a re-publication).
CREATE TABLE score_correction (
  id              BINARY(16)    NOT NULL,
  cycle_id        BINARY(16)    NOT NULL,
  org_id          BINARY(16)    NOT NULL,
  indicator_id    BINARY(16)    NOT NULL,
  old_points      DECIMAL(8,2)  NULL,
  new_points      DECIMAL(8,2)  NOT NULL,
  reason          VARCHAR(1000) NOT NULL,
  publication_no  INT           NOT NULL,
  changed_by      VARCHAR(100)  NOT NULL,
  changed_at      TIMESTAMP(6)  NOT NULL,
  PRIMARY KEY (id),
  KEY idx_correction_cycle (cycle_id, org_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- 述职报告, submitted by the org's secretary.
CREATE TABLE duty_report (
  cycle_id      BINARY(16)   NOT NULL,
  org_id        BINARY(16)   NOT NULL,
  report_text   TEXT         NOT NULL,
  submitted_by  VARCHAR(100) NOT NULL,
  submitted_at  TIMESTAMP(6) NOT NULL,
  PRIMARY KEY (cycle_id, org_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- 述职评议 ballots: counts of 好/较好/一般/差 and the score they give.
CREATE TABLE duty_ballot (
  cycle_id      BINARY(16)   NOT NULL,
  org_id        BINARY(16)   NOT NULL,
  good          INT          NOT NULL,
  fairly_good   INT          NOT NULL,
  average       INT          NOT NULL,
  poor          INT          NOT NULL,
  ballot_score  DECIMAL(6,2) NOT NULL,
  entered_by    VARCHAR(100) NOT NULL,
  entered_at    TIMESTAMP(6) NOT NULL,
  PRIMARY KEY (cycle_id, org_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE cycle_result (
  cycle_id         BINARY(16)   NOT NULL,
  org_id           BINARY(16)   NOT NULL,
  peer_group       VARCHAR(60)  CHARACTER SET ascii NOT NULL,
  base_points      DECIMAL(8,2) NOT NULL,
  bonus_points     DECIMAL(8,2) NOT NULL,
  penalty_points   DECIMAL(8,2) NOT NULL,
  indicator_score  DECIMAL(8,2) NOT NULL,
  ballot_score     DECIMAL(6,2) NULL,
  combined         DECIMAL(8,2) NOT NULL,
  rank_no          INT          NOT NULL DEFAULT 0,
  peer_size        INT          NOT NULL DEFAULT 0,
  percentile       DECIMAL(5,2) NOT NULL DEFAULT 0,
  grade            VARCHAR(12)  NOT NULL DEFAULT '',
  stars            INT          NOT NULL DEFAULT 0,
  weak_candidate   BOOLEAN      NOT NULL DEFAULT FALSE,
  PRIMARY KEY (cycle_id, org_id),
  KEY idx_result_rank (cycle_id, peer_group, rank_no),
  KEY idx_result_org (org_id)
) ENGINE=InnoDB;

-- 整改清单: items found by scoring (item_key indicator:<code>) and items added by reviewers
-- (item_key manual:<uuid>).
CREATE TABLE rectification_item (
  cycle_id    BINARY(16)   NOT NULL,
  org_id      BINARY(16)   NOT NULL,
  item_key    VARCHAR(60)  CHARACTER SET ascii NOT NULL,
  item_text   VARCHAR(500) NOT NULL,
  origin      VARCHAR(10)  NOT NULL,
  created_by  VARCHAR(100) NOT NULL,
  PRIMARY KEY (cycle_id, org_id, item_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE cycle_publication (
  cycle_id        BINARY(16)    NOT NULL,
  publication_no  INT           NOT NULL,
  reason          VARCHAR(1000) NOT NULL,
  changed_orgs    INT           NOT NULL,
  published_by    VARCHAR(100)  NOT NULL,
  published_at    TIMESTAMP(6)  NOT NULL,
  PRIMARY KEY (cycle_id, publication_no)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Two annual cycles in a row in the bottom band → 提醒谈话 and 限期整改; the talk's record and the
-- rectification outcome are kept here.
CREATE TABLE accountability_case (
  id                 BINARY(16)    NOT NULL,
  org_id             BINARY(16)    NOT NULL,
  org_path           VARCHAR(740)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  cycle_id           BINARY(16)    NOT NULL,
  previous_cycle_id  BINARY(16)    NOT NULL,
  years              INT           NOT NULL,
  band               VARCHAR(20)   NOT NULL,
  talk_by            DATE          NOT NULL,
  rectify_by         DATE          NOT NULL,
  status             VARCHAR(20)   NOT NULL,
  talk_held_on       DATE          NULL,
  talk_by_name       VARCHAR(100)  NULL,
  talk_record        TEXT          NULL,
  outcome            VARCHAR(20)   NULL,
  outcome_note       VARCHAR(2000) NULL,
  outcome_on         DATE          NULL,
  row_version        BIGINT        NOT NULL,
  created_at         TIMESTAMP(6)  NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_case_org_cycle (org_id, cycle_id),
  KEY idx_case_path (org_path)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
