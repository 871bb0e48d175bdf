-- Who sits on each committee (committee.changed memberIds, secretary included; replaced on each
-- change) and since when the sitting secretary holds the post (secretarySince).
CREATE TABLE committee_member (
  org_id     BINARY(16) NOT NULL,
  member_id  BINARY(16) NOT NULL,
  PRIMARY KEY (org_id, member_id),
  KEY idx_committee_member (member_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
ALTER TABLE org_state ADD COLUMN secretary_since DATE NULL;

-- 谈心谈话 recorded (orglife.talk-recorded): the pair, unordered (member_lo < member_hi), and the day.
CREATE TABLE talk_pair (
  talk_id    BINARY(16)  NOT NULL,
  org_id     BINARY(16)  NOT NULL,
  member_lo  BINARY(16)  NOT NULL,
  member_hi  BINARY(16)  NOT NULL,
  pair_kind  VARCHAR(30) NOT NULL,
  talked_on  DATE        NOT NULL,
  PRIMARY KEY (talk_id),
  KEY idx_talk_pair_org (org_id, talked_on)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- 民主评议 grades recorded (orglife.appraisal-graded): a graded year shows the appraisal was held.
CREATE TABLE appraisal_graded (
  appraisal_id BINARY(16)  NOT NULL,
  org_id       BINARY(16)  NOT NULL,
  member_id    BINARY(16)  NOT NULL,
  year         INT         NOT NULL,
  grade        VARCHAR(30) NOT NULL,
  PRIMARY KEY (appraisal_id),
  KEY idx_appraisal_org_year (org_id, year)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The latest concentrated training or rotation (集中培训/集中轮训) credited to a member, for the
-- secretaries' rotation and new-secretary training rules (orglife.training-credited kind).
CREATE TABLE training_kind (
  member_id         BINARY(16)   NOT NULL,
  last_formal_on    DATE         NULL,
  last_rotation_on  DATE         NULL,
  updated_at        TIMESTAMP(6) NOT NULL,
  PRIMARY KEY (member_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
