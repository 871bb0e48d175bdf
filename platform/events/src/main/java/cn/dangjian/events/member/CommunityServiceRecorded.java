package cn.dangjian.events.member;

import cn.dangjian.events.Subject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * {@code member.community-service-recorded} v1: a serving member registered with a community 党组织
 * (在职党员到社区报到, 双报到) took part in a service activity there, as the community recorded it.
 *
 * @param memberOrgId the member's own branch (where the participation counts)
 * @param communityOrgId the community 党组织 that recorded it (may be in another subtree)
 */
@Subject(value = "memberId", kind = "member")
public record CommunityServiceRecorded(
    UUID serviceId,
    UUID registrationId,
    UUID memberId,
    UUID memberOrgId,
    UUID communityOrgId,
    LocalDate servedOn,
    BigDecimal hours) {}
