package cn.dangjian.orglife.meeting;

import cn.dangjian.events.member.OrgType;
import cn.dangjian.orglife.formalism.FlagView;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Request and response records of the meeting API. */
public final class MeetingRequests {

  private MeetingRequests() {}

  @Schema(description = "计划一次会议并通知应到人员 (plan a meeting; the expected attendees get a notice)")
  public record PlanMeeting(
      @Schema(description = "召开会议的组织（党支部、党小组）ID") @NotNull UUID orgId,
      @Schema(description = "会议类型 (meeting type)", example = "COMMITTEE_MEETING") @NotNull
          MeetingType type,
      @Schema(description = "会议名称", example = "11月支委会") @NotBlank @Size(max = 200) String title,
      @Schema(
              description = "开始时间：RFC 3339，任何时区偏移均可，按北京时间记录；不带偏移的按北京时间理解",
              example = "2026-11-20T14:30:00+08:00")
          @NotNull
          LocalDateTime startsAt,
      @Schema(description = "结束时间：RFC 3339，任何时区偏移均可，按北京时间记录", example = "2026-11-20T16:00:00+08:00")
          @NotNull
          LocalDateTime endsAt,
      @Schema(description = "地点") @Size(max = 200) String place,
      @Schema(description = "议题") @Size(max = 4000) String agenda,
      @Schema(description = "会议通知") @Size(max = 1000) String notice,
      @Schema(description = "支委会、党小组会的应到人员（支委、小组成员）；其他会议由本支部在册党员自动确定") @Size(max = 200)
          List<@NotNull UUID> expectedMemberIds) {}

  @Schema(description = "缺席人员及原因 (an absentee and the reason)")
  public record Absentee(
      @NotNull UUID memberId,
      @Schema(description = "缺席原因", example = "ILLNESS") @NotNull AbsenceReason reason,
      @Schema(description = "说明") @Size(max = 200) String note,
      @Schema(description = "经上级批准不计入应到会人数（长期患病、出国等），默认否") Boolean excludedFromBase) {

    boolean excluded() {
      return Boolean.TRUE.equals(excludedFromBase);
    }
  }

  @Schema(description = "决议及表决结果 (a resolution and its vote counts)")
  public record ResolutionInput(
      @Schema(description = "决议事项") @NotBlank @Size(max = 200) String title,
      @Schema(description = "决议内容") @Size(max = 2000) String decision,
      @Schema(description = "赞成") @NotNull @Min(0) @Max(10000) Integer approve,
      @Schema(description = "反对") @NotNull @Min(0) @Max(10000) Integer oppose,
      @Schema(description = "弃权") @NotNull @Min(0) @Max(10000) Integer abstain) {}

  @Schema(description = "会议记录 (the record of a held meeting, DOMAIN.md §4.4)")
  public record RecordMeeting(
      @NotBlank @Size(max = 200) String title,
      @Schema(description = "开始时间：RFC 3339，任何时区偏移均可，按北京时间记录", example = "2026-11-20T14:30:00+08:00")
          @NotNull
          LocalDateTime startsAt,
      @Schema(description = "结束时间：RFC 3339，任何时区偏移均可，按北京时间记录", example = "2026-11-20T16:00:00+08:00")
          @NotNull
          LocalDateTime endsAt,
      @Schema(description = "地点") @NotBlank @Size(max = 200) String place,
      @Schema(description = "主持人（党员ID）") @NotNull UUID hostMemberId,
      @Schema(description = "记录人（党员ID）") @NotNull UUID recorderMemberId,
      @Schema(description = "议题") @Size(max = 4000) String agenda,
      @Schema(description = "会议内容、发言记录") @NotBlank @Size(max = 20000) String minutes,
      @Schema(description = "主题党日的主题") @Size(max = 200) String theme,
      @Schema(description = "党课主讲人") @Size(max = 100) String lecturer,
      @Schema(description = "党课题目") @Size(max = 200) String topic,
      @Schema(description = "实到人员（应到人员中出席者的党员ID）") @NotNull @Size(max = 500)
          List<@NotNull UUID> attendees,
      @Schema(description = "缺席人员及原因") @NotNull @Size(max = 500)
          List<@Valid @NotNull Absentee> absentees,
      @Schema(description = "列席人员（外支部流动党员、上级领导等），无表决权") @Size(max = 200) List<@NotNull UUID> guests,
      @Schema(description = "决议及表决") @Size(max = 50)
          List<@Valid @NotNull ResolutionInput> resolutions,
      @Schema(description = "党课学时（默认按时长：每小时1学时，最多8学时）")
          @DecimalMin("0.0")
          @DecimalMax("8.0")
          @Digits(integer = 1, fraction = 1)
          BigDecimal trainingHours) {}

  @Schema(description = "审核通过 (approve)")
  public record Approve(@Schema(description = "审核意见") @Size(max = 500) String comment) {}

  @Schema(description = "退回并说明原因 (return with a reason)")
  public record ReturnRecord(
      @Schema(description = "退回原因") @NotBlank @Size(max = 500) String reason) {}

  @Schema(description = "审核后更正：形成新版本并留痕 (a correction after approval: a new, audited version)")
  public record Correction(
      @Schema(description = "更正原因") @NotBlank @Size(max = 500) String reason,
      @NotNull @Valid RecordMeeting record) {}

  @Schema(description = "出席情况 (one person at the meeting)")
  public record AttendanceView(
      UUID memberId,
      @Schema(description = "是否应到人员（否则为列席）") boolean expected,
      @Schema(description = "是否有表决权（预备党员无）") boolean canVote,
      @Schema(description = "是否出席；未记录时为空") @Nullable Boolean present,
      @Nullable AbsenceReason absenceReason,
      @Nullable String absenceReasonLabel,
      boolean excludedFromBase,
      @Nullable String note) {

    static AttendanceView of(AttendanceRow r) {
      return new AttendanceView(
          r.memberId(),
          r.expected(),
          r.canVote(),
          r.present(),
          r.absenceReason(),
          r.absenceReason() == null ? null : r.absenceReason().label(),
          r.excludedFromBase(),
          r.note());
    }
  }

  @Schema(description = "决议 (a resolution)")
  public record ResolutionView(
      int seq,
      String title,
      @Nullable String decision,
      @Schema(description = "应到会有表决权人数") int entitled,
      @Schema(description = "经批准不计入人数") int excluded,
      @Schema(description = "实到会有表决权人数") int present,
      int approve,
      int oppose,
      int abstain) {}

  @Schema(description = "会议（列表项） (a meeting in a list)")
  public record MeetingSummary(
      UUID id,
      UUID orgId,
      MeetingType type,
      String typeLabel,
      MeetingStatus status,
      String statusLabel,
      String title,
      LocalDateTime startsAt,
      LocalDateTime endsAt,
      @Nullable LocalDate heldOn,
      int expectedCount,
      int actualCount,
      int recordVersion,
      int flags,
      long version) {}

  @Schema(description = "会议及其记录 (a meeting with its record)")
  public record MeetingView(
      UUID id,
      UUID orgId,
      @Schema(implementation = OrgType.class) String orgType,
      MeetingType type,
      String typeLabel,
      MeetingStatus status,
      String statusLabel,
      String title,
      LocalDateTime startsAt,
      LocalDateTime endsAt,
      @Nullable LocalDate heldOn,
      @Nullable String place,
      @Nullable String notice,
      @Nullable String agenda,
      @Nullable String minutes,
      @Nullable String theme,
      @Nullable String lecturer,
      @Nullable String topic,
      @Nullable UUID hostMemberId,
      @Nullable UUID recorderMemberId,
      @Schema(description = "应到人数") int expectedCount,
      @Schema(description = "实到人数") int actualCount,
      @Schema(description = "应到会有表决权人数") int votingEntitled,
      @Schema(description = "党课学时") @Nullable BigDecimal trainingHours,
      @Schema(description = "记录版本（审核后每次更正加1）") int recordVersion,
      String plannedBy,
      @Nullable String recordedBy,
      @Nullable Instant firstRecordedAt,
      @Nullable String submittedBy,
      @Nullable Instant submittedAt,
      @Nullable String reviewedBy,
      @Nullable Instant reviewedAt,
      @Schema(description = "审核意见或退回原因") @Nullable String reviewComment,
      List<AttendanceView> attendance,
      List<ResolutionView> resolutions,
      @Schema(description = "形式主义核查提示（不阻止报送）") List<FlagView> flags,
      long version,
      @Schema(description = "在本组织参加组织生活的流动党员（持《流动党员活动证》，会议当日有效）：作为列席人员记录，无表决权，出席计入其本人组织生活情况")
          List<UUID> hostedMobileMemberIds) {}

  @Schema(description = "更正留痕 (a previous version of the record)")
  public record RevisionView(
      int recordVersion,
      @Nullable String reason,
      String changedBy,
      Instant changedAt,
      String snapshot) {}
}
