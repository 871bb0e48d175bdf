package cn.dangjian.member.mobile;

import cn.dangjian.platform.persistence.UuidV7;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A 流动党员's report home (at least yearly): what they did where they are. */
@Entity
@Table(name = "mobile_report")
public class MobileReport {

  @Id private UUID id;

  @Column(name = "certificate_id")
  private UUID certificateId;

  @Column(name = "reported_on")
  private LocalDate reportedOn;

  private String summary;

  @Column(name = "host_opinion")
  private String hostOpinion;

  @Column(name = "recorded_by")
  private String recordedBy;

  @Column(name = "created_at")
  private Instant createdAt;

  protected MobileReport() {}

  MobileReport(
      UUID certificateId,
      LocalDate reportedOn,
      String summary,
      String hostOpinion,
      String recordedBy,
      Instant now) {
    this.id = UuidV7.next();
    this.certificateId = certificateId;
    this.reportedOn = reportedOn;
    this.summary = summary;
    this.hostOpinion = hostOpinion;
    this.recordedBy = recordedBy;
    this.createdAt = now;
  }

  public UUID getId() {
    return id;
  }

  public UUID getCertificateId() {
    return certificateId;
  }

  public LocalDate getReportedOn() {
    return reportedOn;
  }

  public String getSummary() {
    return summary;
  }

  public String getHostOpinion() {
    return hostOpinion;
  }

  public String getRecordedBy() {
    return recordedBy;
  }
}
