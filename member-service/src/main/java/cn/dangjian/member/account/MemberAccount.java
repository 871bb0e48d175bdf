package cn.dangjian.member.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The Keycloak user a member signs in as, and the role granted to it here. */
@Entity
@Table(name = "member_account")
public class MemberAccount {

  @Id
  @Column(name = "member_id")
  private UUID memberId;

  @Column(name = "keycloak_user_id")
  private String keycloakUserId;

  private String username;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  private AccountRole role;

  @Column(name = "linked_at")
  private Instant linkedAt;

  @Column(name = "updated_at")
  private Instant updatedAt;

  protected MemberAccount() {}

  MemberAccount(
      UUID memberId, String keycloakUserId, String username, AccountRole role, Instant now) {
    this.memberId = memberId;
    this.keycloakUserId = keycloakUserId;
    this.username = username;
    this.role = role;
    this.linkedAt = now;
    this.updatedAt = now;
  }

  void relink(String keycloakUserId, String username, AccountRole role, Instant now) {
    this.keycloakUserId = keycloakUserId;
    this.username = username;
    this.role = role;
    this.updatedAt = now;
  }

  void touch(Instant now) {
    this.updatedAt = now;
  }

  public UUID getMemberId() {
    return memberId;
  }

  public String getKeycloakUserId() {
    return keycloakUserId;
  }

  public String getUsername() {
    return username;
  }

  public AccountRole getRole() {
    return role;
  }
}
