package cn.dangjian.member.committee;

import cn.dangjian.platform.persistence.UuidV7;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A member's seat in a committee term, with the role and the dates held. */
@Entity
@Table(name = "committee_member")
public class CommitteeSeat {

  @Id private UUID id;

  @Column(name = "term_id")
  private UUID termId;

  @Column(name = "member_id")
  private UUID memberId;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  private CommitteeRole role;

  @Column(name = "appointed_on")
  private LocalDate appointedOn;

  @Column(name = "left_on")
  private LocalDate leftOn;

  @Column(name = "left_reason")
  private String leftReason;

  protected CommitteeSeat() {}

  CommitteeSeat(UUID termId, UUID memberId, CommitteeRole role, LocalDate appointedOn) {
    this.id = UuidV7.next();
    this.termId = termId;
    this.memberId = memberId;
    this.role = role;
    this.appointedOn = appointedOn;
  }

  void leave(LocalDate on, String reason) {
    this.leftOn = on;
    this.leftReason = reason;
  }

  public boolean isHeld() {
    return leftOn == null;
  }

  public UUID getMemberId() {
    return memberId;
  }

  public CommitteeRole getRole() {
    return role;
  }

  public LocalDate getAppointedOn() {
    return appointedOn;
  }

  public LocalDate getLeftOn() {
    return leftOn;
  }
}
