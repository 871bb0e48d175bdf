package cn.dangjian.member.committee;

import cn.dangjian.platform.persistence.UuidV7;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One term (届) of an organisation's committee, from election to 换届. */
@Entity
@Table(name = "committee_term")
public class CommitteeTerm {

  static final String CURRENT = "CURRENT";
  static final String ENDED = "ENDED";

  @Id private UUID id;

  @Column(name = "org_id")
  private UUID orgId;

  @Column(name = "started_on")
  private LocalDate startedOn;

  @Column(name = "term_years")
  private int termYears;

  @Column(name = "ends_on")
  private LocalDate endsOn;

  @Column(name = "postponed_until")
  private LocalDate postponedUntil;

  @Column(name = "approval_ref")
  private String approvalRef;

  private String status;

  @Column(name = "created_at")
  private Instant createdAt;

  @Version private long version;

  protected CommitteeTerm() {}

  CommitteeTerm(UUID orgId, LocalDate startedOn, int termYears, String approvalRef, Instant now) {
    this.id = UuidV7.next();
    this.orgId = orgId;
    this.startedOn = startedOn;
    this.termYears = termYears;
    this.endsOn = startedOn.plusYears(termYears);
    this.approvalRef = approvalRef;
    this.status = CURRENT;
    this.createdAt = now;
  }

  void end() {
    this.status = ENDED;
  }

  void postpone(LocalDate until, String approval) {
    this.postponedUntil = until;
    this.approvalRef = approval;
  }

  /** The date 换届 is due: the term's end, or the approved postponement. */
  public LocalDate dueOn() {
    return postponedUntil != null ? postponedUntil : endsOn;
  }

  public UUID getId() {
    return id;
  }

  public UUID getOrgId() {
    return orgId;
  }

  public LocalDate getStartedOn() {
    return startedOn;
  }

  public int getTermYears() {
    return termYears;
  }

  public LocalDate getEndsOn() {
    return endsOn;
  }

  public LocalDate getPostponedUntil() {
    return postponedUntil;
  }

  public String getApprovalRef() {
    return approvalRef;
  }

  public String getStatus() {
    return status;
  }

  public long getVersion() {
    return version;
  }
}
