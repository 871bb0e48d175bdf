package cn.dangjian.member.community;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Request and response records of the 在职党员到社区报到 API. */
public final class CommunityRequests {

  private CommunityRequests() {}

  @Schema(description = "在职党员到社区报到 (register with a community 党组织)")
  public record Register(
      @Schema(description = "党员ID") @NotNull UUID memberId,
      @Schema(description = "居住地社区党组织ID（可在其他辖区） (community org)") @NotNull UUID communityOrgId,
      @Schema(description = "报到日期") @NotNull LocalDate registeredOn) {}

  @Schema(description = "结束报到（搬离等） (end the registration)")
  public record End(@NotNull LocalDate endedOn) {}

  @Schema(description = "社区记录一次服务活动 (the community records a service activity)")
  public record RecordService(
      @NotNull LocalDate servedOn,
      @Schema(description = "时长（小时，≤8）", example = "2.5")
          @NotNull
          @DecimalMin("0.1")
          @DecimalMax("8")
          BigDecimal hours,
      @Schema(description = "活动内容", example = "社区环境整治志愿服务") @NotBlank @Size(max = 200)
          String activity) {}

  @Schema(description = "社区报到 (a registration)")
  public record RegistrationView(
      UUID id,
      UUID memberId,
      @Schema(description = "党员姓名") String memberName,
      @Schema(description = "党员所在党支部") UUID memberOrgId,
      UUID communityOrgId,
      @Schema(description = "社区党组织名称") String communityOrgName,
      LocalDate registeredOn,
      @Nullable LocalDate endedOn,
      @Schema(
              description = "ACTIVE 报到中 / ENDED 已结束",
              allowableValues = {"ACTIVE", "ENDED"})
          String status,
      @Schema(description = "服务次数") long services,
      @Schema(description = "服务总时长（小时）") BigDecimal serviceHours,
      long version) {}

  @Schema(description = "服务活动 (a service activity)")
  public record ServiceView(
      UUID id,
      UUID registrationId,
      LocalDate servedOn,
      BigDecimal hours,
      String activity,
      String recordedBy) {}
}
