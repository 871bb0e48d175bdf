-- Approval requests waiting on a deciding body (member.approval-changed): the overdue-approval rule
-- raises one alert per overdue request on the org that must decide it (the subject's org when the
-- body is the county 组织部 or a 纪委).
CREATE TABLE approval_watch (
  approval_id   BINARY(16)   NOT NULL,
  org_id        BINARY(16)   NOT NULL,
  kind          VARCHAR(40)  NOT NULL,
  deciding_body VARCHAR(40)  NOT NULL,
  summary       VARCHAR(300) NOT NULL,
  requested_on  DATE         NOT NULL,
  due_on        DATE         NOT NULL,
  pending       BOOLEAN      NOT NULL,
  PRIMARY KEY (approval_id),
  KEY idx_approval_watch_org (org_id, pending)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
