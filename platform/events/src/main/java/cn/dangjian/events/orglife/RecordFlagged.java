package cn.dangjian.events.orglife;

import java.time.LocalDate;
import java.util.UUID;

/**
 * {@code orglife.record-flagged} v1: an anti-formalism check flagged a submitted record. The record
 * is not blocked; reviewers and alert-service see the evidence.
 *
 * @param kind DUPLICATE_MINUTES, IDENTICAL_FULL_ATTENDANCE, OVERLAPPING_MEETINGS or LATE_ENTRY
 * @param relatedMeetingId the earlier record it matches or overlaps (null for the others)
 * @param similarity estimated similarity 0–1 for DUPLICATE_MINUTES (0 otherwise)
 * @param evidence the evidence as JSON text (ids, dates, counts)
 */
public record RecordFlagged(
    UUID flagId,
    UUID meetingId,
    UUID orgId,
    String meetingType,
    LocalDate heldOn,
    int recordVersion,
    String kind,
    UUID relatedMeetingId,
    double similarity,
    String evidence) {}
