-- Training hours (学时, DOMAIN.md §5). One row per member per credited source: a 党课 meeting, a
-- concentrated training or rotation course, or a micro-lesson (微党课). Hours are tenths (exact).
CREATE TABLE training_record (
  id               BINARY(16)   NOT NULL,
  member_id        BINARY(16)   NOT NULL,
  org_id           BINARY(16)   NOT NULL,
  org_path         VARCHAR(740) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  credit_year      INT          NOT NULL,
  kind             VARCHAR(20)  NOT NULL,
  source_id        BINARY(16)   NOT NULL,
  credited_on      DATE         NOT NULL,
  hours_tenths     INT          NOT NULL,
  credited_tenths  INT          NOT NULL,
  created_by       VARCHAR(100) NOT NULL,
  created_at       TIMESTAMP(6) NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_training_source (member_id, kind, source_id),
  KEY idx_training_member_year (member_id, credit_year, kind),
  KEY idx_training_scope (org_path, credit_year)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Concentrated training and secretaries' rotation training (集中培训、书记轮训).
CREATE TABLE training_course (
  id            BINARY(16)   NOT NULL,
  org_id        BINARY(16)   NOT NULL,
  org_path      VARCHAR(740) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  kind          VARCHAR(20)  NOT NULL,
  title         VARCHAR(200) NOT NULL,
  provider      VARCHAR(200) NULL,
  start_on      DATE         NOT NULL,
  end_on        DATE         NOT NULL,
  hours_tenths  INT          NOT NULL,
  created_by    VARCHAR(100) NOT NULL,
  created_at    TIMESTAMP(6) NOT NULL,
  PRIMARY KEY (id),
  KEY idx_course_scope (org_path, start_on)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The micro-lesson catalogue (微党课): published by an org for its whole subtree.
CREATE TABLE micro_lesson (
  id                BINARY(16)   NOT NULL,
  org_id            BINARY(16)   NOT NULL,
  org_path          VARCHAR(740) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  title             VARCHAR(200) NOT NULL,
  summary           VARCHAR(1000) NULL,
  duration_minutes  INT          NOT NULL,
  hours_tenths      INT          NOT NULL,
  active            BOOLEAN      NOT NULL,
  created_by        VARCHAR(100) NOT NULL,
  created_at        TIMESTAMP(6) NOT NULL,
  PRIMARY KEY (id),
  KEY idx_lesson_scope (org_path)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Study records of micro-lessons, credited or not (the daily cap, a lesson studied before).
CREATE TABLE lesson_study (
  id               BINARY(16)   NOT NULL,
  lesson_id        BINARY(16)   NOT NULL,
  member_id        BINARY(16)   NOT NULL,
  studied_on       DATE         NOT NULL,
  minutes_watched  INT          NOT NULL,
  credited_tenths  INT          NOT NULL,
  outcome          VARCHAR(30)  NOT NULL,
  created_at       TIMESTAMP(6) NOT NULL,
  PRIMARY KEY (id),
  KEY idx_study_member_day (member_id, studied_on)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Secretaries as member-service announces them (committee.changed): who needs 56 hours and a
-- rotation. Kept by this service's MemberEventsHook, never written by hand.
CREATE TABLE org_secretary (
  org_id              BINARY(16)   NOT NULL,
  secretary_member_id BINARY(16)   NULL,
  seats               INT          NOT NULL,
  updated_at          TIMESTAMP(6) NOT NULL,
  PRIMARY KEY (org_id),
  KEY idx_secretary_member (secretary_member_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
