package cn.dangjian.events.member;

import cn.dangjian.events.OneOf;
import cn.dangjian.events.Subject;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * {@code member.approval-changed} v1: an approval request was made, moved to its next deciding
 * body, returned, resubmitted or ended (APPROVED, REJECTED, WITHDRAWN). While PENDING, {@code
 * decidingBody}/{@code decidingOrgId} name who must decide next and {@code dueOn} by when (alert
 * when it passes); when APPROVED the effect (a step, a status, a term…) was applied in the same
 * transaction and published with its own event.
 *
 * @param stage the 0-based index of the deciding body in the chain (e.g. 基层党委 then 纪委)
 * @param decidingOrgId the org whose officers decide (null for the county 组织部 and 纪委 stages)
 * @param decidingOrgPath that org's path, or the subject's when the body is not an org of the tree
 * @param terms what another service needs to apply an approved request, for the kinds whose effect
 *     lives outside member-service, else absent. {@code DUES_HARDSHIP} (dues-service applies it to
 *     the member's dues profile): {@code kind} REDUCED | WAIVED, {@code reducedFen} (the monthly
 *     amount in fen, REDUCED only) and {@code until} (ISO date, last day of the reduction). Added
 *     later: older events carry none.
 */
@Subject(value = "approvalId", kind = "approval")
public record ApprovalChanged(
    UUID approvalId,
    @OneOf(ApprovalKind.class) String kind,
    @OneOf(ApprovalStatus.class) String status,
    int stage,
    @OneOf(DecidingBody.class) String decidingBody,
    @Nullable UUID decidingOrgId,
    String decidingOrgPath,
    @Nullable UUID subjectMemberId,
    UUID subjectOrgId,
    String subjectOrgPath,
    String summary,
    LocalDate requestedOn,
    LocalDate dueOn,
    @Nullable LocalDate decidedOn,
    @Nullable Map<String, Object> terms) {}
