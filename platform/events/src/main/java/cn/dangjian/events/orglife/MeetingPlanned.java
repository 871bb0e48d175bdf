package cn.dangjian.events.orglife;

import cn.dangjian.events.OneOf;
import cn.dangjian.events.Subject;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

/**
 * {@code orglife.meeting-planned} / {@code orglife.meeting-cancelled} v1: a meeting was planned
 * (the notice goes to the expected attendees) or a planned meeting was called off.
 *
 * @param meetingType BRANCH_GENERAL_MEETING, COMMITTEE_MEETING, GROUP_MEETING, PARTY_LECTURE,
 *     THEMED_PARTY_DAY, ORG_LIFE_MEETING or DEMOCRATIC_APPRAISAL
 * @param startsAt local time in Asia/Shanghai
 * @param expectedMemberIds who is expected (the notice's recipients)
 */
@Subject(value = "meetingId", kind = "meeting")
public record MeetingPlanned(
    UUID meetingId,
    UUID orgId,
    @OneOf(MeetingType.class) String meetingType,
    LocalDate heldOn,
    LocalDateTime startsAt,
    LocalDateTime endsAt,
    List<UUID> expectedMemberIds) {}
