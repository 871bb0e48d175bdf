-- Every change to a member's sign-in account (create, role change, org follow-up after a transfer):
-- who did it, when, for which member and username, and the role before and after.
CREATE TABLE member_account_audit (
  id               BINARY(16)   NOT NULL,
  member_id        BINARY(16)   NOT NULL,
  username         VARCHAR(100) NOT NULL,
  keycloak_user_id VARCHAR(64)  NOT NULL,
  action           VARCHAR(30)  NOT NULL,
  old_role         VARCHAR(30)  NULL,
  new_role         VARCHAR(30)  NULL,
  actor            VARCHAR(100) NOT NULL,
  actor_org        BINARY(16)   NULL,
  occurred_at      TIMESTAMP(6) NOT NULL,
  PRIMARY KEY (id),
  KEY idx_account_audit_member (member_id, occurred_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
