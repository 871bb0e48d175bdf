-- Democratic appraisal of members (民主评议党员, DOMAIN.md §4.2): one grade per member and year.
CREATE TABLE appraisal (
  id            BINARY(16)   NOT NULL,
  member_id     BINARY(16)   NOT NULL,
  appraisal_year INT         NOT NULL,
  org_id        BINARY(16)   NOT NULL,
  org_path      VARCHAR(740) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  grade         VARCHAR(30)  NOT NULL,
  meeting_id    BINARY(16)   NULL,
  graded_by     VARCHAR(100) NOT NULL,
  graded_at     TIMESTAMP(6) NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_appraisal (member_id, appraisal_year),
  KEY idx_appraisal_org (org_id, appraisal_year)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
