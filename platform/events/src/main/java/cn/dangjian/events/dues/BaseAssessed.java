package cn.dangjian.events.dues;

import cn.dangjian.events.Subject;
import java.util.UUID;

/**
 * {@code dues.base-assessed} v1: a member's dues for a year were assessed (年初核定) or re-assessed
 * after a change of pay (DF Art 10) — a profile was created or changed. Never the base or the
 * amount: alert-service only needs to know that the year's assessment exists. Subject: the member.
 *
 * @param year the dues year the assessment belongs to
 * @param effectiveMonth the month ({@code yyyy-MM}) from which it applies
 * @param category the dues category it was assessed under, e.g. EMPLOYED or RETIRED
 */
@Subject(value = "memberId", kind = "member")
public record BaseAssessed(
    UUID memberId, UUID orgId, int year, String effectiveMonth, String category) {}
