-- 目标清单 / 任务清单 / 责任清单 of the three-year action plan.
CREATE TABLE resp_goal (
  id           BINARY(16)    NOT NULL,
  org_id       BINARY(16)    NOT NULL,
  org_path     VARCHAR(740)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  title        VARCHAR(200)  NOT NULL,
  description  VARCHAR(2000) NULL,
  start_year   INT           NOT NULL,
  end_year     INT           NOT NULL,
  created_by   VARCHAR(100)  NOT NULL,
  created_at   TIMESTAMP(6)  NOT NULL,
  PRIMARY KEY (id),
  KEY idx_goal_scope (org_path)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE resp_task (
  id                   BINARY(16)    NOT NULL,
  goal_id              BINARY(16)    NOT NULL,
  org_id               BINARY(16)    NOT NULL,
  org_path             VARCHAR(740)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  title                VARCHAR(200)  NOT NULL,
  responsibility       VARCHAR(1000) NULL,
  owner_org_id         BINARY(16)    NULL,
  owner_member_id      BINARY(16)    NULL,
  owner_name           VARCHAR(100)  NOT NULL,
  deadline             DATE          NOT NULL,
  progress             INT           NOT NULL,
  status               VARCHAR(10)   NOT NULL,
  completed_on         DATE          NULL,
  overdue_notified_on  DATE          NULL,
  row_version          BIGINT        NOT NULL,
  created_by           VARCHAR(100)  NOT NULL,
  created_at           TIMESTAMP(6)  NOT NULL,
  PRIMARY KEY (id),
  KEY idx_task_goal (goal_id),
  KEY idx_task_due (status, deadline),
  KEY idx_task_owner (owner_org_id, deadline)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE resp_progress (
  id           BINARY(16)    NOT NULL,
  task_id      BINARY(16)    NOT NULL,
  progress     INT           NOT NULL,
  note         VARCHAR(1000) NULL,
  reported_by  VARCHAR(100)  NOT NULL,
  reported_at  TIMESTAMP(6)  NOT NULL,
  PRIMARY KEY (id),
  KEY idx_progress_task (task_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- 党建创新奖: cases with materials, reviewed, selected yearly into a searchable library.
CREATE TABLE innovation_case (
  id            BINARY(16)    NOT NULL,
  org_id        BINARY(16)    NOT NULL,
  org_path      VARCHAR(740)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  case_year     INT           NOT NULL,
  title         VARCHAR(200)  NOT NULL,
  summary       VARCHAR(1000) NOT NULL,
  content       TEXT          NOT NULL,
  status        VARCHAR(10)   NOT NULL,
  review_note   VARCHAR(1000) NULL,
  reviewed_by   VARCHAR(100)  NULL,
  award         VARCHAR(50)   NULL,
  selected_by   VARCHAR(100)  NULL,
  submitted_by  VARCHAR(100)  NOT NULL,
  submitted_at  TIMESTAMP(6)  NOT NULL,
  PRIMARY KEY (id),
  KEY idx_case_status (status, case_year),
  KEY idx_case_scope (org_path)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE innovation_material (
  id        BINARY(16)    NOT NULL,
  case_id   BINARY(16)    NOT NULL,
  kind      VARCHAR(12)   NOT NULL,
  title     VARCHAR(200)  NOT NULL,
  ref       VARCHAR(1000) NULL,
  body      TEXT          NULL,
  PRIMARY KEY (id),
  KEY idx_material_case (case_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
