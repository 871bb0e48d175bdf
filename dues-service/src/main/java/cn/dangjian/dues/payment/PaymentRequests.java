package cn.dangjian.dues.payment;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Request and response records of the payment API. Money is in fen (分). */
public final class PaymentRequests {

  private PaymentRequests() {}

  @Schema(description = "缴纳党费：可同时缴当月、补交（最多6个月）、预交，并可自愿多交")
  public record CreatePayment(
      @Schema(description = "党员ID") @NotNull UUID memberId,
      @Schema(description = "缴纳的月份 yyyy-MM", example = "[\"2026-11\",\"2026-12\"]")
          @NotNull
          @Size(max = 24)
          List<@NotNull @Pattern(regexp = "^\\d{4}-(0[1-9]|1[0-2])$") String> months,
      @Schema(description = "自愿多交金额（分），一次性1000元及以上全部上缴中央") @Min(0) @Max(100_000_000L) Long extraFen,
      @Schema(description = "OFFLINE 线下（党务工作者登记，须填收据号）/ ONLINE 在线支付") @NotNull Channel channel,
      @Schema(description = "线下收据号 (receipt number)") @Size(max = 50) String receiptNo,
      @Schema(
              description =
                  "缴纳人：SELF 本人（默认）、RELATIVE 亲属代缴、OTHER_MEMBER 其他党员代缴；ORGANISATION 组织垫交被禁止")
          @Nullable PaymentPayer payer,
      @Schema(description = "代缴人姓名（亲属或其他党员代缴时必填）") @Size(max = 50) @Nullable String payerName,
      @Schema(description = "缴纳方式：DIRECT 直接缴纳（默认）、PAYROLL_DEDUCTION 工资代扣（须有本人书面委托）")
          @Nullable PaymentMethod method,
      @Schema(description = "本人书面委托代扣的编号或文号（工资代扣时必填）") @Size(max = 100)
          @Nullable String entrustmentRef,
      @Schema(description = "DUES 党费（默认）/ SPECIAL_DUES 特殊党费（只能作为多交，不能抵缴月度党费）")
          @Nullable PaymentDeclaration declaredAs) {}

  @Schema(description = "冲正缴费记录 (reverse a payment)")
  public record Reverse(
      @Schema(description = "冲正原因 (reason)") @NotBlank @Size(max = 300) String reason) {}

  @Schema(description = "缴费记录 (a payment)")
  public record PaymentView(
      UUID id,
      @Schema(description = "党员ID") UUID memberId,
      @Schema(description = "组织ID") UUID orgId,
      Channel channel,
      PaymentStatus status,
      @Schema(description = "状态名称") String statusLabel,
      @Schema(description = "缴纳的月份") List<String> months,
      @Schema(description = "党费金额（分）") long billsFen,
      @Schema(description = "自愿多交（分）") long extraFen,
      @Schema(description = "合计（分）") long totalFen,
      @Schema(description = "合计（元）") String totalYuan,
      @Schema(description = "是否上缴中央（一次性多交1000元及以上）") boolean remitToCentre,
      @Schema(description = "线下收据号") @Nullable String receiptNo,
      @Schema(description = "缴纳人") PaymentPayer payer,
      @Schema(description = "代缴人姓名") @Nullable String payerName,
      @Schema(description = "缴纳方式") PaymentMethod method,
      @Schema(description = "书面委托代扣编号") @Nullable String entrustmentRef,
      @Schema(description = "党费或特殊党费") PaymentDeclaration declaredAs,
      @Schema(description = "支付渠道订单号") @Nullable String providerOrderId,
      @Schema(description = "支付页面地址") @Nullable String payUrl,
      @Schema(description = "登记人") @Nullable String recordedBy,
      Instant createdAt,
      @Schema(description = "订单有效期至") @Nullable Instant expiresAt,
      @Nullable Instant paidAt,
      @Nullable Instant reversedAt,
      @Nullable String reversedBy,
      @Schema(description = "冲正原因") @Nullable String reversalReason,
      @Schema(description = "代收的流入地党组织（流动党员在流入地交纳，计入原党支部） (host org that collected it)")
          @Nullable UUID collectedByOrgId) {}
}
