package cn.dangjian.orglife.meeting;

import cn.dangjian.platform.persistence.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.springframework.modulith.NamedInterface;

/** One meeting and its record (会议记录, DOMAIN.md §4.4). */
@NamedInterface("lookup")
@Entity
@Table(name = "meeting")
public class Meeting extends VersionedEntity {

  @Column(name = "org_id")
  private UUID orgId;

  @Column(name = "org_path")
  private String orgPath;

  @Column(name = "parent_path")
  private String parentPath;

  @Column(name = "org_type")
  private String orgType;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(name = "meeting_type")
  private MeetingType type;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  private MeetingStatus status;

  private String title;

  @JdbcTypeCode(SqlTypes.LOCAL_DATE_TIME)
  @Column(name = "starts_at")
  private LocalDateTime startsAt;

  @JdbcTypeCode(SqlTypes.LOCAL_DATE_TIME)
  @Column(name = "ends_at")
  private LocalDateTime endsAt;

  @Column(name = "held_on")
  private LocalDate heldOn;

  private String place;
  private String notice;

  @JdbcTypeCode(SqlTypes.LONGVARCHAR)
  @Column(columnDefinition = "text")
  private String agenda;

  @JdbcTypeCode(SqlTypes.LONGVARCHAR)
  @Column(columnDefinition = "mediumtext")
  private String minutes;

  private String theme;
  private String lecturer;
  private String topic;

  @Column(name = "host_member_id")
  private UUID hostMemberId;

  @Column(name = "recorder_member_id")
  private UUID recorderMemberId;

  @Column(name = "expected_count")
  private int expectedCount;

  @Column(name = "actual_count")
  private int actualCount;

  @Column(name = "voting_entitled")
  private int votingEntitled;

  @Column(name = "training_tenths")
  private int trainingTenths;

  @Column(name = "record_version")
  private int recordVersion;

  @JdbcTypeCode(SqlTypes.VARBINARY)
  @Column(length = 512)
  private byte[] minhash;

  @Column(name = "planned_by")
  private String plannedBy;

  @Column(name = "recorded_by")
  private String recordedBy;

  @Column(name = "first_recorded_at")
  private Instant firstRecordedAt;

  @Column(name = "submitted_by")
  private String submittedBy;

  @Column(name = "submitted_at")
  private Instant submittedAt;

  @Column(name = "reviewed_by")
  private String reviewedBy;

  @Column(name = "reviewed_at")
  private Instant reviewedAt;

  @Column(name = "review_comment")
  private String reviewComment;

  /** The month (yyyymm) this meeting is counted in the compliance table, while approved. */
  @Column(name = "counted_month")
  private Integer countedMonth;

  protected Meeting() {}

  Meeting(
      UUID orgId,
      String orgPath,
      String parentPath,
      String orgType,
      MeetingType type,
      String title,
      LocalDateTime startsAt,
      LocalDateTime endsAt,
      String place,
      String notice,
      String agenda,
      String plannedBy,
      Instant now) {
    super(now);
    this.orgId = orgId;
    this.orgPath = orgPath;
    this.parentPath = parentPath;
    this.orgType = orgType;
    this.type = type;
    this.status = MeetingStatus.PLANNED;
    this.title = title;
    this.startsAt = startsAt;
    this.endsAt = endsAt;
    this.heldOn = startsAt.toLocalDate();
    this.place = place;
    this.notice = notice;
    this.agenda = agenda;
    this.plannedBy = plannedBy;
  }

  void moveTo(MeetingStatus to, Instant now) {
    MeetingRules.checkTransition(status, to);
    this.status = to;
    markUpdated(now);
  }

  void setExpectedCount(int expectedCount) {
    this.expectedCount = expectedCount;
  }

  /** Writes the record's fields (held, or a correction). */
  void record(
      String title,
      LocalDateTime startsAt,
      LocalDateTime endsAt,
      String place,
      String agenda,
      String minutes,
      String theme,
      String lecturer,
      String topic,
      UUID hostMemberId,
      UUID recorderMemberId,
      int expectedCount,
      int actualCount,
      int votingEntitled,
      int trainingTenths,
      byte[] minhash,
      String recordedBy,
      Instant now) {
    this.title = title;
    this.startsAt = startsAt;
    this.endsAt = endsAt;
    this.heldOn = startsAt.toLocalDate();
    this.place = place;
    this.agenda = agenda;
    this.minutes = minutes;
    this.theme = theme;
    this.lecturer = lecturer;
    this.topic = topic;
    this.hostMemberId = hostMemberId;
    this.recorderMemberId = recorderMemberId;
    this.expectedCount = expectedCount;
    this.actualCount = actualCount;
    this.votingEntitled = votingEntitled;
    this.trainingTenths = trainingTenths;
    this.minhash = minhash;
    this.recordedBy = recordedBy;
    if (firstRecordedAt == null) {
      firstRecordedAt = now;
    }
    markUpdated(now);
  }

  void submitted(String by, Instant now) {
    this.submittedBy = by;
    this.submittedAt = now;
  }

  void reviewed(String by, String comment, Instant now) {
    this.reviewedBy = by;
    this.reviewComment = comment;
    this.reviewedAt = now;
  }

  void nextRecordVersion() {
    this.recordVersion++;
  }

  void countedIn(Integer month) {
    this.countedMonth = month;
  }

  public UUID getOrgId() {
    return orgId;
  }

  public String getOrgPath() {
    return orgPath;
  }

  public String getParentPath() {
    return parentPath;
  }

  public String getOrgType() {
    return orgType;
  }

  public MeetingType getType() {
    return type;
  }

  public MeetingStatus getStatus() {
    return status;
  }

  public String getTitle() {
    return title;
  }

  public LocalDateTime getStartsAt() {
    return startsAt;
  }

  public LocalDateTime getEndsAt() {
    return endsAt;
  }

  public LocalDate getHeldOn() {
    return heldOn;
  }

  public String getPlace() {
    return place;
  }

  public String getNotice() {
    return notice;
  }

  public String getAgenda() {
    return agenda;
  }

  public String getMinutes() {
    return minutes;
  }

  public String getTheme() {
    return theme;
  }

  public String getLecturer() {
    return lecturer;
  }

  public String getTopic() {
    return topic;
  }

  public UUID getHostMemberId() {
    return hostMemberId;
  }

  public UUID getRecorderMemberId() {
    return recorderMemberId;
  }

  public int getExpectedCount() {
    return expectedCount;
  }

  public int getActualCount() {
    return actualCount;
  }

  public int getVotingEntitled() {
    return votingEntitled;
  }

  public int getTrainingTenths() {
    return trainingTenths;
  }

  public int getRecordVersion() {
    return recordVersion;
  }

  public byte[] getMinhash() {
    return minhash == null ? null : minhash.clone();
  }

  public String getPlannedBy() {
    return plannedBy;
  }

  public String getRecordedBy() {
    return recordedBy;
  }

  public Instant getFirstRecordedAt() {
    return firstRecordedAt;
  }

  public String getSubmittedBy() {
    return submittedBy;
  }

  public Instant getSubmittedAt() {
    return submittedAt;
  }

  public String getReviewedBy() {
    return reviewedBy;
  }

  public Instant getReviewedAt() {
    return reviewedAt;
  }

  public String getReviewComment() {
    return reviewComment;
  }

  public Integer getCountedMonth() {
    return countedMonth;
  }
}
