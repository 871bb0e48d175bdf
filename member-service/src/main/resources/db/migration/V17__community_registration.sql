-- 在职党员到社区报到 (双报到): a serving member registers with the community 党组织 where they live
-- (possibly in another subtree) and takes part in its service activities. Both paths are kept so
-- the member's branch and the community see the registration in scope.
CREATE TABLE community_registration (
  id                  BINARY(16)   NOT NULL,
  member_id           BINARY(16)   NOT NULL,
  member_org_id       BINARY(16)   NOT NULL,
  member_org_path     VARCHAR(740) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  community_org_id    BINARY(16)   NOT NULL,
  community_org_path  VARCHAR(740) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  registered_on       DATE         NOT NULL,
  ended_on            DATE         NULL,
  status              VARCHAR(20)  NOT NULL,
  -- one ACTIVE registration per member: the member id while ACTIVE, NULL afterwards
  open_key            BINARY(16)   NULL,
  created_at          TIMESTAMP(6) NOT NULL,
  updated_at          TIMESTAMP(6) NOT NULL,
  version             BIGINT       NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_community_open (open_key),
  KEY idx_community_member_org (member_org_path, status),
  KEY idx_community_org (community_org_path, status)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE community_service (
  id               BINARY(16)    NOT NULL,
  registration_id  BINARY(16)    NOT NULL,
  served_on        DATE          NOT NULL,
  hours            DECIMAL(4,1)  NOT NULL,
  activity         VARCHAR(200)  NOT NULL,
  recorded_by      VARCHAR(100)  NOT NULL,
  created_at       TIMESTAMP(6)  NOT NULL,
  PRIMARY KEY (id),
  KEY idx_community_service (registration_id, served_on)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
