package cn.dangjian.member.statistics;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.UUID;

@Schema(description = "年度党内统计报表 (the annual report tables of a subtree)")
public record AnnualTablesView(
    @Schema(description = "统计范围：组织ID（含全部下级）") UUID orgId,
    @Schema(description = "组织名称") String orgName,
    @Schema(description = "年度", example = "2026") int year,
    @Schema(description = "表1至表5") List<AnnualTable> tables) {}
