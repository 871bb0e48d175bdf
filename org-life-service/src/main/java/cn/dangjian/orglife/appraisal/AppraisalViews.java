package cn.dangjian.orglife.appraisal;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Response records of the appraisal API. */
public final class AppraisalViews {

  private AppraisalViews() {}

  @Schema(description = "一名党员的评议等次 (a member's grade)")
  public record GradeView(
      UUID memberId, int year, Grade grade, String gradeLabel, @Nullable UUID meetingId) {}

  @Schema(description = "支部年度评议结果 (a branch's grades for a year)")
  public record BranchGrades(
      UUID orgId,
      int year,
      @Schema(description = "正式党员数") int fullMembers,
      @Schema(description = "优秀名额上限") int maxExcellent,
      List<GradeView> grades) {}
}
