-- Heart-to-heart talks (谈心谈话, ZB ch.5): one row per talk between two members of a branch.
-- member_low/member_high hold the pair in a fixed order so coverage is a set of pairs.
CREATE TABLE talk (
  id           BINARY(16)    NOT NULL,
  org_id       BINARY(16)    NOT NULL,
  org_path     VARCHAR(740)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  talk_year    INT           NOT NULL,
  talked_on    DATE          NOT NULL,
  member_low   BINARY(16)    NOT NULL,
  member_high  BINARY(16)    NOT NULL,
  pair_kind    VARCHAR(30)   NOT NULL,
  summary      VARCHAR(2000) NULL,
  recorded_by  VARCHAR(100)  NOT NULL,
  created_at   TIMESTAMP(6)  NOT NULL,
  PRIMARY KEY (id),
  KEY idx_talk_org_year (org_id, talk_year)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
