-- Branch committees and terms (DOMAIN.md §1.3): one CURRENT term per org, its members by role.
CREATE TABLE committee_term (
  id              BINARY(16)   NOT NULL,
  org_id          BINARY(16)   NOT NULL,
  started_on      DATE         NOT NULL,
  term_years      INT          NOT NULL,
  ends_on         DATE         NOT NULL,
  postponed_until DATE         NULL,
  approval_ref    VARCHAR(100) NULL,
  status          VARCHAR(20)  NOT NULL,
  created_at      TIMESTAMP(6) NOT NULL,
  version         BIGINT       NOT NULL,
  PRIMARY KEY (id),
  KEY idx_term_org (org_id, status),
  KEY idx_term_ends (status, ends_on)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE committee_member (
  id           BINARY(16)   NOT NULL,
  term_id      BINARY(16)   NOT NULL,
  member_id    BINARY(16)   NOT NULL,
  role         VARCHAR(30)  NOT NULL,
  appointed_on DATE         NOT NULL,
  left_on      DATE         NULL,
  left_reason  VARCHAR(200) NULL,
  PRIMARY KEY (id),
  KEY idx_committee_member_term (term_id, left_on),
  KEY idx_committee_member_member (member_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
