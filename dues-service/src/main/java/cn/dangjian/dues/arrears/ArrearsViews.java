package cn.dangjian.dues.arrears;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The records the arrears API answers with; schema names are the record names. */
public final class ArrearsViews {

  private ArrearsViews() {}

  @Schema(description = "欠缴党费的党员 (a member in arrears)")
  public record ArrearsRow(
      @Schema(description = "党员ID") UUID memberId,
      @Schema(description = "所在组织ID") UUID orgId,
      @Schema(description = "所在组织名称") @Nullable String orgName,
      @Schema(description = "连续未缴月数") int consecutiveMonths,
      @Schema(description = "自哪个月起未缴") @Nullable String sinceMonth,
      @Schema(description = "欠缴金额（分）") long outstandingFen,
      @Schema(
              description = "党籍状态",
              allowableValues = {
                "ACTIVE",
                "SUSPENDED",
                "WITHDRAWN",
                "PERSUADED_TO_QUIT",
                "STRUCK_OFF",
                "EXPELLED",
                "PROBATION_CANCELLED",
                "PROBATION_NOT_RETAINED",
                "DECEASED",
                "TRANSFERRED_OUT"
              })
          String memberStatus) {}
}
