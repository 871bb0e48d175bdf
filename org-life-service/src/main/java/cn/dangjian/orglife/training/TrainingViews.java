package cn.dangjian.orglife.training;

import cn.dangjian.orglife.training.TrainingRules.Role;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Response records of the training API. */
public final class TrainingViews {

  private TrainingViews() {}

  @Schema(description = "集中培训或书记轮训 (a course) 及记入学时的党员")
  public record CourseView(
      UUID id,
      UUID orgId,
      TrainingKind kind,
      String title,
      @Nullable String provider,
      LocalDate startOn,
      LocalDate endOn,
      BigDecimal hours,
      List<UUID> creditedMemberIds) {}

  @Schema(description = "微党课 (a micro-lesson)")
  public record LessonView(
      UUID id,
      UUID orgId,
      String title,
      @Nullable String summary,
      int durationMinutes,
      BigDecimal hours) {}

  @Schema(description = "一次微党课学习及记入的学时 (a study and its credit)")
  public record StudyView(
      UUID id,
      UUID lessonId,
      UUID memberId,
      LocalDate studiedOn,
      int minutesWatched,
      @Schema(description = "本次记入学时（每日上限、重复学习、未学完时为0或部分）") BigDecimal creditedHours,
      TrainingRules.StudyOutcome outcome,
      @Schema(description = "当年累计学时") BigDecimal yearTotalHours) {}

  @Schema(description = "党员年度学时与要求 (a member's year against the requirement)")
  public record MemberYear(
      UUID memberId,
      int year,
      Role role,
      @Schema(description = "已记入学时") BigDecimal creditedHours,
      @Schema(description = "要求学时（党员32，书记和支委56）") BigDecimal requiredHours,
      @Schema(description = "书记轮训次数") int rotations,
      int requiredRotations,
      boolean met,
      Map<TrainingKind, BigDecimal> byKind) {}

  @Schema(description = "辖区党员年度学时达标情况 (the subtree's members against the requirement)")
  public record OrgYear(
      UUID orgId, int year, int members, int met, List<MemberYear> shortOfRequirement) {}
}
