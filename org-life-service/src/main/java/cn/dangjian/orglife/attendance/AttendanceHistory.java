package cn.dangjian.orglife.attendance;

import static cn.dangjian.platform.projection.Uuids.bytes;
import static cn.dangjian.platform.projection.Uuids.uuid;

import cn.dangjian.orglife.meeting.AbsenceReason;
import cn.dangjian.platform.problem.ProblemException;
import cn.dangjian.platform.projection.MemberProjection;
import cn.dangjian.platform.scope.DataScope;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A member's organisational life over a period: every recorded meeting they were expected at or
 * attended, and per month whether they attended an approved one (what the "absent 3/5/6 consecutive
 * months" rule counts).
 */
@Service
public class AttendanceHistory {

  private final JdbcTemplate jdbc;
  private final MemberProjection projection;

  AttendanceHistory(JdbcTemplate jdbc, MemberProjection projection) {
    this.jdbc = jdbc;
    this.projection = projection;
  }

  @Schema(description = "一次会议的出席情况 (one meeting)")
  public record Entry(
      UUID meetingId,
      UUID orgId,
      String meetingType,
      LocalDate heldOn,
      String status,
      @Schema(description = "是否应到人员（否则列席）") boolean expected,
      boolean present,
      AbsenceReason absenceReason) {}

  @Schema(description = "一个月是否参加了（已审核的）组织生活 (one month)")
  public record Month(String month, boolean attended, int absences) {}

  @Schema(description = "党员参加组织生活情况 (a member's organisational life)")
  public record History(
      UUID memberId,
      LocalDate from,
      LocalDate to,
      List<Month> months,
      @Schema(description = "截至期末连续未参加的月数") int consecutiveMonthsAbsent,
      List<Entry> meetings) {}

  @Transactional(readOnly = true)
  public History of(UUID memberId, LocalDate from, LocalDate to, DataScope scope) {
    boolean visible =
        switch (scope.kind()) {
          case ALL -> true;
          case SELF -> memberId.equals(scope.selfMemberId());
          case SUBTREE ->
              projection.member(memberId).map(m -> scope.coversPath(m.orgPath())).orElse(false);
          case NOTHING -> false;
        };
    if (!visible) {
      throw ProblemException.notFound("member.not-found", memberId);
    }
    if (to.isBefore(from) || from.plusYears(3).isBefore(to)) {
      throw ProblemException.badRequest("attendance.rule.range");
    }
    List<Entry> entries =
        jdbc.query(
            "SELECT m.id, m.org_id, m.meeting_type, m.held_on, m.status, a.expected, a.present,"
                + " a.absence_reason FROM meeting_attendance a JOIN meeting m ON m.id ="
                + " a.meeting_id WHERE a.member_id = ? AND m.held_on BETWEEN ? AND ? AND m.status"
                + " NOT IN ('PLANNED','CANCELLED') ORDER BY m.held_on, m.starts_at",
            (rs, n) -> {
              String reason = rs.getString(8);
              return new Entry(
                  uuid(rs.getBytes(1)),
                  uuid(rs.getBytes(2)),
                  rs.getString(3),
                  rs.getDate(4).toLocalDate(),
                  rs.getString(5),
                  rs.getBoolean(6),
                  rs.getBoolean(7),
                  reason == null ? null : AbsenceReason.valueOf(reason));
            },
            bytes(memberId),
            java.sql.Date.valueOf(from),
            java.sql.Date.valueOf(to));
    Set<YearMonth> attended = new HashSet<>();
    List<Month> months = new ArrayList<>();
    for (Entry e : entries) {
      if (e.present() && ("APPROVED".equals(e.status()) || "ARCHIVED".equals(e.status()))) {
        attended.add(YearMonth.from(e.heldOn()));
      }
    }
    int run = 0;
    for (YearMonth ym = YearMonth.from(from);
        !ym.isAfter(YearMonth.from(to));
        ym = ym.plusMonths(1)) {
      YearMonth month = ym;
      int absences =
          (int)
              entries.stream()
                  .filter(e -> !e.present() && YearMonth.from(e.heldOn()).equals(month))
                  .count();
      boolean came = attended.contains(ym);
      months.add(new Month(ym.toString(), came, absences));
      run = came ? 0 : run + 1;
    }
    return new History(memberId, from, to, months, run, entries);
  }
}
