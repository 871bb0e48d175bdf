package cn.dangjian.events.orglife;

import cn.dangjian.events.OneOf;
import cn.dangjian.events.Subject;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * {@code orglife.appraisal-graded} v1: a member's democratic appraisal grade (民主评议) for a year.
 *
 * @param grade EXCELLENT (优秀), QUALIFIED (合格), BASICALLY_QUALIFIED (基本合格) or UNQUALIFIED (不合格)
 */
@Subject(value = "memberId", kind = "member")
public record AppraisalGraded(
    UUID appraisalId,
    UUID memberId,
    UUID orgId,
    int year,
    @OneOf(AppraisalGrade.class) String grade,
    @Nullable UUID meetingId) {}
