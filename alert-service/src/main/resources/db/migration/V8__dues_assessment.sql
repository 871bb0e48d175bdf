-- Dues assessed for a year (dues.base-assessed; 年初核定 or a re-assessment after a change of pay):
-- DUES_BASE_NOT_REASSESSED counts a branch's members paying by a declared base with no row here.
CREATE TABLE dues_assessment (
  member_id        BINARY(16) NOT NULL,
  year             INT        NOT NULL,
  effective_month  VARCHAR(7) NOT NULL,
  PRIMARY KEY (member_id, year)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
