package cn.dangjian.member.mobile;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Request and response records of the 流动党员活动证 API. */
public final class MobileRequests {

  private MobileRequests() {}

  @Schema(
      description =
          "发放《流动党员活动证》：流入地为系统内党支部（hostOrgId）或系统外组织（hostName）；"
              + "在相对固定地点外出6个月以上的应转接组织关系，确无法转接的须填写原因 (issue a certificate)")
  public record IssueCertificate(
      @Schema(description = "党员ID") @NotNull UUID memberId,
      @Schema(description = "流入地党支部ID（系统内） (host branch)") UUID hostOrgId,
      @Schema(description = "流入地组织名称（系统外） (host outside the system)") @Size(max = 200)
          String hostName,
      @Schema(description = "外出地点 (where)", example = "广东省深圳市南山区") @NotBlank @Size(max = 200)
          String place,
      @Schema(description = "外出原因 (reason)", example = "WORK") @NotNull MobileReason reason,
      @Schema(description = "是否在相对固定地点 (relatively fixed place)") @NotNull Boolean fixedPlace,
      @Schema(description = "无法转接组织关系的原因（固定地点外出6个月以上时必填）") @Size(max = 200) String noTransferReason,
      @Schema(description = "外出日期 (away since)") @NotNull LocalDate awaySince,
      @Schema(description = "发证日期 (issued on)") @NotNull LocalDate issuedOn,
      @Schema(description = "有效期至 (valid until; at most 12 months by default)") @NotNull
          LocalDate validUntil) {}

  @Schema(description = "续期，可同时变更流入地 (renew; the host may change)")
  public record RenewCertificate(
      @Schema(description = "续期日期") @NotNull LocalDate renewedOn,
      @Schema(description = "新的有效期至") @NotNull LocalDate validUntil,
      @Schema(description = "新的流入地党支部ID（变更时）") UUID hostOrgId,
      @Schema(description = "新的流入地组织名称（系统外，变更时）") @Size(max = 200) String hostName,
      @Schema(description = "新的外出地点（变更时）") @Size(max = 200) String place) {}

  @Schema(description = "返回原籍，交回活动证 (the member is back; the certificate is returned)")
  public record ReturnCertificate(@NotNull LocalDate returnedOn) {}

  @Schema(description = "流动党员向原党组织报告外出期间情况（每年至少一次） (the yearly report home)")
  public record FileReport(
      @NotNull LocalDate reportedOn,
      @Schema(description = "学习、参加组织生活、交纳党费、发挥作用等情况") @NotBlank @Size(max = 2000) String summary,
      @Schema(description = "流入地党组织意见") @Size(max = 500) String hostOpinion) {}

  @Schema(description = "流动党员活动证 (mobile member certificate)")
  public record CertificateView(
      UUID id,
      @Schema(description = "证号") String certificateNo,
      UUID memberId,
      @Schema(description = "党员姓名") String memberName,
      UUID homeOrgId,
      @Nullable UUID hostOrgId,
      @Schema(description = "流入地组织名称") String hostName,
      String place,
      MobileReason reason,
      @Schema(description = "外出原因中文名") String reasonLabel,
      boolean fixedPlace,
      @Nullable String noTransferReason,
      LocalDate awaySince,
      LocalDate issuedOn,
      LocalDate validUntil,
      MobileStatus status,
      @Schema(description = "状态中文名") String statusLabel,
      @Nullable LocalDate lastReportedOn,
      @Schema(description = "下次报告期限 (next report home due)") @Nullable LocalDate reportDueOn,
      @Schema(description = "已外出月数 (months away, as of today or the closing day)") int monthsAway,
      @Schema(description = "在相对固定地点外出已满6个月，应转接组织关系 (a transfer is now required)")
          boolean transferRequired,
      @Nullable LocalDate closedOn,
      long version) {}

  @Schema(description = "外出情况报告 (a report home)")
  public record ReportView(
      UUID id,
      UUID certificateId,
      LocalDate reportedOn,
      String summary,
      @Nullable String hostOpinion,
      String recordedBy) {}
}
