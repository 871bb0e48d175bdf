-- The committee as member-service reported it over time (committee.changed): from valid_from on,
-- these seats and members. A 支委会's quorum counts the seats held on the meeting date; member_ids
-- (comma-separated) is null for events published before the field existed.
CREATE TABLE committee_history (
  org_id      BINARY(16)   NOT NULL,
  valid_from  DATE         NOT NULL,
  seats       INT          NOT NULL,
  member_ids  TEXT         NULL,
  updated_at  TIMESTAMP(6) NOT NULL,
  PRIMARY KEY (org_id, valid_from)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
