-- Meetings of every kind (三会一课, 主题党日, 组织生活会, 民主评议党员) and their records.
-- org_path is the org's materialised path (/rootId/.../orgId/) copied from the projection so that
-- every data-scope filter is one indexed prefix range; parent_path finds sibling branches.
CREATE TABLE meeting (
  id                  BINARY(16)    NOT NULL,
  org_id              BINARY(16)    NOT NULL,
  org_path            VARCHAR(740)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  parent_path         VARCHAR(740)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  org_type            VARCHAR(30)   NOT NULL,
  meeting_type        VARCHAR(40)   NOT NULL,
  status              VARCHAR(20)   NOT NULL,
  title               VARCHAR(200)  NOT NULL,
  starts_at           DATETIME(0)   NOT NULL,
  ends_at             DATETIME(0)   NOT NULL,
  held_on             DATE          NOT NULL,
  place               VARCHAR(200)  NULL,
  notice              VARCHAR(1000) NULL,
  agenda              TEXT          NULL,
  minutes             MEDIUMTEXT    NULL,
  theme               VARCHAR(200)  NULL,
  lecturer            VARCHAR(100)  NULL,
  topic               VARCHAR(200)  NULL,
  host_member_id      BINARY(16)    NULL,
  recorder_member_id  BINARY(16)    NULL,
  expected_count      INT           NOT NULL,
  actual_count        INT           NOT NULL DEFAULT 0,
  voting_entitled     INT           NOT NULL DEFAULT 0,
  training_tenths     INT           NOT NULL DEFAULT 0,
  record_version      INT           NOT NULL DEFAULT 0,
  minhash             VARBINARY(512) NULL,
  planned_by          VARCHAR(100)  NOT NULL,
  recorded_by         VARCHAR(100)  NULL,
  first_recorded_at   TIMESTAMP(6)  NULL DEFAULT NULL,
  submitted_by        VARCHAR(100)  NULL,
  submitted_at        TIMESTAMP(6)  NULL DEFAULT NULL,
  reviewed_by         VARCHAR(100)  NULL,
  reviewed_at         TIMESTAMP(6)  NULL DEFAULT NULL,
  review_comment      VARCHAR(500)  NULL,
  counted_month       INT           NULL,
  created_at          TIMESTAMP(6)  NOT NULL,
  updated_at          TIMESTAMP(6)  NOT NULL,
  version             BIGINT        NOT NULL,
  PRIMARY KEY (id),
  KEY idx_meeting_scope (org_path, held_on),
  KEY idx_meeting_org (org_id, meeting_type, held_on),
  KEY idx_meeting_siblings (parent_path, held_on),
  KEY idx_meeting_time (starts_at, ends_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Who was expected, who came, who was absent and why. One row per person per meeting.
CREATE TABLE meeting_attendance (
  id               BINARY(16)   NOT NULL,
  meeting_id       BINARY(16)   NOT NULL,
  member_id        BINARY(16)   NOT NULL,
  expected         BOOLEAN      NOT NULL,
  can_vote         BOOLEAN      NOT NULL,
  present          BOOLEAN      NULL,
  absence_reason   VARCHAR(30)  NULL,
  excluded_from_base BOOLEAN    NOT NULL DEFAULT FALSE,
  note             VARCHAR(200) NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_attendance (meeting_id, member_id),
  KEY idx_attendance_member (member_id, present)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Resolutions with their vote counts (赞成/反对/弃权), checked by MeetingVote.
CREATE TABLE meeting_resolution (
  id          BINARY(16)    NOT NULL,
  meeting_id  BINARY(16)    NOT NULL,
  seq         INT           NOT NULL,
  title       VARCHAR(200)  NOT NULL,
  decision    VARCHAR(2000) NULL,
  entitled    INT           NOT NULL,
  excluded    INT           NOT NULL,
  present     INT           NOT NULL,
  approve     INT           NOT NULL,
  oppose      INT           NOT NULL,
  abstain     INT           NOT NULL,
  PRIMARY KEY (id),
  KEY idx_resolution_meeting (meeting_id, seq)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Corrections after approval: the record as it was, who changed it and why (audit).
CREATE TABLE meeting_revision (
  id              BINARY(16)   NOT NULL,
  meeting_id      BINARY(16)   NOT NULL,
  record_version  INT          NOT NULL,
  snapshot        MEDIUMTEXT   NOT NULL,
  reason          VARCHAR(500) NOT NULL,
  changed_by      VARCHAR(100) NOT NULL,
  changed_at      TIMESTAMP(6) NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_revision (meeting_id, record_version)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Anti-formalism flags raised on submit, with their evidence. They never block a record.
CREATE TABLE meeting_flag (
  id                  BINARY(16)    NOT NULL,
  meeting_id          BINARY(16)    NOT NULL,
  record_version      INT           NOT NULL,
  kind                VARCHAR(40)   NOT NULL,
  related_meeting_id  BINARY(16)    NULL,
  similarity          DOUBLE        NULL,
  evidence            VARCHAR(2000) NOT NULL,
  raised_at           TIMESTAMP(6)  NOT NULL,
  PRIMARY KEY (id),
  KEY idx_flag_meeting (meeting_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Approved meetings per (org, type, month), maintained in the approving transaction, so that a
-- county's yearly compliance is one range scan of small rows. period_month is yyyymm.
CREATE TABLE compliance_count (
  org_id        BINARY(16)   NOT NULL,
  meeting_type  VARCHAR(40)  NOT NULL,
  period_month  INT          NOT NULL,
  org_path      VARCHAR(740) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  held          INT          NOT NULL,
  PRIMARY KEY (org_id, meeting_type, period_month),
  KEY idx_compliance_scope (org_path, period_month, meeting_type, held)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Frequency requirements per org type and meeting type (DOMAIN.md §4.1 defaults, configurable).
CREATE TABLE frequency_requirement (
  org_type      VARCHAR(30)  NOT NULL,
  meeting_type  VARCHAR(40)  NOT NULL,
  period_unit   VARCHAR(10)  NOT NULL,
  min_count     INT          NOT NULL,
  enabled       BOOLEAN      NOT NULL,
  basis         VARCHAR(100) NOT NULL,
  updated_by    VARCHAR(100) NOT NULL,
  updated_at    TIMESTAMP(6) NOT NULL,
  version       BIGINT       NOT NULL,
  PRIMARY KEY (org_type, meeting_type)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO frequency_requirement VALUES
 ('BRANCH','BRANCH_GENERAL_MEETING','QUARTER',1,TRUE,'ZB Art 11','system',CURRENT_TIMESTAMP(6),0),
 ('BRANCH','COMMITTEE_MEETING','MONTH',1,TRUE,'ZB Art 12','system',CURRENT_TIMESTAMP(6),0),
 ('BRANCH','PARTY_LECTURE','YEAR',1,TRUE,'ZB Art 16','system',CURRENT_TIMESTAMP(6),0),
 ('BRANCH','THEMED_PARTY_DAY','MONTH',1,TRUE,'ZB Art 16','system',CURRENT_TIMESTAMP(6),0),
 ('BRANCH','ORG_LIFE_MEETING','YEAR',1,TRUE,'ZB Art 17','system',CURRENT_TIMESTAMP(6),0),
 ('BRANCH','DEMOCRATIC_APPRAISAL','YEAR',1,TRUE,'ZB Arts 18-19','system',CURRENT_TIMESTAMP(6),0),
 ('JOINT_BRANCH','BRANCH_GENERAL_MEETING','QUARTER',1,TRUE,'ZB Art 11','system',CURRENT_TIMESTAMP(6),0),
 ('JOINT_BRANCH','COMMITTEE_MEETING','MONTH',1,TRUE,'ZB Art 12','system',CURRENT_TIMESTAMP(6),0),
 ('JOINT_BRANCH','PARTY_LECTURE','YEAR',1,TRUE,'ZB Art 16','system',CURRENT_TIMESTAMP(6),0),
 ('JOINT_BRANCH','THEMED_PARTY_DAY','MONTH',1,TRUE,'ZB Art 16','system',CURRENT_TIMESTAMP(6),0),
 ('JOINT_BRANCH','ORG_LIFE_MEETING','YEAR',1,TRUE,'ZB Art 17','system',CURRENT_TIMESTAMP(6),0),
 ('JOINT_BRANCH','DEMOCRATIC_APPRAISAL','YEAR',1,TRUE,'ZB Arts 18-19','system',CURRENT_TIMESTAMP(6),0),
 ('PARTY_GROUP','GROUP_MEETING','MONTH',1,TRUE,'ZB Art 13','system',CURRENT_TIMESTAMP(6),0);

-- Meeting attachments (photos, sign-in sheets, slides): metadata here, bytes in the storage.
CREATE TABLE attachment (
  id            BINARY(16)   NOT NULL,
  meeting_id    BINARY(16)   NOT NULL,
  file_name     VARCHAR(200) NOT NULL,
  content_type  VARCHAR(120) NOT NULL,
  size_bytes    BIGINT       NOT NULL,
  sha256        CHAR(64)     NOT NULL,
  storage_key   VARCHAR(200) NOT NULL,
  uploaded_by   VARCHAR(100) NOT NULL,
  uploaded_at   TIMESTAMP(6) NOT NULL,
  PRIMARY KEY (id),
  KEY idx_attachment_meeting (meeting_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
