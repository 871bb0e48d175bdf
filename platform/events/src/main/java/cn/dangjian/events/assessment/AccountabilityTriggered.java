package cn.dangjian.events.assessment;

import cn.dangjian.events.Subject;
import java.time.LocalDate;
import java.util.UUID;

/**
 * {@code assessment.accountability-triggered} v1: an org (its secretary) was in the bottom band of
 * its peer group in consecutive annual cycles, so a reminder talk (提醒谈话) and a deadline to rectify
 * (限期整改) are due. alert-service raises ACCOUNTABILITY_TALK from it. Subject: the org.
 *
 * @param caseId the accountability case in assessment-service (talk record and outcome)
 * @param cycleId the cycle whose publication triggered it
 * @param previousCycleId the previous year's cycle the org was also at the bottom of
 * @param years consecutive years at the bottom (≥ 2)
 * @param band the bottom band of the peer group, e.g. {@code 10%} (后10%)
 * @param talkBy the reminder talk is due by this day
 * @param rectifyBy the rectification is due by this day
 * @param detail a Chinese sentence for people
 */
@Subject(value = "orgId", kind = "org")
public record AccountabilityTriggered(
    UUID caseId,
    UUID orgId,
    UUID cycleId,
    UUID previousCycleId,
    int years,
    String band,
    LocalDate talkBy,
    LocalDate rectifyBy,
    String detail) {}
