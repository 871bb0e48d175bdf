package cn.dangjian.events.member;

import cn.dangjian.events.Subject;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * {@code member.registered} v1: a person was registered in an organisation. Carries ids and
 * classifications only, never personal data (no name, ID number or phone).
 *
 * @param memberId the member
 * @param orgId the organisation holding the member's relationship
 * @param stage development stage, e.g. FULL or PROBATIONARY
 * @param duesCategory dues category, e.g. EMPLOYED or RETIRED
 * @param joinDate the date the branch meeting admitted the member, if admitted
 * @param fullMemberDate the date probation ended (党龄 counts from it), if full
 */
@Subject(value = "memberId", kind = "member")
public record MemberRegistered(
    UUID memberId,
    UUID orgId,
    String stage,
    String duesCategory,
    @Nullable LocalDate joinDate,
    @Nullable LocalDate fullMemberDate) {}
