-- 党内统计 read model (issue 23). Fed only by events from the topics (member.events and the other
-- services' topics), never by reading member-service's own tables, so it can be rebuilt by replay
-- and could move to its own service unchanged.

-- Figures: one row per (org, dimension, value, month) holding the change in that month. A member
-- or org counts at every org on its path (rolled up), so any subtree's figure is one indexed range
-- read: stocks as of a month-end sum the months up to it, flows sum the months of a period.
CREATE TABLE stat_cell (
  org_id  BINARY(16)  NOT NULL,
  dim     VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  val     VARCHAR(60) NOT NULL,
  month   INT         NOT NULL,
  delta   BIGINT      NOT NULL,
  PRIMARY KEY (org_id, dim, val, month)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- The records behind a stock: each member's statistical state over time (valid_to exclusive).
CREATE TABLE stat_member_period (
  member_id     BINARY(16)   NOT NULL,
  valid_from    DATE         NOT NULL,
  valid_to      DATE         NULL,
  org_id        BINARY(16)   NOT NULL,
  org_path      VARCHAR(740) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  stage         VARCHAR(24)  NOT NULL,
  status        VARCHAR(24)  NOT NULL,
  gender        VARCHAR(12)  NOT NULL,
  ethnicity     VARCHAR(20)  NULL,
  birth_month   CHAR(7)      NULL,
  education     VARCHAR(24)  NOT NULL,
  occupation    VARCHAR(24)  NOT NULL,
  full_since    CHAR(7)      NULL,
  mobile        BOOLEAN      NOT NULL,
  lost_contact  BOOLEAN      NOT NULL,
  PRIMARY KEY (member_id, valid_from),
  KEY idx_stat_member_path (org_path, valid_from),
  KEY idx_stat_member_open (member_id, valid_to)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The records behind an org figure.
CREATE TABLE stat_org_period (
  org_id         BINARY(16)   NOT NULL,
  valid_from     DATE         NOT NULL,
  valid_to       DATE         NULL,
  path           VARCHAR(740) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  depth          INT          NOT NULL,
  name           VARCHAR(200) NOT NULL,
  org_type       VARCHAR(24)  NOT NULL,
  unit_type      VARCHAR(32)  NOT NULL,
  affiliation    VARCHAR(24)  NOT NULL,
  has_committee  BOOLEAN      NOT NULL,
  term_due       CHAR(7)      NULL,
  dissolved      BOOLEAN      NOT NULL,
  PRIMARY KEY (org_id, valid_from),
  KEY idx_stat_org_path (path, valid_from),
  KEY idx_stat_org_open (org_id, valid_to)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The records behind a flow (developed, converted, transferred, left).
CREATE TABLE stat_flow (
  id          BINARY(16)   NOT NULL,
  member_id   BINARY(16)   NOT NULL,
  kind        VARCHAR(24)  NOT NULL,
  val         VARCHAR(40)  NOT NULL,
  happened_on DATE         NOT NULL,
  from_path   VARCHAR(740) CHARACTER SET ascii COLLATE ascii_bin NULL,
  to_path     VARCHAR(740) CHARACTER SET ascii COLLATE ascii_bin NULL,
  female      BOOLEAN      NOT NULL,
  under35     BOOLEAN      NOT NULL,
  front_line  BOOLEAN      NOT NULL,
  PRIMARY KEY (id),
  KEY idx_stat_flow_kind (kind, happened_on)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Activity facts counted once: a meeting, a branch's month with a meeting of a type, an alert
-- raised and closed, a cycle's published grade (the latest publication replaces the earlier).
CREATE TABLE stat_seen (
  seen_key  VARCHAR(120) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  val       VARCHAR(60)  NULL,
  PRIMARY KEY (seen_key)
) ENGINE=InnoDB;

-- The weakest branches for the overview: open alerts and the latest assessment grade per org.
CREATE TABLE stat_branch (
  org_id       BINARY(16)   NOT NULL,
  path         VARCHAR(740) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  open_alerts  INT          NOT NULL,
  grade        VARCHAR(16)  NULL,
  PRIMARY KEY (org_id),
  KEY idx_stat_branch_alerts (open_alerts, path)
) ENGINE=InnoDB;

-- Replay bookkeeping: how many events the read model applied and when the last rebuild ran.
CREATE TABLE stat_status (
  id               TINYINT      NOT NULL,
  events_applied   BIGINT       NOT NULL,
  last_event_at    TIMESTAMP(6) NULL,
  rebuild_started  TIMESTAMP(6) NULL,
  PRIMARY KEY (id)
) ENGINE=InnoDB;
INSERT INTO stat_status (id, events_applied) VALUES (1, 0);
