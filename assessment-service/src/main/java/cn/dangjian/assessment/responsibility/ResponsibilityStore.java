package cn.dangjian.assessment.responsibility;

import static cn.dangjian.platform.persistence.Uuids.bytes;
import static cn.dangjian.platform.persistence.Uuids.uuid;

import cn.dangjian.assessment.responsibility.ResponsibilityViews.Goal;
import cn.dangjian.assessment.responsibility.ResponsibilityViews.Task;
import cn.dangjian.platform.persistence.UuidV7;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** resp_goal, resp_task and resp_progress: goals, tasks and progress reports. */
@Repository
class ResponsibilityStore {

  private static final String TASK_COLUMNS =
      "id, goal_id, org_id, title, responsibility, owner_org_id, owner_member_id, owner_name,"
          + " deadline, progress, status, completed_on, row_version, org_path";

  /** A goal's org and its path (tasks are owned within it). */
  record GoalOrg(UUID orgId, String path) {}

  /** A task with the path of its goal's org (for the scope check and events). */
  record Located(Task task, String orgPath) {}

  private final JdbcTemplate jdbc;

  ResponsibilityStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Maps task rows; a task not done and past its deadline on {@code today} is overdue. */
  private static RowMapper<Located> taskMapper(LocalDate today) {
    return (rs, n) -> {
      LocalDate deadline = rs.getObject(9, LocalDate.class);
      String status = rs.getString(11);
      Task task =
          new Task(
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
              !ResponsibilityService.DONE.equals(status) && deadline.isBefore(today),
              rs.getLong(13));
      return new Located(task, rs.getString(14));
    };
  }

  // --- goals

  void insertGoal(Goal g, String orgPath, String createdBy, Instant at) {
    jdbc.update(
        "INSERT INTO resp_goal (id, org_id, org_path, title, description, start_year, end_year,"
            + " created_by, created_at) VALUES (?,?,?,?,?,?,?,?,?)",
        bytes(g.id()),
        bytes(g.orgId()),
        orgPath,
        g.title(),
        g.description(),
        g.startYear(),
        g.endYear(),
        createdBy,
        Timestamp.from(at));
  }

  Optional<GoalOrg> goalOrg(UUID goalId) {
    return jdbc
        .query(
            "SELECT org_id, org_path FROM resp_goal WHERE id = ?",
            (rs, n) -> new GoalOrg(uuid(rs.getBytes(1)), rs.getString(2)),
            bytes(goalId))
        .stream()
        .findFirst();
  }

  List<Goal> goals(UUID orgId) {
    return jdbc.query(
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
        bytes(orgId));
  }

  // --- tasks

  void insertTask(Task t, String orgPath, String createdBy, Instant at) {
    jdbc.update(
        "INSERT INTO resp_task (id, goal_id, org_id, org_path, title, responsibility,"
            + " owner_org_id, owner_member_id, owner_name, deadline, progress, status,"
            + " row_version, created_by, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        bytes(t.id()),
        bytes(t.goalId()),
        bytes(t.orgId()),
        orgPath,
        t.title(),
        t.responsibility(),
        bytes(t.ownerOrgId()),
        bytes(t.ownerMemberId()),
        t.ownerName(),
        t.deadline(),
        t.progress(),
        t.status(),
        t.version(),
        createdBy,
        Timestamp.from(at));
  }

  Optional<Located> task(UUID id, LocalDate today) {
    return jdbc
        .query(
            "SELECT " + TASK_COLUMNS + " FROM resp_task WHERE id = ?", taskMapper(today), bytes(id))
        .stream()
        .findFirst();
  }

  /** The tasks of an org's goals and those it owns, by deadline (at most 2000). */
  List<Task> tasks(UUID orgId, LocalDate today) {
    return jdbc
        .query(
            "SELECT "
                + TASK_COLUMNS
                + " FROM resp_task WHERE org_id = ? OR owner_org_id = ? ORDER BY deadline LIMIT"
                + " 2000",
            taskMapper(today),
            bytes(orgId),
            bytes(orgId))
        .stream()
        .map(Located::task)
        .toList();
  }

  /** Serialises reports on one task (held until the transaction ends). */
  void lockTask(UUID id) {
    jdbc.queryForList("SELECT id FROM resp_task WHERE id = ? FOR UPDATE", bytes(id));
  }

  void updateProgress(UUID id, int progress, String status, LocalDate completedOn) {
    jdbc.update(
        "UPDATE resp_task SET progress = ?, status = ?, completed_on = ?, row_version ="
            + " row_version + 1 WHERE id = ?",
        progress,
        status,
        completedOn,
        bytes(id));
  }

  void insertProgress(UUID taskId, int progress, String note, String reportedBy, Instant at) {
    jdbc.update(
        "INSERT INTO resp_progress (id, task_id, progress, note, reported_by, reported_at) VALUES"
            + " (?,?,?,?,?,?)",
        bytes(UuidV7.next()),
        bytes(taskId),
        progress,
        note,
        reportedBy,
        Timestamp.from(at));
  }

  /** Open tasks past their deadline before {@code asOf} and not announced yet, locked. */
  List<Located> overdueUnannounced(LocalDate asOf, LocalDate today) {
    return jdbc.query(
        "SELECT "
            + TASK_COLUMNS
            + " FROM resp_task WHERE status = 'OPEN' AND deadline < ? AND overdue_notified_on"
            + " IS NULL ORDER BY deadline LIMIT 10000 FOR UPDATE",
        taskMapper(today),
        asOf);
  }

  void markAnnounced(UUID id, LocalDate asOf) {
    jdbc.update("UPDATE resp_task SET overdue_notified_on = ? WHERE id = ?", asOf, bytes(id));
  }
}
