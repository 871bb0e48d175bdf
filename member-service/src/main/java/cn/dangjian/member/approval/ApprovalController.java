package cn.dangjian.member.approval;

import cn.dangjian.member.approval.ApprovalRequests.ApprovalView;
import cn.dangjian.member.approval.ApprovalRequests.Counts;
import cn.dangjian.member.approval.ApprovalRequests.Decide;
import cn.dangjian.member.approval.ApprovalRequests.Note;
import cn.dangjian.member.org.OrgService;
import cn.dangjian.platform.scope.DataScope;
import cn.dangjian.platform.scope.DataScopeResolver;
import cn.dangjian.platform.security.Caller;
import cn.dangjian.platform.security.CurrentCaller;
import cn.dangjian.platform.web.ExpectedVersion;
import cn.dangjian.platform.web.PageResponse;
import cn.dangjian.platform.web.Sorting;
import cn.dangjian.platform.web.Versions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@RequestMapping("/api/approvals")
@Tag(
    name = "审批 Approvals",
    description =
        "上级党委、县委组织部、纪委决定的事项：支部提请，逐级审批，批准后生效 (requests decided by the bodies" + " above the branch)")
class ApprovalController {

  private static final Set<String> SORTABLE = Set.of("requestedOn", "dueOn", "updatedAt");

  private final Approvals approvals;
  private final OrgService orgs;
  private final CurrentCaller caller;
  private final DataScopeResolver scopes;

  ApprovalController(
      Approvals approvals, OrgService orgs, CurrentCaller caller, DataScopeResolver scopes) {
    this.approvals = approvals;
    this.orgs = orgs;
    this.caller = caller;
    this.scopes = scopes;
  }

  @GetMapping
  @PreAuthorize(
      "hasAnyRole('platform-admin','secretary','party-worker','discipline-commission','integration')")
  @Operation(
      operationId = "listApprovals",
      summary = "审批事项列表；awaitingMe=true 为“待我审批” (requests in scope; awaitingMe: my to-do list)")
  PageResponse<ApprovalView> list(
      @Parameter(description = "状态 (status)") @RequestParam(required = false) ApprovalStatus status,
      @Parameter(description = "事项类型 (kind)") @RequestParam(required = false) ApprovalKind kind,
      @Parameter(description = "涉及党员 (member)") @RequestParam(required = false) UUID memberId,
      @Parameter(description = "组织ID：该组织及其下级提请的事项 (org subtree)") @RequestParam(required = false)
          UUID orgId,
      @Parameter(description = "只看待我审批 (only what I may decide now)")
          @RequestParam(defaultValue = "false")
          boolean awaitingMe,
      @Parameter(description = "只看已逾期 (only overdue)") @RequestParam(defaultValue = "false")
          boolean overdue,
      @Parameter(description = "页码，从0开始") @RequestParam(defaultValue = "0") @Min(0) int page,
      @Parameter(description = "每页条数，最大200") @RequestParam(defaultValue = "20") @Min(1) @Max(200)
          int size,
      @Parameter(description = Sorting.DESCRIPTION) @RequestParam(required = false)
          List<String> sort) {
    Caller current = caller.get();
    DataScope scope = scopes.resolve(current);
    String orgPath = orgId == null ? null : orgs.get(orgId, scope).getPath();
    return PageResponse.of(
        approvals.search(
            new Approvals.Filter(status, kind, memberId, orgPath, awaitingMe, overdue),
            current,
            scope,
            PageRequest.of(page, size, Sorting.parse(sort, Sort.by("dueOn", "id"), SORTABLE))),
        v -> v);
  }

  @GetMapping("/counts")
  @PreAuthorize(
      "hasAnyRole('platform-admin','secretary','party-worker','discipline-commission','integration')")
  @Operation(operationId = "countApprovals", summary = "待办数量（控制台角标） (counts for a badge)")
  Counts counts() {
    Caller current = caller.get();
    return approvals.counts(current, scopes.resolve(current));
  }

  @GetMapping("/{id}")
  @PreAuthorize(
      "hasAnyRole('platform-admin','secretary','party-worker','discipline-commission','integration')")
  @Operation(operationId = "getApproval", summary = "审批事项 (an approval request, its chain and log)")
  ResponseEntity<ApprovalView> get(@PathVariable UUID id) {
    Caller current = caller.get();
    ApprovalView view = approvals.get(id, current, scopes.resolve(current));
    return Versions.ok(view, view.version());
  }

  @PostMapping("/{id}/decisions")
  @PreAuthorize("hasAnyRole('platform-admin','secretary','party-worker','discipline-commission')")
  @Operation(
      operationId = "decideApproval",
      summary = "作出审批决定 (decide the current stage)",
      description =
          "只有当前一级的决定机关可以决定：基层党委/上级党委由该党委的书记或党务工作者，县委组织部由平台管理员，"
              + "纪委由县级以上纪委（其他人 403，问题中写明决定机关）。最后一级批准时，事项在同一事务中生效；"
              + "若此时已不符合规定，返回 422 且不作任何改变。需要 If-Match。"
              + " Only the body of the current stage decides; the last approval applies the effect in"
              + " the same transaction.")
  ResponseEntity<ApprovalView> decide(
      @PathVariable UUID id, ExpectedVersion expected, @Valid @RequestBody Decide request) {
    Caller current = caller.get();
    ApprovalView view =
        approvals.decide(id, request, expected.value(), current, scopes.resolve(current));
    return Versions.ok(view, view.version());
  }

  @PostMapping("/{id}/resubmission")
  @PreAuthorize("hasAnyRole('platform-admin','secretary','party-worker')")
  @Operation(
      operationId = "resubmitApproval",
      summary = "补充后重新提交退回的事项 (resubmit a returned request)")
  ResponseEntity<ApprovalView> resubmit(
      @PathVariable UUID id, ExpectedVersion expected, @Valid @RequestBody Note request) {
    Caller current = caller.get();
    ApprovalView view =
        approvals.resubmit(
            id, request.comment(), expected.value(), current, scopes.resolve(current));
    return Versions.ok(view, view.version());
  }

  @PostMapping("/{id}/withdrawal")
  @PreAuthorize("hasAnyRole('platform-admin','secretary','party-worker')")
  @Operation(operationId = "withdrawApproval", summary = "撤回提请 (withdraw a request)")
  ResponseEntity<ApprovalView> withdraw(
      @PathVariable UUID id, ExpectedVersion expected, @Valid @RequestBody Note request) {
    Caller current = caller.get();
    ApprovalView view =
        approvals.withdraw(
            id, request.comment(), expected.value(), current, scopes.resolve(current));
    return Versions.ok(view, view.version());
  }
}
