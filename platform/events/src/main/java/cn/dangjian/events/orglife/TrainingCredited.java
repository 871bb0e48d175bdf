package cn.dangjian.events.orglife;

import cn.dangjian.events.OneOf;
import cn.dangjian.events.Subject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * {@code orglife.training-credited} v1: training hours (学时) credited to a member.
 *
 * @param kind PARTY_LECTURE, CONCENTRATED, ROTATION or MICRO_LESSON
 * @param sourceId the meeting, training course or micro-lesson
 * @param creditedHours hours credited by this record (after the micro-lesson daily cap)
 * @param yearTotalHours the member's credited hours in that year after this record
 */
@Subject(value = "memberId", kind = "member")
public record TrainingCredited(
    UUID recordId,
    UUID memberId,
    UUID orgId,
    @OneOf(TrainingKind.class) String kind,
    UUID sourceId,
    LocalDate creditedOn,
    BigDecimal creditedHours,
    BigDecimal yearTotalHours) {}
