package cn.dangjian.member.approval;

import cn.dangjian.platform.persistence.VersionedEntity;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One approval request and its chain of deciding bodies. */
@Entity
@Table(name = "approval")
public class Approval extends VersionedEntity {

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  private ApprovalKind kind;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  private ApprovalStatus status;

  @Column(name = "open_key")
  private String openKey;

  @Column(name = "subject_member_id")
  private UUID subjectMemberId;

  @Column(name = "subject_org_id")
  private UUID subjectOrgId;

  @Column(name = "subject_org_path")
  private String subjectOrgPath;

  private String summary;
  private String basis;

  /** Minutes, meeting or document ids, comma separated. */
  private String attachments;

  private String payload;

  @Column(name = "requested_by")
  private String requestedBy;

  @Column(name = "requested_on")
  private LocalDate requestedOn;

  @Column(name = "due_on")
  private LocalDate dueOn;

  @Column(name = "current_stage")
  private int currentStage;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(name = "current_body")
  private DecidingBody currentBody;

  @Column(name = "current_org_id")
  private UUID currentOrgId;

  @Column(name = "decided_on")
  private LocalDate decidedOn;

  // the request's own version moves with every decision (markUpdated): the stage rows need not
  @org.hibernate.annotations.OptimisticLock(excluded = true)
  @OneToMany(cascade = CascadeType.ALL, fetch = FetchType.EAGER, orphanRemoval = true)
  @JoinColumn(name = "approval_id", nullable = false)
  @OrderBy("seq")
  private List<ApprovalStage> stages = new ArrayList<>();

  protected Approval() {}

  Approval(
      NewApproval request,
      String payloadJson,
      List<ApprovalStage> chain,
      LocalDate today,
      LocalDate dueOn,
      Instant now) {
    super(now);
    this.kind = request.kind();
    this.status = ApprovalStatus.PENDING;
    this.openKey = request.openKey();
    this.subjectMemberId = request.subjectMemberId();
    this.subjectOrgId = request.subjectOrgId();
    this.subjectOrgPath = request.subjectOrgPath();
    this.summary = request.summary();
    this.basis = request.basis();
    this.attachments =
        request.attachments() == null || request.attachments().isEmpty()
            ? null
            : String.join(",", request.attachments().stream().map(UUID::toString).toList());
    this.payload = payloadJson;
    this.requestedBy = request.requestedBy();
    this.requestedOn = today;
    this.dueOn = dueOn;
    this.stages.addAll(chain);
    moveTo(0);
  }

  private void moveTo(int stage) {
    this.currentStage = stage;
    ApprovalStage current = stages.get(stage);
    this.currentBody = current.getBody();
    this.currentOrgId = current.getOrgId();
  }

  /** The current stage approved: on to the next, or approved if it was the last. */
  void approveStage(String by, LocalDate on, String comment, Instant now) {
    current().decide(Outcome.APPROVE, by, on, comment);
    if (currentStage + 1 < stages.size()) {
      moveTo(currentStage + 1);
    } else {
      end(ApprovalStatus.APPROVED, on);
    }
    markUpdated(now);
  }

  void returnToRequester(String by, LocalDate on, String comment, Instant now) {
    current().decide(Outcome.RETURN, by, on, comment);
    this.status = ApprovalStatus.RETURNED;
    markUpdated(now);
  }

  void reject(String by, LocalDate on, String comment, Instant now) {
    current().decide(Outcome.REJECT, by, on, comment);
    end(ApprovalStatus.REJECTED, on);
    markUpdated(now);
  }

  void resubmit(Instant now) {
    current().reopen();
    this.status = ApprovalStatus.PENDING;
    markUpdated(now);
  }

  void withdraw(LocalDate on, Instant now) {
    end(ApprovalStatus.WITHDRAWN, on);
    markUpdated(now);
  }

  private void end(ApprovalStatus finalStatus, LocalDate on) {
    this.status = finalStatus;
    this.openKey = null;
    this.decidedOn = on;
  }

  ApprovalStage current() {
    return stages.get(currentStage);
  }

  public ApprovalKind getKind() {
    return kind;
  }

  public ApprovalStatus getStatus() {
    return status;
  }

  public UUID getSubjectMemberId() {
    return subjectMemberId;
  }

  public UUID getSubjectOrgId() {
    return subjectOrgId;
  }

  public String getSubjectOrgPath() {
    return subjectOrgPath;
  }

  public String getSummary() {
    return summary;
  }

  public String getBasis() {
    return basis;
  }

  public List<UUID> attachments() {
    return attachments == null
        ? List.of()
        : Arrays.stream(attachments.split(",")).map(UUID::fromString).toList();
  }

  public String getPayload() {
    return payload;
  }

  public String getRequestedBy() {
    return requestedBy;
  }

  public LocalDate getRequestedOn() {
    return requestedOn;
  }

  public LocalDate getDueOn() {
    return dueOn;
  }

  public int getCurrentStage() {
    return currentStage;
  }

  public DecidingBody getCurrentBody() {
    return currentBody;
  }

  public UUID getCurrentOrgId() {
    return currentOrgId;
  }

  public LocalDate getDecidedOn() {
    return decidedOn;
  }

  public List<ApprovalStage> getStages() {
    return List.copyOf(stages);
  }
}
