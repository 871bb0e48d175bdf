-- Member status (DOMAIN.md §2.1): ACTIVE, SUSPENDED (停止党籍) or a terminal state.
ALTER TABLE member ADD COLUMN status VARCHAR(30) NOT NULL DEFAULT 'ACTIVE';
ALTER TABLE member ADD COLUMN status_since DATE NULL;

-- Overlay flags (流动党员, 失联, 限期改正, 留党察看, 权利中止) with their periods; cleared ones stay.
CREATE TABLE member_flag (
  id          BINARY(16)   NOT NULL,
  member_id   BINARY(16)   NOT NULL,
  flag        VARCHAR(30)  NOT NULL,
  started_on  DATE         NOT NULL,
  ends_on     DATE         NULL,
  reason      VARCHAR(200) NULL,
  cleared_on  DATE         NULL,
  created_at  TIMESTAMP(6) NOT NULL,
  PRIMARY KEY (id),
  KEY idx_flag_member (member_id, flag, cleared_on)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Every status change of a member, with who and why.
CREATE TABLE member_status_change (
  id           BINARY(16)   NOT NULL,
  member_id    BINARY(16)   NOT NULL,
  from_status  VARCHAR(30)  NOT NULL,
  to_status    VARCHAR(30)  NOT NULL,
  effective_on DATE         NOT NULL,
  reason       VARCHAR(200) NOT NULL,
  changed_by   VARCHAR(100) NOT NULL,
  changed_at   TIMESTAMP(6) NOT NULL,
  PRIMARY KEY (id),
  KEY idx_status_change_member (member_id, changed_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Organisation history: created, renamed, moved, dissolved (old and new values).
CREATE TABLE org_history (
  id          BINARY(16)   NOT NULL,
  org_id      BINARY(16)   NOT NULL,
  change_type VARCHAR(20)  NOT NULL,
  old_value   VARCHAR(800) NULL,
  new_value   VARCHAR(800) NULL,
  changed_by  VARCHAR(100) NOT NULL,
  changed_at  TIMESTAMP(6) NOT NULL,
  PRIMARY KEY (id),
  KEY idx_org_history_org (org_id, changed_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

ALTER TABLE org_unit ADD COLUMN dissolved_on DATE NULL;
-- Structural warnings last computed for the org (codes, comma separated), to publish changes only.
ALTER TABLE org_unit ADD COLUMN structure_warnings VARCHAR(300) NOT NULL DEFAULT '';
