package cn.dangjian.member.approval;

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

/** One deciding body in a request's chain and, once made, its decision. */
@Entity
@Table(name = "approval_stage")
public class ApprovalStage {

  @Id private UUID id;

  private int seq;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  private DecidingBody body;

  /** The 党委 whose officers decide; null for the county 组织部 and the 纪委. */
  @Column(name = "org_id")
  private UUID orgId;

  @Column(name = "org_name")
  private String orgName;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  private Outcome outcome;

  @Column(name = "decided_by")
  private String decidedBy;

  @Column(name = "decided_on")
  private LocalDate decidedOn;

  private String comment;

  protected ApprovalStage() {}

  ApprovalStage(int seq, DecidingBody body, UUID orgId, String orgName) {
    this.id = UuidV7.next();
    this.seq = seq;
    this.body = body;
    this.orgId = orgId;
    this.orgName = orgName;
  }

  void decide(Outcome outcome, String by, LocalDate on, String comment) {
    this.outcome = outcome;
    this.decidedBy = by;
    this.decidedOn = on;
    this.comment = comment;
  }

  void reopen() {
    this.outcome = null;
    this.decidedBy = null;
    this.decidedOn = null;
  }

  public int getSeq() {
    return seq;
  }

  public DecidingBody getBody() {
    return body;
  }

  public UUID getOrgId() {
    return orgId;
  }

  public String getOrgName() {
    return orgName;
  }

  public Outcome getOutcome() {
    return outcome;
  }

  public String getDecidedBy() {
    return decidedBy;
  }

  public LocalDate getDecidedOn() {
    return decidedOn;
  }

  public String getComment() {
    return comment;
  }
}
