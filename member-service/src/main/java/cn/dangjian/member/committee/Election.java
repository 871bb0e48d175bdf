package cn.dangjian.member.committee;

import cn.dangjian.member.approval.ApprovalKind;
import cn.dangjian.platform.persistence.VersionedEntity;
import cn.dangjian.platform.problem.ProblemException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One 换届 election of an organisation, from the 请示 to the new term (see {@link ElectionStatus}). */
@Entity
@Table(name = "committee_election")
public class Election extends VersionedEntity {

  @Column(name = "org_id")
  private UUID orgId;

  @Column(name = "org_path")
  private String orgPath;

  /** The org while the election is open: one open election per org (unique key). */
  @Column(name = "open_org_id")
  private UUID openOrgId;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  private ElectionStatus status;

  @Column(name = "term_due_on")
  private LocalDate termDueOn;

  @Column(name = "requested_on")
  private LocalDate requestedOn;

  @Column(name = "planned_on")
  private LocalDate plannedOn;

  @Column(name = "request_late")
  private boolean requestLate;

  private Integer seats;

  private String candidates;

  @Column(name = "current_approval_id")
  private UUID currentApprovalId;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(name = "current_approval_kind")
  private ApprovalKind currentApprovalKind;

  @Column(name = "held_round_id")
  private UUID heldRoundId;

  @Column(name = "invalid_rule")
  private String invalidRule;

  @Column(name = "secretary_member_id")
  private UUID secretaryMemberId;

  @Column(name = "deputy_member_id")
  private UUID deputyMemberId;

  @Column(name = "term_id")
  private UUID termId;

  protected Election() {}

  Election(
      UUID orgId,
      String orgPath,
      LocalDate termDueOn,
      LocalDate requestedOn,
      LocalDate plannedOn,
      boolean requestLate,
      Instant now) {
    super(now);
    this.orgId = orgId;
    this.orgPath = orgPath;
    this.openOrgId = orgId;
    this.status = ElectionStatus.REQUESTED;
    this.termDueOn = termDueOn;
    this.requestedOn = requestedOn;
    this.plannedOn = plannedOn;
    this.requestLate = requestLate;
  }

  /** Refuses a step the election is not ready for (422 naming the status it is in). */
  void require(Set<ElectionStatus> allowed) {
    if (!allowed.contains(status)) {
      throw ProblemException.businessRule(
          "election-step-out-of-order", "election.rule.step-out-of-order", status.label());
    }
  }

  void awaiting(UUID approvalId, ApprovalKind kind, Instant now) {
    this.currentApprovalId = approvalId;
    this.currentApprovalKind = kind;
    markUpdated(now);
  }

  void authorised(Instant now) {
    require(Set.of(ElectionStatus.REQUESTED));
    this.status = ElectionStatus.AUTHORISED;
    markUpdated(now);
  }

  void candidatesSubmitted(int seats, List<UUID> candidates, Instant now) {
    this.seats = seats;
    this.candidates = join(candidates);
    this.status = ElectionStatus.CANDIDATES_SUBMITTED;
    markUpdated(now);
  }

  void candidatesApproved(Instant now) {
    require(Set.of(ElectionStatus.CANDIDATES_SUBMITTED));
    this.status = ElectionStatus.CANDIDATES_APPROVED;
    markUpdated(now);
  }

  void held(ElectionRound round, Instant now) {
    this.heldRoundId = round.getId();
    this.invalidRule = round.getInvalidRule();
    this.status = round.isValid() ? ElectionStatus.HELD : ElectionStatus.INVALID;
    markUpdated(now);
  }

  void resultSubmitted(UUID secretary, UUID deputy, Instant now) {
    this.secretaryMemberId = secretary;
    this.deputyMemberId = deputy;
    this.status = ElectionStatus.RESULT_SUBMITTED;
    markUpdated(now);
  }

  void completed(UUID termId, Instant now) {
    require(Set.of(ElectionStatus.RESULT_SUBMITTED));
    this.termId = termId;
    this.status = ElectionStatus.COMPLETED;
    this.openOrgId = null;
    this.currentApprovalId = null;
    this.currentApprovalKind = null;
    markUpdated(now);
  }

  void abandoned(Instant now) {
    this.status = ElectionStatus.ABANDONED;
    this.openOrgId = null;
    markUpdated(now);
  }

  static String join(List<UUID> ids) {
    return ids == null || ids.isEmpty()
        ? null
        : ids.stream().map(UUID::toString).collect(Collectors.joining(","));
  }

  static List<UUID> split(String ids) {
    return ids == null || ids.isBlank()
        ? List.of()
        : Arrays.stream(ids.split(",")).map(UUID::fromString).toList();
  }

  public UUID getOrgId() {
    return orgId;
  }

  public String getOrgPath() {
    return orgPath;
  }

  public ElectionStatus getStatus() {
    return status;
  }

  public LocalDate getTermDueOn() {
    return termDueOn;
  }

  public LocalDate getRequestedOn() {
    return requestedOn;
  }

  public LocalDate getPlannedOn() {
    return plannedOn;
  }

  public boolean isRequestLate() {
    return requestLate;
  }

  public Integer getSeats() {
    return seats;
  }

  public List<UUID> candidates() {
    return split(candidates);
  }

  public UUID getCurrentApprovalId() {
    return currentApprovalId;
  }

  public ApprovalKind getCurrentApprovalKind() {
    return currentApprovalKind;
  }

  public UUID getHeldRoundId() {
    return heldRoundId;
  }

  public String getInvalidRule() {
    return invalidRule;
  }

  public UUID getSecretaryMemberId() {
    return secretaryMemberId;
  }

  public UUID getDeputyMemberId() {
    return deputyMemberId;
  }

  public UUID getTermId() {
    return termId;
  }
}
