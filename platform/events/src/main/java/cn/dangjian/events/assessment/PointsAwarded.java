package cn.dangjian.events.assessment;

import cn.dangjian.events.OneOf;
import cn.dangjian.events.Subject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * {@code assessment.points-awarded} v1: a member's points ledger (党员积分) got an entry (negative for
 * a deduction). Subject: the member.
 *
 * @param action ATTENDANCE, DUES_ON_TIME, TRAINING_HOURS, VOLUNTEER_SERVICE or UNEXCUSED_ABSENCE
 * @param points credited by this entry after the daily cap
 * @param yearTotal the member's total for the year after this entry
 * @param sourceEventId the event (or approved record) the entry came from
 */
@Subject(value = "memberId", kind = "member")
public record PointsAwarded(
    UUID entryId,
    UUID memberId,
    UUID orgId,
    @OneOf(PointsAction.class) String action,
    BigDecimal points,
    int year,
    BigDecimal yearTotal,
    UUID sourceEventId,
    LocalDate occurredOn) {}
