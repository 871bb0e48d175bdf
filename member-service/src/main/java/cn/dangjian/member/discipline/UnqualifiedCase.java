package cn.dangjian.member.discipline;

import cn.dangjian.platform.persistence.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A 不合格党员组织处置 case: the measure being taken and the last step reached. A round is one measure
 * walked from proposal to decision; after a 限期改正 without improvement the next round takes a heavier
 * measure.
 */
@Entity
@Table(name = "unqualified_case")
class UnqualifiedCase extends VersionedEntity {

  @Column(name = "member_id")
  private UUID memberId;

  @Column(name = "org_id")
  private UUID orgId;

  @Column(name = "org_path")
  private String orgPath;

  @Column(name = "case_trigger")
  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  private UnqualifiedTrigger trigger;

  private String issue;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  private Measure measure;

  @Column(name = "round_no")
  private int round;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  private CaseStep step;

  @Column(name = "correction_ends_on")
  private LocalDate correctionEndsOn;

  private boolean closed;

  @Column(name = "opened_on")
  private LocalDate openedOn;

  protected UnqualifiedCase() {}

  UnqualifiedCase(
      UUID memberId,
      UUID orgId,
      String orgPath,
      UnqualifiedTrigger trigger,
      String issue,
      Measure measure,
      LocalDate openedOn,
      CaseStep initial,
      Instant now) {
    super(now);
    this.memberId = memberId;
    this.orgId = orgId;
    this.orgPath = orgPath;
    this.trigger = trigger;
    this.issue = issue;
    this.measure = measure;
    this.round = 1;
    this.step = initial;
    this.openedOn = openedOn;
  }

  /** The 支委会's proposal on a case the system opened: its measure is the committee's. */
  void proposed(Measure proposedMeasure, Instant now) {
    this.measure = proposedMeasure;
    this.step = CaseStep.PROPOSED;
    markUpdated(now);
  }

  void reached(CaseStep next, Instant now) {
    this.step = next;
    markUpdated(now);
  }

  /** The measure took effect: a correction period runs, or the member left (case closed). */
  void decided(LocalDate correctionEndsOn, Instant now) {
    this.step = CaseStep.DECIDED;
    this.correctionEndsOn = correctionEndsOn;
    this.closed = measure != Measure.CORRECTION;
    markUpdated(now);
  }

  void nextMeasure(Measure next, Instant now) {
    this.measure = next;
    this.round++;
    this.step = CaseStep.PROPOSED;
    markUpdated(now);
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

  UnqualifiedTrigger getTrigger() {
    return trigger;
  }

  String getIssue() {
    return issue;
  }

  Measure getMeasure() {
    return measure;
  }

  int getRound() {
    return round;
  }

  CaseStep getStep() {
    return step;
  }

  LocalDate getCorrectionEndsOn() {
    return correctionEndsOn;
  }

  boolean isClosed() {
    return closed;
  }

  LocalDate getOpenedOn() {
    return openedOn;
  }
}
