package cn.dangjian.member.org;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Request and response records of the org API. */
public final class OrgRequests {

  private OrgRequests() {}

  @Schema(description = "创建党组织 (create an organisation)")
  public record CreateOrg(
      @Schema(description = "上级组织ID；为空表示创建根组织（仅平台管理员） (parent; null creates a root)") UUID parentId,
      @Schema(description = "组织全称 (full name)", example = "城关镇第一党支部") @NotBlank @Size(max = 100)
          String name,
      @Schema(description = "组织类型 (organisation type)", example = "BRANCH") @NotNull
          OrgType type) {}

  @Schema(description = "修改党组织名称 (rename an organisation)")
  public record RenameOrg(
      @Schema(description = "新的组织全称 (new full name)", example = "城关镇第二党支部")
          @NotBlank
          @Size(max = 100)
          String name) {}

  @Schema(description = "调整隶属关系：将组织及其全部下级移到新的上级下 (move a subtree)")
  public record MoveOrg(@Schema(description = "新的上级组织ID (new parent)") @NotNull UUID newParentId) {}

  @Schema(description = "撤销党组织 (dissolve)")
  public record DissolveOrg(
      @Schema(description = "撤销日期 (date)", example = "2026-11-20") @NotNull
          java.time.LocalDate dissolvedOn,
      @Schema(description = "原因或批复文号 (reason / approval)") @NotBlank @Size(max = 200)
          String reason) {}

  @Schema(description = "组织变更历史 (history entry)")
  public record OrgHistoryView(
      @Schema(description = "CREATED / RENAMED / MOVED / DISSOLVED") String changeType,
      @Nullable String oldValue,
      @Nullable String newValue,
      String changedBy,
      Instant changedAt) {}

  @Schema(description = "党组织 (organisation)")
  public record OrgResponse(
      @Schema(description = "组织ID") UUID id,
      @Schema(description = "上级组织ID (parent)") @Nullable UUID parentId,
      @Schema(description = "组织全称 (name)") String name,
      @Schema(description = "组织类型 (type)") OrgType type,
      @Schema(description = "组织类型中文名 (type label)", example = "党支部") String typeLabel,
      @Schema(description = "物化路径 /根ID/…/本ID/ (materialised path)") String path,
      @Schema(description = "层级，根为1 (depth)") int depth,
      @Schema(description = "状态 (status)") OrgStatus status,
      @Schema(description = "撤销日期 (dissolved on)") java.time.@Nullable LocalDate dissolvedOn,
      @Schema(
              description =
                  "组织设置预警代码，如 fewer-than-three-formal-members、committee-required、"
                      + "more-than-fifty-members (structural warnings)")
          java.util.List<String> structureWarnings,
      @Schema(description = "版本号，用于 If-Match (version)") long version,
      @Schema(description = "创建时间 (created at)") Instant createdAt,
      @Schema(description = "更新时间 (updated at)") Instant updatedAt) {}
}
