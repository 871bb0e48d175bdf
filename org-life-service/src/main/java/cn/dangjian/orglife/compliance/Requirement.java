package cn.dangjian.orglife.compliance;

import io.swagger.v3.oas.annotations.media.Schema;

/** A frequency requirement for one org type and meeting type. */
@Schema(description = "会议频次要求 (a frequency requirement)")
public record Requirement(
    @Schema(description = "组织类型", example = "BRANCH") String orgType,
    @Schema(description = "会议类型", example = "COMMITTEE_MEETING") String meetingType,
    @Schema(description = "周期") PeriodUnit unit,
    @Schema(description = "每个周期最少次数") int minCount,
    @Schema(description = "是否启用") boolean enabled,
    @Schema(description = "依据", example = "ZB Art 12") String basis,
    long version) {}
