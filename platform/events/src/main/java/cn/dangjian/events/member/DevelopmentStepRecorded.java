package cn.dangjian.events.member;

import cn.dangjian.events.Subject;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * {@code member.development-step} v1: one of the 25 development steps was recorded. Carries what
 * comes next and when it is due, so alert-service can warn (talk within a month, approval within
 * three months, probation ending…).
 *
 * @param step e.g. TALK, ADMISSION_MEETING, CONVERSION_APPROVED
 * @param stepNumber 1–25
 * @param stage the member's stage after the step
 * @param nextStep what is expected next, null at the end
 * @param nextDueOn its due date, null when there is none
 * @param joinDate 党籍 start after the step (the admitting branch meeting), null before admission or
 *     in older events
 * @param fullMemberDate 转正 date after the step (党龄 counts from it), null before or in older events
 * @param approvalId the approval that decided the step (a higher body's step or a late record),
 *     null for a step the branch recorded itself or in older events
 * @param lateReason set when the step was recorded after its deadline with the approval of the body
 *     above (a late record, not a fabricated date)
 */
@Subject(value = "memberId", kind = "member")
public record DevelopmentStepRecorded(
    UUID memberId,
    UUID orgId,
    String step,
    int stepNumber,
    LocalDate doneOn,
    String stage,
    @Nullable String nextStep,
    @Nullable LocalDate nextDueOn,
    @Nullable LocalDate joinDate,
    @Nullable LocalDate fullMemberDate,
    @Nullable UUID approvalId,
    @Nullable String lateReason) {}
