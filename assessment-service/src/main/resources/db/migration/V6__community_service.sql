-- 在职党员到社区报到: each service activity a community recorded (member.community-service-recorded),
-- counted for the member's own branch — the optional COMMUNITY_SERVICE indicator source.
CREATE TABLE src_community_service (
  service_id  BINARY(16)   NOT NULL,
  member_id   BINARY(16)   NOT NULL,
  org_id      BINARY(16)   NOT NULL,
  served_on   DATE         NOT NULL,
  hours       DECIMAL(4,1) NOT NULL,
  PRIMARY KEY (service_id),
  KEY idx_src_community_org (org_id, served_on)
) ENGINE=InnoDB;
