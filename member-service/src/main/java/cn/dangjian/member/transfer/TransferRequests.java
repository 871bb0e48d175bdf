package cn.dangjian.member.transfer;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Request and response records of the transfer API. */
public final class TransferRequests {

  private TransferRequests() {}

  @Schema(
      description =
          "申请组织关系转接：系统内转到 toOrgId；转出系统外填写 externalOrg；"
              + "从系统外转入由接收支部填写 externalOrg 和介绍信编号 (request a transfer)")
  public record RequestTransfer(
      @Schema(description = "党员ID") @NotNull UUID memberId,
      @Schema(description = "方向 (direction)", example = "INTERNAL") @NotNull
          TransferDirection direction,
      @Schema(description = "接收党支部ID（系统内或转入） (destination branch)") UUID toOrgId,
      @Schema(description = "系统外组织名称 (outside organisation)") @Size(max = 200) String externalOrg,
      @Schema(description = "介绍信编号（转入时必填） (letter number)") @Size(max = 60) String letterNo,
      @Schema(description = "转接原因 (reason)", example = "工作调动") @NotBlank @Size(max = 200)
          String reason,
      @Schema(description = "申请日期 (date)") @NotNull LocalDate requestedOn) {}

  @Schema(description = "办理日期 (date of the step)")
  public record Step(@NotNull LocalDate on) {}

  @Schema(description = "开具介绍信 (issue the letter)")
  public record Issue(
      @NotNull LocalDate on,
      @Schema(description = "介绍信编号 (letter number)") @NotBlank @Size(max = 60) String letterNo,
      @Schema(description = "有效天数，默认90 (validity in days)") @Min(1) @Max(180) Integer validDays) {}

  @Schema(description = "撤销或退回 (revoke or reject)")
  public record Close(@NotBlank @Size(max = 200) String reason) {}

  @Schema(description = "组织关系转接 (transfer)")
  public record TransferView(
      UUID id,
      UUID memberId,
      TransferDirection direction,
      UUID fromOrgId,
      @Nullable UUID toOrgId,
      @Nullable String externalOrg,
      @Nullable String letterNo,
      TransferStatus status,
      @Schema(description = "状态中文名") String statusLabel,
      String reason,
      LocalDate requestedOn,
      @Nullable LocalDate approvedOutOn,
      @Nullable LocalDate issuedOn,
      @Schema(description = "介绍信有效期至 (valid until)") @Nullable LocalDate validUntil,
      @Nullable LocalDate receivedOn,
      @Nullable LocalDate completedOn,
      @Nullable String closedReason,
      long version) {}

  static TransferView view(Transfer t) {
    return new TransferView(
        t.getId(),
        t.getMemberId(),
        t.getDirection(),
        t.getFromOrgId(),
        t.getToOrgId(),
        t.getExternalOrg(),
        t.getLetterNo(),
        t.getStatus(),
        t.getStatus().label(),
        t.getReason(),
        t.getRequestedOn(),
        t.getApprovedOutOn(),
        t.getIssuedOn(),
        t.getValidUntil(),
        t.getReceivedOn(),
        t.getCompletedOn(),
        t.getClosedReason(),
        t.getVersion());
  }
}
