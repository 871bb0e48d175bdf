package cn.dangjian.member.person;

import cn.dangjian.platform.persistence.UuidV7;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** History: one change of a member's status, who made it and why. */
@Entity
@Table(name = "member_status_change")
public class MemberStatusChange {

  @Id private UUID id;

  @Column(name = "member_id")
  private UUID memberId;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(name = "from_status")
  private MemberStatus fromStatus;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(name = "to_status")
  private MemberStatus toStatus;

  @Column(name = "effective_on")
  private LocalDate effectiveOn;

  private String reason;

  @Column(name = "changed_by")
  private String changedBy;

  @Column(name = "changed_at")
  private Instant changedAt;

  protected MemberStatusChange() {}

  MemberStatusChange(
      UUID memberId,
      MemberStatus from,
      MemberStatus to,
      LocalDate effectiveOn,
      String reason,
      String changedBy,
      Instant changedAt) {
    this.id = UuidV7.next();
    this.memberId = memberId;
    this.fromStatus = from;
    this.toStatus = to;
    this.effectiveOn = effectiveOn;
    this.reason = reason;
    this.changedBy = changedBy;
    this.changedAt = changedAt;
  }

  public MemberStatus getFromStatus() {
    return fromStatus;
  }

  public MemberStatus getToStatus() {
    return toStatus;
  }

  public LocalDate getEffectiveOn() {
    return effectiveOn;
  }

  public String getReason() {
    return reason;
  }

  public String getChangedBy() {
    return changedBy;
  }

  public Instant getChangedAt() {
    return changedAt;
  }
}
