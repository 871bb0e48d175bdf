package cn.dangjian.member.transfer;

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

/** One transfer of a member's organisational relationship and where it stands. */
@Entity
@Table(name = "transfer")
public class Transfer extends VersionedEntity {

  @Column(name = "member_id")
  private UUID memberId;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  private TransferDirection direction;

  @Column(name = "from_org_id")
  private UUID fromOrgId;

  @Column(name = "from_org_path")
  private String fromOrgPath;

  @Column(name = "to_org_id")
  private UUID toOrgId;

  @Column(name = "to_org_path")
  private String toOrgPath;

  @Column(name = "external_org")
  private String externalOrg;

  @Column(name = "letter_no")
  private String letterNo;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  private TransferStatus status;

  private String reason;

  @Column(name = "requested_on")
  private LocalDate requestedOn;

  @Column(name = "approved_out_on")
  private LocalDate approvedOutOn;

  @Column(name = "issued_on")
  private LocalDate issuedOn;

  @Column(name = "valid_until")
  private LocalDate validUntil;

  @Column(name = "received_on")
  private LocalDate receivedOn;

  @Column(name = "completed_on")
  private LocalDate completedOn;

  @Column(name = "closed_reason")
  private String closedReason;

  protected Transfer() {}

  Transfer(
      UUID memberId,
      TransferDirection direction,
      UUID fromOrgId,
      String fromOrgPath,
      UUID toOrgId,
      String toOrgPath,
      String externalOrg,
      String letterNo,
      TransferStatus status,
      String reason,
      LocalDate requestedOn,
      Instant now) {
    super(now);
    this.memberId = memberId;
    this.direction = direction;
    this.fromOrgId = fromOrgId;
    this.fromOrgPath = fromOrgPath;
    this.toOrgId = toOrgId;
    this.toOrgPath = toOrgPath;
    this.externalOrg = externalOrg;
    this.letterNo = letterNo;
    this.status = status;
    this.reason = reason;
    this.requestedOn = requestedOn;
  }

  void approveOut(LocalDate on, Instant now) {
    move(TransferStatus.APPROVED_OUT, now);
    this.approvedOutOn = on;
  }

  void issue(LocalDate on, String letter, LocalDate until, Instant now) {
    move(TransferStatus.IN_TRANSIT, now);
    this.issuedOn = on;
    this.letterNo = letter;
    this.validUntil = until;
  }

  void receive(LocalDate on, Instant now) {
    move(TransferStatus.RECEIVED, now);
    this.receivedOn = on;
  }

  void complete(LocalDate on, Instant now) {
    move(TransferStatus.COMPLETED, now);
    this.completedOn = on;
  }

  void close(TransferStatus to, String why, Instant now) {
    move(to, now);
    this.closedReason = why;
  }

  private void move(TransferStatus to, Instant now) {
    TransferRules.checkTransition(status, to);
    this.status = to;
    markUpdated(now);
  }

  /** The date this step is the last one of; the due date the alert service watches. */
  public LocalDate lastStepOn() {
    LocalDate[] dates = {completedOn, receivedOn, issuedOn, approvedOutOn, requestedOn};
    for (LocalDate date : dates) {
      if (date != null) {
        return date;
      }
    }
    return requestedOn;
  }

  public UUID getMemberId() {
    return memberId;
  }

  public TransferDirection getDirection() {
    return direction;
  }

  public UUID getFromOrgId() {
    return fromOrgId;
  }

  public String getFromOrgPath() {
    return fromOrgPath;
  }

  public UUID getToOrgId() {
    return toOrgId;
  }

  public String getToOrgPath() {
    return toOrgPath;
  }

  public String getExternalOrg() {
    return externalOrg;
  }

  public String getLetterNo() {
    return letterNo;
  }

  public TransferStatus getStatus() {
    return status;
  }

  public String getReason() {
    return reason;
  }

  public LocalDate getRequestedOn() {
    return requestedOn;
  }

  public LocalDate getApprovedOutOn() {
    return approvedOutOn;
  }

  public LocalDate getIssuedOn() {
    return issuedOn;
  }

  public LocalDate getValidUntil() {
    return validUntil;
  }

  public LocalDate getReceivedOn() {
    return receivedOn;
  }

  public LocalDate getCompletedOn() {
    return completedOn;
  }

  public String getClosedReason() {
    return closedReason;
  }
}
