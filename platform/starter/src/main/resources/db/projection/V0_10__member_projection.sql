-- The org tree and members as learned from member.events (never from member_db). A service that
-- sets dangjian.projection.enabled=true adds classpath:db/projection to its Flyway locations.
-- Ids are BINARY(16) like everywhere; paths are member-service's materialised paths /rootId/…/id/.
CREATE TABLE proj_org (
  org_id      BINARY(16)   NOT NULL,
  parent_id   BINARY(16)   NULL,
  name        VARCHAR(100) NOT NULL,
  org_type    VARCHAR(30)  NOT NULL,
  path        VARCHAR(740) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  depth       INT          NOT NULL,
  dissolved   BOOLEAN      NOT NULL DEFAULT FALSE,
  updated_at  TIMESTAMP(6) NOT NULL,
  PRIMARY KEY (org_id),
  KEY idx_proj_org_path (path),
  KEY idx_proj_org_parent (parent_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE proj_member (
  member_id         BINARY(16)   NOT NULL,
  org_id            BINARY(16)   NOT NULL,
  org_path          VARCHAR(740) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  stage             VARCHAR(30)  NOT NULL,
  status            VARCHAR(30)  NOT NULL,
  dues_category     VARCHAR(30)  NULL,
  join_date         DATE         NULL,
  full_member_date  DATE         NULL,
  flags             VARCHAR(200) NOT NULL DEFAULT '',
  status_since      DATE         NULL,
  org_since         DATE         NULL,
  updated_at        TIMESTAMP(6) NOT NULL,
  PRIMARY KEY (member_id),
  KEY idx_proj_member_scope (org_path, status, stage),
  KEY idx_proj_member_org (org_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
