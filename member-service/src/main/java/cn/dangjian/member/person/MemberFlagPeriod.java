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

/** One period during which a flag (流动党员, 失联, 限期改正…) applied to a member. */
@Entity
@Table(name = "member_flag")
public class MemberFlagPeriod {

  @Id private UUID id;

  @Column(name = "member_id")
  private UUID memberId;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  private MemberFlag flag;

  @Column(name = "started_on")
  private LocalDate startedOn;

  @Column(name = "ends_on")
  private LocalDate endsOn;

  private String reason;

  @Column(name = "cleared_on")
  private LocalDate clearedOn;

  @Column(name = "created_at")
  private Instant createdAt;

  protected MemberFlagPeriod() {}

  MemberFlagPeriod(
      UUID memberId,
      MemberFlag flag,
      LocalDate startedOn,
      LocalDate endsOn,
      String reason,
      Instant now) {
    this.id = UuidV7.next();
    this.memberId = memberId;
    this.flag = flag;
    this.startedOn = startedOn;
    this.endsOn = endsOn;
    this.reason = reason;
    this.createdAt = now;
  }

  void clear(LocalDate on) {
    this.clearedOn = on;
  }

  public boolean isActive() {
    return clearedOn == null;
  }

  public UUID getMemberId() {
    return memberId;
  }

  public MemberFlag getFlag() {
    return flag;
  }

  public LocalDate getStartedOn() {
    return startedOn;
  }

  public LocalDate getEndsOn() {
    return endsOn;
  }

  public String getReason() {
    return reason;
  }

  public LocalDate getClearedOn() {
    return clearedOn;
  }
}
