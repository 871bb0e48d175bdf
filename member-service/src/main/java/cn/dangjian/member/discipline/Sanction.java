package cn.dangjian.member.discipline;

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

/** A 党纪处分 in the record, written when the 基层党委 approves the 支部大会's decision. */
@Entity
@Table(name = "sanction")
class Sanction {

  @Id private UUID id;

  @Column(name = "member_id")
  private UUID memberId;

  @Column(name = "org_id")
  private UUID orgId;

  @Column(name = "org_path")
  private String orgPath;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  private SanctionKind kind;

  private String issue;
  private String reason;

  @Column(name = "decided_on")
  private LocalDate decidedOn;

  @Column(name = "probation_ends_on")
  private LocalDate probationEndsOn;

  @Column(name = "window_ends_on")
  private LocalDate windowEndsOn;

  @Column(name = "approval_id")
  private UUID approvalId;

  @Column(name = "created_at")
  private Instant createdAt;

  protected Sanction() {}

  Sanction(
      UUID memberId,
      UUID orgId,
      String orgPath,
      SanctionKind kind,
      String issue,
      String reason,
      LocalDate decidedOn,
      DisciplineRules.Window window,
      UUID approvalId,
      Instant now) {
    this.id = UuidV7.next();
    this.memberId = memberId;
    this.orgId = orgId;
    this.orgPath = orgPath;
    this.kind = kind;
    this.issue = issue;
    this.reason = reason;
    this.decidedOn = decidedOn;
    this.probationEndsOn = window.probationEndsOn();
    this.windowEndsOn = window.windowEndsOn();
    this.approvalId = approvalId;
    this.createdAt = now;
  }

  DisciplineRules.SanctionWindow window() {
    return new DisciplineRules.SanctionWindow(kind, decidedOn, windowEndsOn);
  }

  UUID getId() {
    return id;
  }

  UUID getMemberId() {
    return memberId;
  }

  UUID getOrgId() {
    return orgId;
  }

  String getOrgPath() {
    return orgPath;
  }

  SanctionKind getKind() {
    return kind;
  }

  String getIssue() {
    return issue;
  }

  String getReason() {
    return reason;
  }

  LocalDate getDecidedOn() {
    return decidedOn;
  }

  LocalDate getProbationEndsOn() {
    return probationEndsOn;
  }

  LocalDate getWindowEndsOn() {
    return windowEndsOn;
  }

  UUID getApprovalId() {
    return approvalId;
  }
}
