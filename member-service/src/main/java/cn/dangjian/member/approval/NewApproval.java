package cn.dangjian.member.approval;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A request a feature submits on behalf of the branch.
 *
 * @param openKey one open request per key (e.g. {@code status:<memberId>}); a second is refused
 * @param subjectOrgPath decides who may see the request (the subject's subtree) and who decides it
 * @param stages the deciding bodies in order (e.g. 基层党委 then 纪委 for 开除党籍)
 * @param basis the regulation and article, e.g. 《中国共产党章程》第四十二条
 * @param payload what to apply when approved; serialised as JSON and handed back to the effect
 * @param dueOn by when the last stage should decide (null: the default, 30 days)
 */
public record NewApproval(
    ApprovalKind kind,
    String openKey,
    @Nullable UUID subjectMemberId,
    UUID subjectOrgId,
    String subjectOrgPath,
    String summary,
    String basis,
    List<UUID> attachments,
    Object payload,
    List<DecidingBody> stages,
    @Nullable LocalDate dueOn,
    String requestedBy) {}
