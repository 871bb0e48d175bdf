package cn.dangjian.events.member;

import cn.dangjian.events.OneOf;
import cn.dangjian.events.Subject;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * {@code member.transfer-changed} v1: a transfer of organisational relationship moved on
 * (REQUESTED, APPROVED_OUT, IN_TRANSIT, RECEIVED, COMPLETED, REVOKED, REJECTED). When RECEIVED, the
 * member's relationship and {@code memberOrgPath} are the receiving branch's; until then the
 * sending branch stays responsible.
 *
 * @param direction INTERNAL, OUTBOUND or INBOUND
 * @param validUntil the letter's validity (alert when it passes without receipt)
 * @param memberOrgPath the member's org path after this step
 */
@Subject(value = "memberId", kind = "member")
public record TransferChanged(
    UUID transferId,
    UUID memberId,
    @OneOf(TransferDirection.class) String direction,
    @Nullable UUID fromOrgId,
    @Nullable UUID toOrgId,
    @OneOf(TransferStatus.class) String status,
    LocalDate effectiveOn,
    @Nullable LocalDate validUntil,
    String memberOrgPath) {}
