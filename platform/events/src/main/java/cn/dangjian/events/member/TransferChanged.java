package cn.dangjian.events.member;

import java.time.LocalDate;
import java.util.UUID;

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
public record TransferChanged(
    UUID transferId,
    UUID memberId,
    String direction,
    UUID fromOrgId,
    UUID toOrgId,
    String status,
    LocalDate effectiveOn,
    LocalDate validUntil,
    String memberOrgPath) {}
