package cn.dangjian.dues.profile;

import cn.dangjian.platform.persistence.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A member's dues assessment from one month on. The base is personal data: never logged, never in
 * an event; responses carry it only to those allowed to read it.
 */
@Entity
@Table(name = "dues_profile")
public class DuesProfile extends VersionedEntity {

  @Column(name = "member_id")
  private UUID memberId;

  @Column(name = "dues_year")
  private int duesYear;

  @Column(name = "effective_month")
  private LocalDate effectiveMonth;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  private DuesCategory category;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(name = "base_kind")
  private BaseKind baseKind;

  @Column(name = "base_fen")
  private Long baseFen;

  @Column(name = "rate_percent")
  private BigDecimal ratePercent;

  @Column(name = "standard_fen")
  private long standardFen;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  private Hardship hardship;

  @Column(name = "hardship_fen")
  private Long hardshipFen;

  @Column(name = "hardship_approved_by")
  private String hardshipApprovedBy;

  @Column(name = "hardship_meeting")
  private String hardshipMeeting;

  @Column(name = "hardship_approved_on")
  private LocalDate hardshipApprovedOn;

  @Column(name = "hardship_until")
  private LocalDate hardshipUntil;

  /** The member-service approval the hardship was applied from (null: recorded directly). */
  @Column(name = "hardship_approval_id")
  private UUID hardshipApprovalId;

  private String note;

  @Column(name = "created_by")
  private String createdBy;

  protected DuesProfile() {}

  private DuesProfile(Instant now) {
    super(now);
  }

  public static DuesProfile create(
      UUID memberId, YearMonth effective, String createdBy, Instant now) {
    DuesProfile profile = new DuesProfile(now);
    profile.memberId = memberId;
    profile.effectiveMonth = effective.atDay(1);
    profile.duesYear = effective.getYear();
    profile.hardship = Hardship.NONE;
    profile.createdBy = createdBy;
    return profile;
  }

  public void assess(
      DuesCategory category,
      Long baseFen,
      DuesRules.Assessment assessment,
      String note,
      Instant now) {
    this.category = category;
    this.baseKind = BaseKind.of(category);
    this.baseFen = baseFen;
    this.ratePercent = assessment.ratePercent();
    this.standardFen = assessment.amountFen();
    this.note = note;
    markUpdated(now);
  }

  public void hardship(
      Hardship kind,
      Long reducedFen,
      String approvedBy,
      String meeting,
      LocalDate approvedOn,
      LocalDate until,
      UUID approvalId,
      Instant now) {
    this.hardship = kind;
    boolean none = kind == Hardship.NONE;
    this.hardshipFen = none ? null : kind == Hardship.WAIVED ? Long.valueOf(0) : reducedFen;
    this.hardshipApprovedBy = none ? null : approvedBy;
    this.hardshipMeeting = none ? null : meeting;
    this.hardshipApprovedOn = none ? null : approvedOn;
    this.hardshipUntil = none ? null : until;
    this.hardshipApprovalId = none ? null : approvalId;
    markUpdated(now);
  }

  public YearMonth month() {
    return YearMonth.from(effectiveMonth);
  }

  public UUID getMemberId() {
    return memberId;
  }

  public int getDuesYear() {
    return duesYear;
  }

  public LocalDate getEffectiveMonth() {
    return effectiveMonth;
  }

  public DuesCategory getCategory() {
    return category;
  }

  public BaseKind getBaseKind() {
    return baseKind;
  }

  public Long getBaseFen() {
    return baseFen;
  }

  public BigDecimal getRatePercent() {
    return ratePercent;
  }

  public long getStandardFen() {
    return standardFen;
  }

  public Hardship getHardship() {
    return hardship;
  }

  public Long getHardshipFen() {
    return hardshipFen;
  }

  public String getHardshipApprovedBy() {
    return hardshipApprovedBy;
  }

  public String getHardshipMeeting() {
    return hardshipMeeting;
  }

  public LocalDate getHardshipApprovedOn() {
    return hardshipApprovedOn;
  }

  public LocalDate getHardshipUntil() {
    return hardshipUntil;
  }

  public UUID getHardshipApprovalId() {
    return hardshipApprovalId;
  }

  public String getNote() {
    return note;
  }

  public String getCreatedBy() {
    return createdBy;
  }
}
