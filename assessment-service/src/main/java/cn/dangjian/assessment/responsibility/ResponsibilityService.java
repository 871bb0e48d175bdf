package cn.dangjian.assessment.responsibility;

import static cn.dangjian.platform.projection.Uuids.bytes;
import static cn.dangjian.platform.projection.Uuids.uuid;

import cn.dangjian.assessment.Access;
import cn.dangjian.assessment.AssessmentProperties;
import cn.dangjian.events.EventTypes;
import cn.dangjian.events.assessment.TaskOverdue;
import cn.dangjian.platform.events.DomainEventPublisher;
import cn.dangjian.platform.persistence.UuidV7;
import cn.dangjian.platform.problem.ProblemException;
import cn.dangjian.platform.projection.MemberProjection;
import cn.dangjian.platform.projection.ProjectedOrg;
import io.swagger.v3.oas.annotations.media.Schema;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 目标清单 / 任务清单 / 责任清单: goals of the three-year plan, tasks with an owner (an org or a person) and a
 * deadline, progress reports; an unfinished task past its deadline is announced once as {@code
 * assessment.task-overdue}, and the share done on time feeds an indicator.
 */
@Service
public class ResponsibilityService {

  public static final String OPEN = "OPEN";
  public static final String DONE = "DONE";

  private final JdbcTemplate jdbc;
  private final Access access;
  private final MemberProjection projection;
  private final DomainEventPublisher events;
  private final AssessmentProperties properties;
  private final Clock clock;

  ResponsibilityService(
      JdbcTemplate jdbc,
      Access access,
      MemberProjection projection,
      DomainEventPublisher events,
      AssessmentProperties properties,
      Clock clock) {
    this.jdbc = jdbc;
    this.access = access;
    this.projection = projection;
    this.events = events;
    this.properties = properties;
    this.clock = clock;
  }

  @Schema(description = "目标 (a goal)")
  public record Goal(
      UUID id, UUID orgId, String title, String description, int startYear, int endYear) {}

  @Schema(description = "任务及责任人 (a task with its owner)")
  public record Task(
      UUID id,
      UUID goalId,
      UUID orgId,
      String title,
      @Schema(description = "责任内容") String responsibility,
      UUID ownerOrgId,
      UUID ownerMemberId,
      String ownerName,
      LocalDate deadline,
      int progress,
      String status,
      LocalDate completedOn,
      boolean overdue,
      long rowVersion) {}

  @Schema(description = "三张清单 (the goal, task and responsibility lists of an org)")
  public record Lists(
      UUID orgId, List<Goal> goals, List<Task> tasks, Map<String, List<Task>> responsibilities) {}

  private static final String TASK_COLUMNS =
      "id, goal_id, org_id, title, responsibility, owner_org_id, owner_member_id, owner_name,"
          + " deadline, progress, status, completed_on, row_version, org_path";

  private RowMapper<Task> taskMapper() {
    LocalDate today = today();
    return (rs, n) -> {
      LocalDate deadline = rs.getObject(9, LocalDate.class);
      String status = rs.getString(11);
      return new Task(
          uuid(rs.getBytes(1)),
          uuid(rs.getBytes(2)),
          uuid(rs.getBytes(3)),
          rs.getString(4),
          rs.getString(5),
          uuid(rs.getBytes(6)),
          uuid(rs.getBytes(7)),
          rs.getString(8),
          deadline,
          rs.getInt(10),
          status,
          rs.getObject(12, LocalDate.class),
          !DONE.equals(status) && deadline.isBefore(today),
          rs.getLong(13));
    };
  }

  @Transactional
  public Goal createGoal(UUID orgId, String title, String description, int from, int to) {
    ProjectedOrg org = access.orgInScope(orgId);
    if (to < from || to - from > 4) {
      throw ProblemException.businessRule("goal-years", "responsibility.rule.goal-years");
    }
    UUID id = UuidV7.next();
    jdbc.update(
        "INSERT INTO resp_goal (id, org_id, org_path, title, description, start_year, end_year,"
            + " created_by, created_at) VALUES (?,?,?,?,?,?,?,?,?)",
        bytes(id),
        bytes(org.orgId()),
        org.path(),
        title,
        description,
        from,
        to,
        access.username(),
        Timestamp.from(clock.instant()));
    return new Goal(id, orgId, title, description, from, to);
  }

  /** A task under a goal, owned by an org of the goal's subtree or by one of its members. */
  @Transactional
  public Task createTask(
      UUID goalId,
      String title,
      String responsibility,
      UUID ownerOrgId,
      UUID ownerMemberId,
      String ownerName,
      LocalDate deadline) {
    Map<String, Object> goal = goal(goalId);
    String goalPath = (String) goal.get("org_path");
    if ((ownerOrgId == null) == (ownerMemberId == null)) {
      throw ProblemException.businessRule("task-one-owner", "responsibility.rule.one-owner");
    }
    if (ownerOrgId != null) {
      ProjectedOrg owner = access.orgInScope(ownerOrgId);
      if (!owner.path().startsWith(goalPath)) {
        throw ProblemException.businessRule(
            "owner-under-goal-org", "responsibility.rule.owner-under-goal");
      }
    } else {
      UUID member = ownerMemberId;
      projection
          .member(member)
          .filter(x -> x.orgPath().startsWith(goalPath))
          .orElseThrow(() -> ProblemException.notFound("member.not-found", member));
    }
    UUID id = UuidV7.next();
    jdbc.update(
        "INSERT INTO resp_task (id, goal_id, org_id, org_path, title, responsibility,"
            + " owner_org_id, owner_member_id, owner_name, deadline, progress, status,"
            + " row_version, created_by, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        bytes(id),
        bytes(goalId),
        (byte[]) goal.get("org_id"),
        goalPath,
        title,
        responsibility,
        bytes(ownerOrgId),
        bytes(ownerMemberId),
        ownerName,
        deadline,
        0,
        OPEN,
        0L,
        access.username(),
        Timestamp.from(clock.instant()));
    return task(id);
  }

  /** A progress report; 100 % completes the task (on the day reported). */
  @Transactional
  public Task progress(UUID taskId, long expected, int progress, String note) {
    Task t = task(taskId);
    jdbc.queryForList("SELECT id FROM resp_task WHERE id = ? FOR UPDATE", bytes(taskId));
    t = task(taskId);
    if (t.rowVersion() != expected) {
      throw ProblemException.preconditionFailed();
    }
    if (DONE.equals(t.status())) {
      throw ProblemException.businessRule("task-done", "responsibility.rule.task-done");
    }
    if (progress < t.progress()) {
      throw ProblemException.businessRule(
          "progress-not-backwards", "responsibility.rule.progress-backwards", t.progress());
    }
    boolean done = progress >= 100;
    jdbc.update(
        "UPDATE resp_task SET progress = ?, status = ?, completed_on = ?, row_version ="
            + " row_version + 1 WHERE id = ?",
        Math.min(100, progress),
        done ? DONE : OPEN,
        done ? today() : null,
        bytes(taskId));
    jdbc.update(
        "INSERT INTO resp_progress (id, task_id, progress, note, reported_by, reported_at) VALUES"
            + " (?,?,?,?,?,?)",
        bytes(UuidV7.next()),
        bytes(taskId),
        progress,
        note,
        access.username(),
        Timestamp.from(clock.instant()));
    return task(taskId);
  }

  @Transactional(readOnly = true)
  public Task task(UUID id) {
    return jdbc
        .query("SELECT " + TASK_COLUMNS + " FROM resp_task WHERE id = ?", taskMapper(), bytes(id))
        .stream()
        .filter(t -> access.scope().coversPath(pathOf(t)))
        .findFirst()
        .orElseThrow(() -> ProblemException.notFound("task.not-found", id));
  }

  private String pathOf(Task t) {
    return jdbc.queryForObject(
        "SELECT org_path FROM resp_task WHERE id = ?", String.class, bytes(t.id()));
  }

  /** The three lists of an org: its goals, their tasks, and the tasks grouped by owner. */
  @Transactional(readOnly = true)
  public Lists lists(UUID orgId) {
    ProjectedOrg org = access.orgInScope(orgId);
    List<Goal> goals =
        jdbc.query(
            "SELECT id, org_id, title, description, start_year, end_year FROM resp_goal WHERE"
                + " org_id = ? ORDER BY start_year, created_at",
            (rs, n) ->
                new Goal(
                    uuid(rs.getBytes(1)),
                    uuid(rs.getBytes(2)),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getInt(5),
                    rs.getInt(6)),
            bytes(org.orgId()));
    List<Task> tasks =
        jdbc.query(
            "SELECT "
                + TASK_COLUMNS
                + " FROM resp_task WHERE org_id = ? OR owner_org_id = ? ORDER BY deadline LIMIT"
                + " 2000",
            taskMapper(),
            bytes(org.orgId()),
            bytes(org.orgId()));
    Map<String, List<Task>> byOwner = new LinkedHashMap<>();
    for (Task t : tasks) {
      byOwner.computeIfAbsent(t.ownerName(), k -> new java.util.ArrayList<>()).add(t);
    }
    return new Lists(org.orgId(), goals, tasks, byOwner);
  }

  /**
   * Announces every unfinished task whose deadline passed before {@code asOf} and that was not
   * announced yet; returns how many.
   */
  @Transactional
  public int overdueCheck(LocalDate asOf) {
    List<Task> overdue =
        jdbc.query(
            "SELECT "
                + TASK_COLUMNS
                + " FROM resp_task WHERE status = 'OPEN' AND deadline < ? AND overdue_notified_on"
                + " IS NULL ORDER BY deadline LIMIT 10000 FOR UPDATE",
            taskMapper(),
            asOf);
    for (Task t : overdue) {
      String path =
          jdbc.queryForObject(
              "SELECT org_path FROM resp_task WHERE id = ?", String.class, bytes(t.id()));
      jdbc.update("UPDATE resp_task SET overdue_notified_on = ? WHERE id = ?", asOf, bytes(t.id()));
      events.publish(
          EventTypes.ASSESSMENT_TASK_OVERDUE,
          t.id().toString(),
          path,
          new TaskOverdue(
              t.id(),
              t.goalId(),
              t.orgId(),
              t.ownerOrgId(),
              t.ownerMemberId(),
              t.title(),
              t.deadline(),
              t.progress(),
              asOf));
    }
    return overdue.size();
  }

  private Map<String, Object> goal(UUID goalId) {
    List<Map<String, Object>> rows =
        jdbc.queryForList("SELECT org_id, org_path FROM resp_goal WHERE id = ?", bytes(goalId));
    if (rows.isEmpty() || !access.scope().coversPath((String) rows.get(0).get("org_path"))) {
      throw ProblemException.notFound("goal.not-found", goalId);
    }
    return rows.get(0);
  }

  public LocalDate today() {
    return LocalDate.now(clock.withZone(properties.getZone()));
  }
}
