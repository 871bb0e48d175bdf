-- The development pipeline (DOMAIN.md §2.2): each recorded step of the 25, with its date, actor,
-- the people involved (contacts, introducers), training hours and branch-meeting votes.
CREATE TABLE development_step (
  id              BINARY(16)   NOT NULL,
  member_id       BINARY(16)   NOT NULL,
  step            VARCHAR(40)  NOT NULL,
  done_on         DATE         NOT NULL,
  recorded_by     VARCHAR(100) NOT NULL,
  note            VARCHAR(500) NULL,
  people          VARCHAR(200) NULL,
  training_hours  INT          NULL,
  decision        VARCHAR(20)  NULL,
  extended_until  DATE         NULL,
  vote_entitled   INT          NULL,
  vote_present    INT          NULL,
  vote_approve    INT          NULL,
  vote_oppose     INT          NULL,
  vote_abstain    INT          NULL,
  vote_written    INT          NULL,
  recorded_at     TIMESTAMP(6) NOT NULL,
  PRIMARY KEY (id),
  KEY idx_development_member (member_id, done_on)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
