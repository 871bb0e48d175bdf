package cn.dangjian.events.orglife;

import cn.dangjian.events.OneOf;
import cn.dangjian.events.Subject;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * {@code orglife.record-flagged} v1: an anti-formalism check flagged a submitted record. The record
 * is not blocked; reviewers and alert-service see the evidence.
 *
 * @param kind DUPLICATE_MINUTES, IDENTICAL_FULL_ATTENDANCE, OVERLAPPING_MEETINGS or LATE_ENTRY
 * @param relatedMeetingId the earlier record it matches or overlaps (null for the others)
 * @param similarity estimated similarity 0–1 for DUPLICATE_MINUTES (0 otherwise)
 * @param evidence the evidence as JSON text (ids, dates, counts)
 */
@Subject(value = "meetingId", kind = "meeting")
public record RecordFlagged(
    UUID flagId,
    UUID meetingId,
    UUID orgId,
    @OneOf(MeetingType.class) String meetingType,
    LocalDate heldOn,
    int recordVersion,
    @OneOf(RecordFlagKind.class) String kind,
    @Nullable UUID relatedMeetingId,
    double similarity,
    String evidence) {}
