package cn.dangjian.events.member;

import cn.dangjian.events.OneOf;
import cn.dangjian.events.Subject;
import java.time.LocalDate;
import java.util.UUID;

/**
 * {@code member.sanction-changed} v1: a 党纪处分 was recorded (the 基层党委 approved the 支部大会's decision).
 * {@code windowEndsOn} is the end of its no-promotion window (警告 1 year, 严重警告 18 months, 撤销党内职务 2
 * years, 留党察看 its 1–2 years plus 2), when alert-service may say that eligibility is restored; 留党察看
 * itself is also published as the DISCIPLINARY_PROBATION flag.
 *
 * @param kind WARNING, SERIOUS_WARNING, REMOVAL_FROM_POST or PROBATION_UNDER_DISCIPLINE
 * @param status IN_EFFECT while the window runs, WINDOW_ENDED after
 */
@Subject(value = "memberId", kind = "member")
public record SanctionChanged(
    UUID sanctionId,
    UUID memberId,
    UUID orgId,
    @OneOf(SanctionKind.class) String kind,
    LocalDate decidedOn,
    LocalDate windowEndsOn,
    @OneOf(SanctionStatus.class) String status) {}
