package cn.dangjian.member.account;

import cn.dangjian.platform.persistence.UuidV7;
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

/**
 * One change to a member's sign-in account: who, when, which member and user, role before/after.
 */
@Entity
@Table(name = "member_account_audit")
public class MemberAccountAudit {

  /** What happened to the account. */
  public enum Action {
    CREATED,
    ROLE_CHANGED,
    ORG_FOLLOWED_TRANSFER
  }

  @Id private UUID id;

  @Column(name = "member_id")
  private UUID memberId;

  private String username;

  @Column(name = "keycloak_user_id")
  private String keycloakUserId;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  private Action action;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(name = "old_role")
  private AccountRole oldRole;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(name = "new_role")
  private AccountRole newRole;

  private String actor;

  @Column(name = "actor_org")
  private UUID actorOrg;

  @Column(name = "occurred_at")
  private Instant occurredAt;

  protected MemberAccountAudit() {}

  MemberAccountAudit(
      UUID memberId,
      String username,
      String keycloakUserId,
      Action action,
      AccountRole oldRole,
      AccountRole newRole,
      String actor,
      UUID actorOrg,
      Instant occurredAt) {
    this.id = UuidV7.next();
    this.memberId = memberId;
    this.username = username;
    this.keycloakUserId = keycloakUserId;
    this.action = action;
    this.oldRole = oldRole;
    this.newRole = newRole;
    this.actor = actor;
    this.actorOrg = actorOrg;
    this.occurredAt = occurredAt;
  }

  public UUID getMemberId() {
    return memberId;
  }

  public String getUsername() {
    return username;
  }

  public Action getAction() {
    return action;
  }

  public AccountRole getOldRole() {
    return oldRole;
  }

  public AccountRole getNewRole() {
    return newRole;
  }

  public String getActor() {
    return actor;
  }

  public Instant getOccurredAt() {
    return occurredAt;
  }
}
