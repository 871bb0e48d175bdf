package cn.dangjian.dues.payment;

import cn.dangjian.platform.persistence.UuidV7;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.springframework.data.domain.Persistable;

/** One payment: several months' bills plus an optional voluntary extra. */
@Entity
@Table(name = "dues_payment")
public class Payment implements Persistable<UUID> {

  @Id private UUID id;

  @Column(name = "member_id")
  private UUID memberId;

  @Column(name = "org_id")
  private UUID orgId;

  @Column(name = "org_path")
  private String orgPath;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  private Channel channel;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  private PaymentStatus status;

  private String months;

  @Column(name = "bills_fen")
  private long billsFen;

  @Column(name = "extra_fen")
  private long extraFen;

  @Column(name = "total_fen")
  private long totalFen;

  @Column(name = "remit_to_centre")
  private boolean remitToCentre;

  @Column(name = "receipt_no")
  private String receiptNo;

  @Column(name = "collected_by_org_id")
  private UUID collectedByOrgId;

  private String provider;

  @Column(name = "provider_order_id")
  private String providerOrderId;

  @Column(name = "pay_url")
  private String payUrl;

  @Column(name = "recorded_by")
  private String recordedBy;

  @Column(name = "created_at")
  private Instant createdAt;

  @Column(name = "expires_at")
  private Instant expiresAt;

  @Column(name = "paid_at")
  private Instant paidAt;

  @Column(name = "reversed_at")
  private Instant reversedAt;

  @Column(name = "reversed_by")
  private String reversedBy;

  @Column(name = "reversal_reason")
  private String reversalReason;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  private PaymentPayer payer = PaymentPayer.SELF;

  @Column(name = "payer_name")
  private String payerName;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  private PaymentMethod method = PaymentMethod.DIRECT;

  @Column(name = "entrustment_ref")
  private String entrustmentRef;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(name = "declared_as")
  private PaymentDeclaration declaredAs = PaymentDeclaration.DUES;

  @Version private long version;

  /** New until first persisted: save() then inserts without a SELECT first (assigned ids). */
  @Transient private boolean fresh;

  protected Payment() {}

  @Override
  public boolean isNew() {
    return fresh;
  }

  @PostPersist
  @PostLoad
  void stored() {
    fresh = false;
  }

  public static Payment start(
      UUID memberId,
      UUID orgId,
      String orgPath,
      Channel channel,
      List<YearMonth> months,
      long billsFen,
      long extraFen,
      boolean remitToCentre,
      String receiptNo,
      String recordedBy,
      Instant now) {
    Payment payment = new Payment();
    payment.id = UuidV7.next();
    payment.memberId = memberId;
    payment.orgId = orgId;
    payment.orgPath = orgPath;
    payment.channel = channel;
    payment.status = PaymentStatus.PENDING;
    payment.months = String.join(",", months.stream().map(YearMonth::toString).toList());
    payment.billsFen = billsFen;
    payment.extraFen = extraFen;
    payment.totalFen = billsFen + extraFen;
    payment.remitToCentre = remitToCentre;
    payment.receiptNo = receiptNo;
    payment.recordedBy = recordedBy;
    payment.createdAt = now;
    payment.fresh = true;
    return payment;
  }

  /** Who paid and how (DF Arts 12, 14), as checked by {@link PaymentBans}. */
  void declare(
      PaymentPayer payer,
      String payerName,
      PaymentMethod method,
      String entrustmentRef,
      PaymentDeclaration declaredAs) {
    this.payer = payer;
    this.payerName = payerName == null || payerName.isBlank() ? null : payerName.strip();
    this.method = method;
    this.entrustmentRef =
        entrustmentRef == null || entrustmentRef.isBlank() ? null : entrustmentRef.strip();
    this.declaredAs = declaredAs;
  }

  public void awaitProvider(String provider, String orderId, String payUrl, Instant expiresAt) {
    this.provider = provider;
    this.providerOrderId = orderId;
    this.payUrl = payUrl;
    this.expiresAt = expiresAt;
  }

  public void paid(Instant at) {
    this.status = PaymentStatus.PAID;
    this.paidAt = at;
  }

  public void expired() {
    this.status = PaymentStatus.EXPIRED;
  }

  public void reversed(String by, String reason, Instant at) {
    this.status = PaymentStatus.REVERSED;
    this.reversedBy = by;
    this.reversalReason = reason;
    this.reversedAt = at;
  }

  public List<String> monthList() {
    return months.isEmpty() ? List.of() : Arrays.asList(months.split(","));
  }

  public UUID getId() {
    return id;
  }

  public UUID getMemberId() {
    return memberId;
  }

  public UUID getOrgId() {
    return orgId;
  }

  public String getOrgPath() {
    return orgPath;
  }

  public Channel getChannel() {
    return channel;
  }

  public PaymentStatus getStatus() {
    return status;
  }

  public String getMonths() {
    return months;
  }

  public long getBillsFen() {
    return billsFen;
  }

  public long getExtraFen() {
    return extraFen;
  }

  public long getTotalFen() {
    return totalFen;
  }

  public boolean isRemitToCentre() {
    return remitToCentre;
  }

  /** A host org collected it from its 流动党员; the payment stays the home branch's. */
  void collectedBy(UUID hostOrgId) {
    this.collectedByOrgId = hostOrgId;
  }

  public UUID getCollectedByOrgId() {
    return collectedByOrgId;
  }

  public String getReceiptNo() {
    return receiptNo;
  }

  public String getProvider() {
    return provider;
  }

  public String getProviderOrderId() {
    return providerOrderId;
  }

  public String getPayUrl() {
    return payUrl;
  }

  public String getRecordedBy() {
    return recordedBy;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getExpiresAt() {
    return expiresAt;
  }

  public Instant getPaidAt() {
    return paidAt;
  }

  public Instant getReversedAt() {
    return reversedAt;
  }

  public String getReversedBy() {
    return reversedBy;
  }

  public String getReversalReason() {
    return reversalReason;
  }

  public PaymentPayer getPayer() {
    return payer;
  }

  public String getPayerName() {
    return payerName;
  }

  public PaymentMethod getMethod() {
    return method;
  }

  public String getEntrustmentRef() {
    return entrustmentRef;
  }

  public PaymentDeclaration getDeclaredAs() {
    return declaredAs;
  }

  public long getVersion() {
    return version;
  }
}
