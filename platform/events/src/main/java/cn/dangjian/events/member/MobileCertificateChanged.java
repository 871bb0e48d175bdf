package cn.dangjian.events.member;

import cn.dangjian.events.OneOf;
import cn.dangjian.events.Subject;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * {@code member.mobile-changed} v1: a 流动党员活动证 was issued, renewed (possibly to another host),
 * reported on (the yearly report home), returned or closed by a transfer (DOMAIN §2.4). The
 * member's relationship stays with the home branch; while ACTIVE the host org sees the member at
 * its meetings, without a vote, and may collect dues credited to the home branch.
 *
 * @param hostOrgId the host 党组织 in this system, or null when it is outside (then only a name is
 *     kept in member-service)
 * @param hostOrgPath the host's materialised path (scope of the host's reads)
 * @param fixedPlace the member lives or works at a relatively fixed place while away (≥ 6 months
 *     then require a transfer)
 * @param awaySince the first day away
 * @param lastReportedOn the last yearly report home (null: none yet)
 * @param closedOn the day the certificate was returned or closed by a transfer
 */
@Subject(value = "memberId", kind = "member")
public record MobileCertificateChanged(
    UUID certificateId,
    UUID memberId,
    UUID homeOrgId,
    @Nullable UUID hostOrgId,
    @Nullable String hostOrgPath,
    @OneOf(MobileChange.class) String change,
    @OneOf(MobileCertificateStatus.class) String status,
    boolean fixedPlace,
    LocalDate awaySince,
    LocalDate issuedOn,
    LocalDate validUntil,
    @Nullable LocalDate lastReportedOn,
    @Nullable LocalDate closedOn) {}
