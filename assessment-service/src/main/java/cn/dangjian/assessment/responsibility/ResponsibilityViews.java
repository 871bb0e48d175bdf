package cn.dangjian.assessment.responsibility;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What the responsibility-list API answers with. */
public final class ResponsibilityViews {

  private ResponsibilityViews() {}

  @Schema(description = "目标 (a goal)")
  public record Goal(
      UUID id,
      UUID orgId,
      String title,
      @Nullable String description,
      int startYear,
      int endYear) {}

  @Schema(description = "任务及责任人 (a task with its owner)")
  public record Task(
      UUID id,
      UUID goalId,
      UUID orgId,
      String title,
      @Schema(description = "责任内容") String responsibility,
      UUID ownerOrgId,
      @Nullable UUID ownerMemberId,
      String ownerName,
      LocalDate deadline,
      int progress,
      @Schema(
              description = "OPEN 进行中 / DONE 已完成",
              allowableValues = {"OPEN", "DONE"})
          String status,
      @Nullable LocalDate completedOn,
      boolean overdue,
      long version) {}

  @Schema(description = "三张清单 (the goal, task and responsibility lists of an org)")
  public record Lists(
      UUID orgId, List<Goal> goals, List<Task> tasks, Map<String, List<Task>> responsibilities) {}
}
