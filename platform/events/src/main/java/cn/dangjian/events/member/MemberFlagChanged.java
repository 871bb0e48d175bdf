package cn.dangjian.events.member;

import cn.dangjian.events.OneOf;
import cn.dangjian.events.Subject;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * {@code member.flag-changed} v1: an overlay flag was set or cleared. Carries its period so
 * alert-service can warn before it ends (e.g. 限期改正 ending, 留党察看 window ending, 失联 for 6 months).
 *
 * @param flag MOBILE, LOST_CONTACT, CORRECTION_PERIOD, DISCIPLINARY_PROBATION or RIGHTS_SUSPENDED
 * @param active true when set, false when cleared
 * @param endsOn the end of the period (due date), null when open-ended
 */
@Subject(value = "memberId", kind = "member")
public record MemberFlagChanged(
    UUID memberId,
    UUID orgId,
    @OneOf(MemberFlag.class) String flag,
    boolean active,
    LocalDate startedOn,
    @Nullable LocalDate endsOn) {}
