package cn.dangjian.orglife.attendance;

import cn.dangjian.orglife.attendance.AttendanceViews.History;
import cn.dangjian.platform.scope.DataScopeResolver;
import cn.dangjian.platform.security.CurrentCaller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/org-life/attendance")
@Tag(name = "出席 Attendance", description = "党员参加组织生活情况 (a member's attendance)")
class AttendanceController {

  private final AttendanceQueries history;
  private final CurrentCaller caller;
  private final DataScopeResolver scopes;
  private final Clock clock;
  private final cn.dangjian.orglife.OrgLifeProperties properties;

  AttendanceController(
      AttendanceQueries history,
      CurrentCaller caller,
      DataScopeResolver scopes,
      Clock clock,
      cn.dangjian.orglife.OrgLifeProperties properties) {
    this.history = history;
    this.caller = caller;
    this.scopes = scopes;
    this.clock = clock;
    this.properties = properties;
  }

  @GetMapping("/members/{memberId}")
  @Operation(
      operationId = "getMemberAttendance",
      summary = "党员参加组织生活情况：逐次出席、逐月是否参加、连续未参加月数（默认近12个月） (a member's attendance)")
  History member(
      @PathVariable UUID memberId,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
    LocalDate today = LocalDate.now(clock.withZone(properties.zone()));
    LocalDate end = to == null ? today : to;
    LocalDate start = from == null ? end.minusMonths(11).withDayOfMonth(1) : from;
    return history.of(memberId, start, end, scopes.resolve(caller.get()));
  }
}
