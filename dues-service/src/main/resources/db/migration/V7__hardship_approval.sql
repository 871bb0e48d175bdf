-- 困难党员减交/免交 (DF Art 7) is decided by the 基层党委 through member-service's approval (kind
-- DUES_HARDSHIP) and applied here when member.approval-changed says APPROVED: the profile names the
-- approval it carries, and each approval is applied (or refused, when the rules no longer hold) once,
-- whatever is replayed later.
ALTER TABLE dues_profile ADD COLUMN hardship_approval_id BINARY(16) NULL;

CREATE TABLE dues_hardship_approval (
  approval_id  BINARY(16)   NOT NULL,
  member_id    BINARY(16)   NOT NULL,
  profile_id   BINARY(16)   NULL,
  outcome      VARCHAR(10)  NOT NULL,
  rule         VARCHAR(80)  NULL,
  at           TIMESTAMP(6) NOT NULL,
  PRIMARY KEY (approval_id),
  KEY idx_hardship_approval_member (member_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
