package cn.dangjian.alert.handling;

import cn.dangjian.alert.catalogue.Severity;
import cn.dangjian.alert.catalogue.SubjectType;
import cn.dangjian.platform.persistence.UuidV7;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One early warning: subject, rule, severity, evidence, suggestion, deadline and its state. */
@Entity
@Table(name = "alert")
public class Alert {

  @Id private UUID id;
  private String ruleId;

  @Enumerated(EnumType.STRING)
  private SubjectType subjectType;

  private UUID subjectId;
  private UUID orgId;
  private String orgPath;
  private String periodKey;

  @Enumerated(EnumType.STRING)
  private Severity severity;

  @Enumerated(EnumType.STRING)
  private AlertStatus status;

  private String title;
  private String suggestion;

  @Column(columnDefinition = "TEXT")
  private String evidence;

  private LocalDate deadline;
  private LocalDate raisedOn;
  private Instant raisedAt;
  private Instant updatedAt;
  private Instant endedAt;
  private String resolution;
  private int escalationLevel;
  private UUID escalatedToOrgId;
  // a wrapper, so that Spring Data sees a new alert as new (null) and persists it without first
  // selecting it by its pre-assigned id
  @Version private Long version;

  protected Alert() {}

  Alert(
      String ruleId,
      SubjectType subjectType,
      UUID subjectId,
      UUID orgId,
      String orgPath,
      String periodKey,
      Severity severity,
      String title,
      String suggestion,
      String evidence,
      LocalDate deadline,
      LocalDate raisedOn,
      Instant now) {
    this.id = UuidV7.next();
    this.ruleId = ruleId;
    this.subjectType = subjectType;
    this.subjectId = subjectId;
    this.orgId = orgId;
    this.orgPath = orgPath;
    this.periodKey = periodKey;
    this.severity = severity;
    this.status = AlertStatus.OPEN;
    this.title = title;
    this.suggestion = suggestion;
    this.evidence = evidence;
    this.deadline = deadline;
    this.raisedOn = raisedOn;
    this.raisedAt = now;
    this.updatedAt = now;
  }

  /** New facts for the same occurrence: texts follow, the severity moves to the new level. */
  boolean refresh(
      Severity newSeverity,
      String newTitle,
      String newSuggestion,
      String newEvidence,
      Instant now) {
    boolean changed =
        newSeverity != severity
            || !newTitle.equals(title)
            || !newSuggestion.equals(suggestion)
            || !newEvidence.equals(evidence);
    severity = newSeverity;
    title = newTitle;
    suggestion = newSuggestion;
    evidence = newEvidence;
    if (changed) {
      updatedAt = now;
    }
    return changed;
  }

  void moveTo(AlertStatus next, Instant now) {
    status = next;
    updatedAt = now;
    if (!next.active()) {
      endedAt = now;
    }
  }

  void end(AlertStatus next, String why, Instant now) {
    moveTo(next, now);
    resolution = why;
  }

  void escalate(UUID toOrgId, LocalDate newDeadline, Instant now) {
    escalationLevel++;
    escalatedToOrgId = toOrgId;
    deadline = newDeadline;
    updatedAt = now;
  }

  /** The org that has to act: the alert's own, or the superior it was escalated to. */
  public UUID assigneeOrgId() {
    return escalatedToOrgId == null ? orgId : escalatedToOrgId;
  }

  public UUID getId() {
    return id;
  }

  public String getRuleId() {
    return ruleId;
  }

  public SubjectType getSubjectType() {
    return subjectType;
  }

  public UUID getSubjectId() {
    return subjectId;
  }

  public UUID getOrgId() {
    return orgId;
  }

  public String getOrgPath() {
    return orgPath;
  }

  public String getPeriodKey() {
    return periodKey;
  }

  public Severity getSeverity() {
    return severity;
  }

  public AlertStatus getStatus() {
    return status;
  }

  public String getTitle() {
    return title;
  }

  public String getSuggestion() {
    return suggestion;
  }

  public String getEvidence() {
    return evidence;
  }

  public LocalDate getDeadline() {
    return deadline;
  }

  public LocalDate getRaisedOn() {
    return raisedOn;
  }

  public Instant getRaisedAt() {
    return raisedAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  public Instant getEndedAt() {
    return endedAt;
  }

  public String getResolution() {
    return resolution;
  }

  public int getEscalationLevel() {
    return escalationLevel;
  }

  public UUID getEscalatedToOrgId() {
    return escalatedToOrgId;
  }

  public long getVersion() {
    return version == null ? 0 : version;
  }
}
