package cn.dangjian.member.mobile;

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

/** One 流动党员活动证: who, from which home branch, hosted where, valid until when. */
@Entity
@Table(name = "mobile_certificate")
public class MobileCertificate extends VersionedEntity {

  @Column(name = "certificate_no")
  private String certificateNo;

  @Column(name = "member_id")
  private UUID memberId;

  @Column(name = "home_org_id")
  private UUID homeOrgId;

  @Column(name = "home_org_path")
  private String homeOrgPath;

  @Column(name = "host_org_id")
  private UUID hostOrgId;

  @Column(name = "host_org_path")
  private String hostOrgPath;

  @Column(name = "host_name")
  private String hostName;

  private String place;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  private MobileReason reason;

  @Column(name = "fixed_place")
  private boolean fixedPlace;

  @Column(name = "no_transfer_reason")
  private String noTransferReason;

  @Column(name = "away_since")
  private LocalDate awaySince;

  @Column(name = "issued_on")
  private LocalDate issuedOn;

  @Column(name = "valid_until")
  private LocalDate validUntil;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  private MobileStatus status;

  @Column(name = "last_reported_on")
  private LocalDate lastReportedOn;

  @Column(name = "closed_on")
  private LocalDate closedOn;

  @Column(name = "open_key")
  private UUID openKey;

  protected MobileCertificate() {}

  MobileCertificate(
      String certificateNo,
      UUID memberId,
      UUID homeOrgId,
      String homeOrgPath,
      Host host,
      String place,
      MobileReason reason,
      boolean fixedPlace,
      String noTransferReason,
      LocalDate awaySince,
      LocalDate issuedOn,
      LocalDate validUntil,
      Instant now) {
    super(now);
    this.certificateNo = certificateNo;
    this.memberId = memberId;
    this.homeOrgId = homeOrgId;
    this.homeOrgPath = homeOrgPath;
    host(host);
    this.place = place;
    this.reason = reason;
    this.fixedPlace = fixedPlace;
    this.noTransferReason = noTransferReason;
    this.awaySince = awaySince;
    this.issuedOn = issuedOn;
    this.validUntil = validUntil;
    this.status = MobileStatus.ACTIVE;
    this.openKey = memberId;
  }

  /** The host: an org of this system (id and path) or one outside it (a name). */
  record Host(UUID orgId, String orgPath, String name) {}

  private void host(Host host) {
    this.hostOrgId = host.orgId();
    this.hostOrgPath = host.orgPath();
    this.hostName = host.name();
  }

  void renew(LocalDate newValidUntil, Host newHost, String newPlace, Instant now) {
    this.validUntil = newValidUntil;
    if (newHost != null) {
      host(newHost);
    }
    if (newPlace != null) {
      this.place = newPlace;
    }
    markUpdated(now);
  }

  void reported(LocalDate on, Instant now) {
    if (lastReportedOn == null || on.isAfter(lastReportedOn)) {
      this.lastReportedOn = on;
    }
    markUpdated(now);
  }

  void close(MobileStatus to, LocalDate on, Instant now) {
    this.status = to;
    this.closedOn = on;
    this.openKey = null;
    markUpdated(now);
  }

  public String getCertificateNo() {
    return certificateNo;
  }

  public UUID getMemberId() {
    return memberId;
  }

  public UUID getHomeOrgId() {
    return homeOrgId;
  }

  public String getHomeOrgPath() {
    return homeOrgPath;
  }

  public UUID getHostOrgId() {
    return hostOrgId;
  }

  public String getHostOrgPath() {
    return hostOrgPath;
  }

  public String getHostName() {
    return hostName;
  }

  public String getPlace() {
    return place;
  }

  public MobileReason getReason() {
    return reason;
  }

  public boolean isFixedPlace() {
    return fixedPlace;
  }

  public String getNoTransferReason() {
    return noTransferReason;
  }

  public LocalDate getAwaySince() {
    return awaySince;
  }

  public LocalDate getIssuedOn() {
    return issuedOn;
  }

  public LocalDate getValidUntil() {
    return validUntil;
  }

  public MobileStatus getStatus() {
    return status;
  }

  public LocalDate getLastReportedOn() {
    return lastReportedOn;
  }

  public LocalDate getClosedOn() {
    return closedOn;
  }
}
