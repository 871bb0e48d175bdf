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

/** One step of a case as recorded: date, findings or note, talkers, vote base, approval. */
@Entity
@Table(name = "unqualified_case_step")
class UnqualifiedCaseStep {

  @Id private UUID id;

  @Column(name = "case_id")
  private UUID caseId;

  @Column(name = "round_no")
  private int round;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  private CaseStep step;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  private Measure measure;

  @Column(name = "done_on")
  private LocalDate doneOn;

  private String note;

  /** The two talkers' ids, comma separated. */
  private String talkers;

  @Column(name = "vote_base")
  private Integer voteBase;

  @Column(name = "approval_id")
  private UUID approvalId;

  @Column(name = "recorded_by")
  private String recordedBy;

  @Column(name = "created_at")
  private Instant createdAt;

  protected UnqualifiedCaseStep() {}

  UnqualifiedCaseStep(
      UnqualifiedCase c,
      CaseStep step,
      LocalDate doneOn,
      String note,
      String talkers,
      Integer voteBase,
      UUID approvalId,
      String recordedBy,
      Instant now) {
    this.id = UuidV7.next();
    this.caseId = c.getId();
    this.round = c.getRound();
    this.step = step;
    this.measure = c.getMeasure();
    this.doneOn = doneOn;
    this.note = note;
    this.talkers = talkers;
    this.voteBase = voteBase;
    this.approvalId = approvalId;
    this.recordedBy = recordedBy;
    this.createdAt = now;
  }

  int getRound() {
    return round;
  }

  CaseStep getStep() {
    return step;
  }

  Measure getMeasure() {
    return measure;
  }

  LocalDate getDoneOn() {
    return doneOn;
  }

  String getNote() {
    return note;
  }

  String getTalkers() {
    return talkers;
  }

  Integer getVoteBase() {
    return voteBase;
  }

  UUID getApprovalId() {
    return approvalId;
  }

  String getRecordedBy() {
    return recordedBy;
  }
}
