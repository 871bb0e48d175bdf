package cn.dangjian.member.development;

import cn.dangjian.platform.persistence.UuidV7;
import cn.dangjian.platform.vote.MeetingVote;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One recorded step of a person's development, with its data (people, hours, vote, decision). */
@Entity
@Table(name = "development_step")
public class DevelopmentRecord {

  @Id private UUID id;

  @Column(name = "member_id")
  private UUID memberId;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  private DevelopmentStep step;

  @Column(name = "done_on")
  private LocalDate doneOn;

  @Column(name = "recorded_by")
  private String recordedBy;

  private String note;

  /** Member ids (contacts or introducers), comma separated. */
  private String people;

  @Column(name = "training_hours")
  private Integer trainingHours;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  private Decision decision;

  @Column(name = "extended_until")
  private LocalDate extendedUntil;

  @Column(name = "vote_entitled")
  private Integer voteEntitled;

  @Column(name = "vote_present")
  private Integer votePresent;

  @Column(name = "vote_approve")
  private Integer voteApprove;

  @Column(name = "vote_oppose")
  private Integer voteOppose;

  @Column(name = "vote_abstain")
  private Integer voteAbstain;

  @Column(name = "vote_written")
  private Integer voteWritten;

  @Column(name = "recorded_at")
  private Instant recordedAt;

  /** Why the step is recorded after its deadline; only with the approval of the body above. */
  @Column(name = "late_reason")
  private String lateReason;

  /** The approval that decided the step (a higher body's step or a late record). */
  @Column(name = "approval_id")
  private UUID approvalId;

  /** Outcome of a review, an approval or a 转正 meeting. */
  public enum Decision {
    PASSED,
    FAILED,
    SPECIAL_CASE,
    CONVERT,
    EXTEND,
    CANCEL
  }

  protected DevelopmentRecord() {}

  DevelopmentRecord(
      UUID memberId,
      DevelopmentStep step,
      LocalDate doneOn,
      String recordedBy,
      String note,
      List<UUID> people,
      Integer trainingHours,
      Decision decision,
      LocalDate extendedUntil,
      MeetingVote vote,
      Instant now) {
    this.id = UuidV7.next();
    this.memberId = memberId;
    this.step = step;
    this.doneOn = doneOn;
    this.recordedBy = recordedBy;
    this.note = note;
    this.people =
        people == null || people.isEmpty()
            ? null
            : String.join(",", people.stream().map(UUID::toString).toList());
    this.trainingHours = trainingHours;
    this.decision = decision;
    this.extendedUntil = extendedUntil;
    if (vote != null) {
      this.voteEntitled = vote.base();
      this.votePresent = vote.present();
      this.voteApprove = vote.approve();
      this.voteOppose = vote.oppose();
      this.voteAbstain = vote.abstain();
      this.voteWritten = vote.writtenApprovals();
    }
    this.recordedAt = now;
  }

  /** The step was decided through an approval (and, with a reason, recorded late). */
  DevelopmentRecord approvedBy(UUID approvalId, String lateReason) {
    this.approvalId = approvalId;
    this.lateReason = lateReason;
    return this;
  }

  public Instant getRecordedAt() {
    return recordedAt;
  }

  public String getLateReason() {
    return lateReason;
  }

  public UUID getApprovalId() {
    return approvalId;
  }

  public DevelopmentStep getStep() {
    return step;
  }

  public LocalDate getDoneOn() {
    return doneOn;
  }

  public String getRecordedBy() {
    return recordedBy;
  }

  public String getNote() {
    return note;
  }

  public List<UUID> people() {
    return people == null
        ? List.of()
        : Arrays.stream(people.split(",")).map(UUID::fromString).toList();
  }

  public Integer getTrainingHours() {
    return trainingHours;
  }

  public Decision getDecision() {
    return decision;
  }

  public LocalDate getExtendedUntil() {
    return extendedUntil;
  }

  public Integer getVoteEntitled() {
    return voteEntitled;
  }

  public Integer getVotePresent() {
    return votePresent;
  }

  public Integer getVoteApprove() {
    return voteApprove;
  }

  public Integer getVoteWritten() {
    return voteWritten;
  }
}
