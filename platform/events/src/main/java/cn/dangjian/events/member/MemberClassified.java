package cn.dangjian.events.member;

import cn.dangjian.events.OneOf;
import cn.dangjian.events.Subject;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * {@code member.classified} v1: the statistical classifications of a person's record, as they are
 * after a registration, an update that touched one of them, or a republication (go-live backfill).
 * Published in the same transaction as {@code member.registered}; on the topic it may come first,
 * so consumers keep it until the registration arrives. Carries code values only, never the name, ID
 * number, phone or the full birth date: the birth month is enough for every month-end age band
 * (党内统计 counts ages at month and year ends).
 *
 * @param gender MALE or FEMALE
 * @param ethnicity e.g. 汉族, 壮族; null when not recorded
 * @param birthMonth {@code yyyy-MM}; null when not recorded
 * @param educationLevel the education code
 * @param occupation the occupation code
 */
@Subject(value = "memberId", kind = "member")
public record MemberClassified(
    UUID memberId,
    UUID orgId,
    String gender,
    @Nullable String ethnicity,
    @Nullable String birthMonth,
    @OneOf(EducationLevel.class) String educationLevel,
    @OneOf(Occupation.class) String occupation) {}
