package cn.dangjian.orglife.training;

import static cn.dangjian.platform.persistence.Uuids.bytes;
import static cn.dangjian.platform.persistence.Uuids.uuid;

import cn.dangjian.orglife.training.TrainingViews.LessonView;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Courses, the micro-lesson catalogue and the studies of micro-lessons. */
@Repository
class TrainingStore {

  private final JdbcTemplate jdbc;

  TrainingStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** An active micro-lesson as a study needs it. */
  record Lesson(String orgPath, int durationMinutes, int hoursTenths) {}

  void insertCourse(
      UUID id,
      UUID orgId,
      String orgPath,
      TrainingKind kind,
      String title,
      String provider,
      LocalDate startOn,
      LocalDate endOn,
      int tenths,
      String by,
      Instant at) {
    jdbc.update(
        "INSERT INTO training_course (id, org_id, org_path, kind, title, provider, start_on,"
            + " end_on, hours_tenths, created_by, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        bytes(id),
        bytes(orgId),
        orgPath,
        kind.name(),
        title,
        provider,
        java.sql.Date.valueOf(startOn),
        java.sql.Date.valueOf(endOn),
        tenths,
        by,
        Timestamp.from(at));
  }

  void insertLesson(
      UUID id,
      UUID orgId,
      String orgPath,
      String title,
      String summary,
      int durationMinutes,
      int tenths,
      String by,
      Instant at) {
    jdbc.update(
        "INSERT INTO micro_lesson (id, org_id, org_path, title, summary, duration_minutes,"
            + " hours_tenths, active, created_by, created_at) VALUES (?,?,?,?,?,?,?,TRUE,?,?)",
        bytes(id),
        bytes(orgId),
        orgPath,
        title,
        summary,
        durationMinutes,
        tenths,
        by,
        Timestamp.from(at));
  }

  /**
   * Active lessons, newest first (at most 500): all of them for a null path, otherwise those
   * published at the path, above it or below it.
   */
  List<LessonView> lessons(String path) {
    List<Object> args = new ArrayList<>();
    String where = "";
    if (path != null) {
      where = " WHERE (? LIKE CONCAT(org_path, '%') OR org_path LIKE ?)";
      args.add(path);
      args.add(path + "%");
    }
    return jdbc.query(
        "SELECT id, org_id, title, summary, duration_minutes, hours_tenths, org_path FROM"
            + " micro_lesson"
            + where
            + (where.isEmpty() ? " WHERE" : " AND")
            + " active = TRUE ORDER BY created_at DESC LIMIT 500",
        (rs, n) ->
            new LessonView(
                uuid(rs.getBytes(1)),
                uuid(rs.getBytes(2)),
                rs.getString(3),
                rs.getString(4),
                rs.getInt(5),
                TrainingRules.hours(rs.getInt(6))),
        args.toArray());
  }

  Optional<Lesson> activeLesson(UUID lessonId) {
    return jdbc
        .query(
            "SELECT org_path, duration_minutes, hours_tenths FROM micro_lesson WHERE id = ? AND"
                + " active = TRUE",
            (rs, n) -> new Lesson(rs.getString(1), rs.getInt(2), rs.getInt(3)),
            (Object) bytes(lessonId))
        .stream()
        .findFirst();
  }

  /** Locks the member's projection row until the transaction ends. */
  void lockMember(UUID memberId) {
    jdbc.queryForList(
        "SELECT member_id FROM proj_member WHERE member_id = ? FOR UPDATE",
        (Object) bytes(memberId));
  }

  void insertStudy(
      UUID id,
      UUID lessonId,
      UUID memberId,
      LocalDate on,
      int minutesWatched,
      TrainingRules.StudyCredit credit,
      Instant at) {
    jdbc.update(
        "INSERT INTO lesson_study (id, lesson_id, member_id, studied_on, minutes_watched,"
            + " credited_tenths, outcome, created_at) VALUES (?,?,?,?,?,?,?,?)",
        bytes(id),
        bytes(lessonId),
        bytes(memberId),
        java.sql.Date.valueOf(on),
        minutesWatched,
        credit.creditedTenths(),
        credit.outcome().name(),
        Timestamp.from(at));
  }

  /** Micro-lesson tenths already credited to the member on that day. */
  int microLessonTenthsOn(UUID memberId, LocalDate day) {
    Integer n =
        jdbc.queryForObject(
            "SELECT COALESCE(SUM(credited_tenths), 0) FROM lesson_study WHERE member_id = ? AND"
                + " studied_on = ?",
            Integer.class,
            bytes(memberId),
            java.sql.Date.valueOf(day));
    return n == null ? 0 : n;
  }
}
