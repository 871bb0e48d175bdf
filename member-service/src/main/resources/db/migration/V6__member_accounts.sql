-- The Keycloak user linked to a member, so data scope in tokens follows the register.
CREATE TABLE member_account (
  member_id        BINARY(16)   NOT NULL,
  keycloak_user_id VARCHAR(64)  NOT NULL,
  username         VARCHAR(100) NOT NULL,
  role             VARCHAR(30)  NOT NULL,
  linked_at        TIMESTAMP(6) NOT NULL,
  updated_at       TIMESTAMP(6) NOT NULL,
  PRIMARY KEY (member_id),
  UNIQUE KEY uk_member_account_user (keycloak_user_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
