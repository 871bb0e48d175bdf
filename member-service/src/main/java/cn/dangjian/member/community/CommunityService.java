package cn.dangjian.member.community;

import cn.dangjian.platform.persistence.UuidV7;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One service activity a registered member took part in, as the community recorded it. */
@Entity
@Table(name = "community_service")
public class CommunityService {

  @Id private UUID id;

  @Column(name = "registration_id")
  private UUID registrationId;

  @Column(name = "served_on")
  private LocalDate servedOn;

  private BigDecimal hours;

  private String activity;

  @Column(name = "recorded_by")
  private String recordedBy;

  @Column(name = "created_at")
  private Instant createdAt;

  protected CommunityService() {}

  CommunityService(
      UUID registrationId,
      LocalDate servedOn,
      BigDecimal hours,
      String activity,
      String recordedBy,
      Instant now) {
    this.id = UuidV7.next();
    this.registrationId = registrationId;
    this.servedOn = servedOn;
    this.hours = hours;
    this.activity = activity;
    this.recordedBy = recordedBy;
    this.createdAt = now;
  }

  public UUID getId() {
    return id;
  }

  public UUID getRegistrationId() {
    return registrationId;
  }

  public LocalDate getServedOn() {
    return servedOn;
  }

  public BigDecimal getHours() {
    return hours;
  }

  public String getActivity() {
    return activity;
  }

  public String getRecordedBy() {
    return recordedBy;
  }
}
