-- 换届 elections (XJ 《中国共产党基层组织选举工作条例》): from the 请示 to the higher committee to the
-- new term. Each step the 党委 above decides is an approval (V12); current_approval_id names the one
-- the election waits for. open_org_id holds the org while the election is open (one open election
-- per org) and NULL once it is completed or abandoned. Candidates and the elected are member ids,
-- comma separated, in the order given.
CREATE TABLE committee_election (
  id                   BINARY(16)   NOT NULL,
  org_id               BINARY(16)   NOT NULL,
  org_path             VARCHAR(740) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  open_org_id          BINARY(16)   NULL,
  status               VARCHAR(30)  NOT NULL,
  term_due_on          DATE         NULL,
  requested_on         DATE         NOT NULL,
  planned_on           DATE         NULL,
  request_late         BOOLEAN      NOT NULL,
  seats                INT          NULL,
  candidates           VARCHAR(1200) NULL,
  current_approval_id  BINARY(16)   NULL,
  current_approval_kind VARCHAR(40) NULL,
  held_round_id        BINARY(16)   NULL,
  invalid_rule         VARCHAR(60)  NULL,
  secretary_member_id  BINARY(16)   NULL,
  deputy_member_id     BINARY(16)   NULL,
  term_id              BINARY(16)   NULL,
  created_at           TIMESTAMP(6) NOT NULL,
  updated_at           TIMESTAMP(6) NOT NULL,
  version              BIGINT       NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_committee_election_open (open_org_id),
  KEY idx_committee_election_org (org_id, created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Each vote of the 党员大会 as recorded: an invalid one stays on record next to the re-run.
-- votes: "memberId:count" pairs, comma separated; entitled is counted by the service, never sent.
CREATE TABLE committee_election_round (
  id               BINARY(16)   NOT NULL,
  election_id      BINARY(16)   NOT NULL,
  held_on          DATE         NOT NULL,
  entitled         INT          NOT NULL,
  present          INT          NOT NULL,
  ballots_cast     INT          NULL,
  valid            BOOLEAN      NOT NULL,
  invalid_rule     VARCHAR(60)  NULL,
  votes            TEXT         NOT NULL,
  elected          VARCHAR(1200) NULL,
  recorded_by      VARCHAR(100) NOT NULL,
  recorded_at      TIMESTAMP(6) NOT NULL,
  PRIMARY KEY (id),
  KEY idx_committee_election_round (election_id, recorded_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
