-- Approval requests (审批): decisions the regulations reserve for a body above the branch (基层党委,
-- 上级党委组织部门, 县委组织部, 县级以上纪委), each a chain of stages decided in order. The request
-- keeps what to apply (payload, JSON) until the last stage approves; the effect is applied in the
-- decision's transaction. open_key is unique while the request is open (one open request per subject
-- and matter) and NULL once it ends.
CREATE TABLE approval (
  id                 BINARY(16)   NOT NULL,
  kind               VARCHAR(40)  NOT NULL,
  status             VARCHAR(20)  NOT NULL,
  open_key           VARCHAR(200) CHARACTER SET ascii COLLATE ascii_bin NULL,
  subject_member_id  BINARY(16)   NULL,
  subject_org_id     BINARY(16)   NOT NULL,
  subject_org_path   VARCHAR(740) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  summary            VARCHAR(300) NOT NULL,
  basis              VARCHAR(300) NOT NULL,
  attachments        VARCHAR(800) NULL,
  payload            TEXT         NOT NULL,
  requested_by       VARCHAR(100) NOT NULL,
  requested_on       DATE         NOT NULL,
  due_on             DATE         NOT NULL,
  current_stage      INT          NOT NULL,
  current_body       VARCHAR(40)  NULL,
  current_org_id     BINARY(16)   NULL,
  decided_on         DATE         NULL,
  created_at         TIMESTAMP(6) NOT NULL,
  updated_at         TIMESTAMP(6) NOT NULL,
  version            BIGINT       NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_approval_open (open_key),
  KEY idx_approval_scope (subject_org_path, status),
  KEY idx_approval_decider (status, current_body, current_org_id),
  KEY idx_approval_member (subject_member_id, status)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The chain: one row per deciding body, in order, with its decision once made.
CREATE TABLE approval_stage (
  id                 BINARY(16)   NOT NULL,
  approval_id        BINARY(16)   NOT NULL,
  seq                INT          NOT NULL,
  body               VARCHAR(40)  NOT NULL,
  org_id             BINARY(16)   NULL,
  org_name           VARCHAR(100) NULL,
  outcome            VARCHAR(20)  NULL,
  decided_by         VARCHAR(100) NULL,
  decided_on         DATE         NULL,
  comment            VARCHAR(500) NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_approval_stage (approval_id, seq)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- What happened to a request, in order (requested, approved by a stage, returned, resubmitted…).
CREATE TABLE approval_log (
  id                 BINARY(16)   NOT NULL,
  approval_id        BINARY(16)   NOT NULL,
  at                 TIMESTAMP(6) NOT NULL,
  actor              VARCHAR(100) NOT NULL,
  action             VARCHAR(20)  NOT NULL,
  stage              INT          NOT NULL,
  comment            VARCHAR(500) NULL,
  PRIMARY KEY (id),
  KEY idx_approval_log (approval_id, at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
