package cn.dangjian.member.approval;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An approved request, as its effect sees it.
 *
 * @param payload what the requester asked to apply, as submitted (read it with {@link
 *     Approvals#payload})
 * @param decidedOn the date of the last stage's decision (the date the step or status takes effect
 *     unless the payload carries its own)
 */
public record ApprovedRequest(
    UUID approvalId,
    ApprovalKind kind,
    @Nullable UUID subjectMemberId,
    UUID subjectOrgId,
    String payload,
    List<UUID> attachments,
    String requestedBy,
    LocalDate decidedOn,
    String decidedBy) {}
