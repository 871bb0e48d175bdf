package cn.dangjian.member.org;

import cn.dangjian.events.member.Affiliation;
import cn.dangjian.events.member.UnitType;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Request and response records of the org API. */
public final class OrgRequests {

  /** The code lists of the 党内统计 classifications of an organisation's unit. */
  static final String UNIT_TYPE_CODES =
      "单位类型代码 (unit type code): PARTY_GOVERNMENT_ORGAN 党政机关、PUBLIC_INSTITUTION 事业单位、"
          + "STATE_OWNED_ENTERPRISE 国有及国有控股企业、COLLECTIVE_ENTERPRISE 集体企业、NON_PUBLIC_ENTERPRISE"
          + " 非公有制企业、SOCIAL_ORGANIZATION 社会组织、TOWNSHIP 乡镇、SUBDISTRICT 街道、ADMINISTRATIVE_VILLAGE"
          + " 行政村、COMMUNITY 社区（居委会）、OTHER 其他、UNSPECIFIED 未填";

  static final String AFFILIATION_CODES =
      "隶属关系代码，即单位所属的政府层级 (affiliation: the unit's level of government): CENTRAL 中央、"
          + "PROVINCIAL 省（区、市）、PREFECTURAL 地（市、州、盟）、COUNTY 县（市、区、旗）、TOWNSHIP 乡镇、街道、"
          + "OTHER 其他、UNSPECIFIED 未填";

  private OrgRequests() {}

  @Schema(description = "创建党组织 (create an organisation)")
  public record CreateOrg(
      @Schema(description = "上级组织ID；为空表示创建根组织（仅平台管理员） (parent; null creates a root)") UUID parentId,
      @Schema(description = "组织全称 (full name)", example = "城关镇第一党支部") @NotBlank @Size(max = 100)
          String name,
      @Schema(description = "组织类型 (organisation type)", example = "BRANCH") @NotNull OrgType type,
      @Schema(
              description = UNIT_TYPE_CODES + "。不填为 UNSPECIFIED (absent: UNSPECIFIED)",
              example = "ADMINISTRATIVE_VILLAGE")
          @Nullable UnitType unitType,
      @Schema(
              description = AFFILIATION_CODES + "。不填为 UNSPECIFIED (absent: UNSPECIFIED)",
              example = "COUNTY")
          @Nullable Affiliation affiliation) {}

  @Schema(description = "修改党组织名称 (rename an organisation)")
  public record RenameOrg(
      @Schema(description = "新的组织全称 (new full name)", example = "城关镇第二党支部")
          @NotBlank
          @Size(max = 100)
          String name) {}

  @Schema(description = "修改党组织所在单位的单位类型和隶属关系（党内统计） (change the unit's classification)")
  public record ChangeOrgUnit(
      @Schema(description = UNIT_TYPE_CODES, example = "ADMINISTRATIVE_VILLAGE") @NotNull
          UnitType unitType,
      @Schema(description = AFFILIATION_CODES, example = "COUNTY") @NotNull
          Affiliation affiliation) {}

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
      @Schema(description = "CREATED / RENAMED / MOVED / DISSOLVED / UNIT_CHANGED")
          String changeType,
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
      @Schema(description = UNIT_TYPE_CODES) UnitType unitType,
      @Schema(description = "单位类型中文名 (unit type label)", example = "行政村") String unitTypeLabel,
      @Schema(description = AFFILIATION_CODES) Affiliation affiliation,
      @Schema(description = "隶属关系中文名 (affiliation label)", example = "县（市、区、旗）")
          String affiliationLabel,
      @Schema(description = "版本号，用于 If-Match (version)") long version,
      @Schema(description = "创建时间 (created at)") Instant createdAt,
      @Schema(description = "更新时间 (updated at)") Instant updatedAt) {}
}
