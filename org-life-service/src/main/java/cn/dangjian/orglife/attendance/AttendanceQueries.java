package cn.dangjian.orglife.attendance;

import cn.dangjian.orglife.attendance.AttendanceViews.Entry;
import cn.dangjian.orglife.attendance.AttendanceViews.History;
import cn.dangjian.orglife.attendance.AttendanceViews.Month;
import cn.dangjian.orglife.meeting.MeetingStatus;
import cn.dangjian.platform.problem.ProblemException;
import cn.dangjian.platform.projection.MemberProjection;
import cn.dangjian.platform.scope.DataScope;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A member's organisational life over a period: every recorded meeting they were expected at or
 * attended, and per month whether they attended an approved one (what the "absent 3/5/6 consecutive
 * months" rule counts).
 */
@Service
public class AttendanceQueries {

  private final AttendanceHistoryStore store;
  private final MemberProjection projection;

  AttendanceQueries(AttendanceHistoryStore store, MemberProjection projection) {
    this.store = store;
    this.projection = projection;
  }

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
    List<Entry> entries = store.entries(memberId, from, to);
    List<Month> months = months(entries, from, to);
    return new History(memberId, from, to, months, absentRun(months), entries);
  }

  /** Per month: attended an approved (or archived) meeting, and how many absences. */
  static List<Month> months(List<Entry> entries, LocalDate from, LocalDate to) {
    Set<YearMonth> attended = new HashSet<>();
    for (Entry e : entries) {
      if (e.present() && MeetingStatus.valueOf(e.status()).counts()) {
        attended.add(YearMonth.from(e.heldOn()));
      }
    }
    List<Month> months = new ArrayList<>();
    for (YearMonth ym = YearMonth.from(from);
        !ym.isAfter(YearMonth.from(to));
        ym = ym.plusMonths(1)) {
      YearMonth month = ym;
      int absences =
          (int)
              entries.stream()
                  .filter(e -> !e.present() && YearMonth.from(e.heldOn()).equals(month))
                  .count();
      months.add(new Month(ym.toString(), attended.contains(ym), absences));
    }
    return months;
  }

  /** Months without attending, counted back from the last one. */
  static int absentRun(List<Month> months) {
    int run = 0;
    for (Month m : months) {
      run = m.attended() ? 0 : run + 1;
    }
    return run;
  }
}
