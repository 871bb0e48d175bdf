package cn.dangjian.member.privacy;

import cn.dangjian.platform.persistence.UuidV7;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Audit record of one unmasked read of a member's personal data. */
@Entity
@Table(name = "personal_data_access")
public class PersonalDataAccess {

  @Id private UUID id;

  @Column(name = "member_id")
  private UUID memberId;

  private String accessor;

  @Column(name = "accessor_org")
  private UUID accessorOrg;

  private String reason;

  @Column(name = "accessed_at")
  private Instant accessedAt;

  protected PersonalDataAccess() {}

  public PersonalDataAccess(
      UUID memberId, String accessor, UUID accessorOrg, String reason, Instant accessedAt) {
    this.id = UuidV7.next();
    this.memberId = memberId;
    this.accessor = accessor;
    this.accessorOrg = accessorOrg;
    this.reason = reason;
    this.accessedAt = accessedAt;
  }

  public UUID getMemberId() {
    return memberId;
  }

  public String getAccessor() {
    return accessor;
  }

  public String getReason() {
    return reason;
  }

  public Instant getAccessedAt() {
    return accessedAt;
  }
}
