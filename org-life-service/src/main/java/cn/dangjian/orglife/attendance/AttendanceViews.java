package cn.dangjian.orglife.attendance;

import cn.dangjian.orglife.meeting.AbsenceReason;
import cn.dangjian.orglife.meeting.MeetingStatus;
import cn.dangjian.orglife.meeting.MeetingType;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Response records of the attendance API. */
public final class AttendanceViews {

  private AttendanceViews() {}

  @Schema(description = "一次会议的出席情况 (one meeting)")
  public record Entry(
      UUID meetingId,
      UUID orgId,
      @Schema(implementation = MeetingType.class) String meetingType,
      @Nullable LocalDate heldOn,
      @Schema(implementation = MeetingStatus.class) String status,
      @Schema(description = "是否应到人员（否则列席）") boolean expected,
      boolean present,
      @Nullable AbsenceReason absenceReason) {}

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
}
