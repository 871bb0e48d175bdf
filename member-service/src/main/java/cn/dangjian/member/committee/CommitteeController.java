package cn.dangjian.member.committee;

import cn.dangjian.member.approval.ApprovalRequests.ApprovalView;
import cn.dangjian.member.committee.CommitteeRequests.CommitteeView;
import cn.dangjian.platform.scope.DataScopeResolver;
import cn.dangjian.platform.security.Caller;
import cn.dangjian.platform.security.CurrentCaller;
import cn.dangjian.platform.web.Versions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/orgs/{orgId}/committee")
@Tag(name = "委员会与任期 Committees", description = "支部委员会、任期、换届与书记空缺 (committees and terms)")
class CommitteeController {

  private final CommitteeService service;
  private final CurrentCaller caller;
  private final DataScopeResolver scopes;

  CommitteeController(CommitteeService service, CurrentCaller caller, DataScopeResolver scopes) {
    this.service = service;
    this.caller = caller;
    this.scopes = scopes;
  }

  @GetMapping
  @Operation(
      operationId = "getCurrentCommittee",
      summary = "本届委员会 (the current committee, due date and vacancies)")
  CommitteeView current(@PathVariable UUID orgId) {
    return service.current(orgId, scopes.resolve(caller.get()));
  }

  @PostMapping("/terms")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("hasAnyRole('platform-admin','secretary','party-worker')")
  @Operation(
      operationId = "startCommitteeTerm",
      summary = "直接登记新一届委员会（仅基层党委） (record a term directly: the 党委 above only)",
      description =
          "新一届委员会来自经批准的换届选举（/committee/elections）；此接口仅供代表上级党委者录入既有委员会（数据迁移），"
              + "支部调用返回 403（rule: decided-by-higher-body）。当选委员须为有表决权的正式党员；书记须党龄满1年；"
              + "不足7名正式党员的支部只设书记、副书记。"
              + " A new term comes from an approved election; this is for callers who speak for the"
              + " 党委 above (migrating existing committees); a branch gets 403.")
  ResponseEntity<CommitteeView> startTerm(
      @PathVariable UUID orgId, @Valid @RequestBody CommitteeRequests.StartTerm request) {
    Caller current = caller.get();
    return ResponseEntity.created(URI.create("/api/orgs/" + orgId + "/committee"))
        .body(service.startTerm(orgId, request, current, scopes.resolve(current)));
  }

  @PostMapping("/members")
  @PreAuthorize("hasAnyRole('platform-admin','secretary')")
  @Operation(summary = "增补委员 (appoint to the current term)")
  CommitteeView appoint(
      @PathVariable UUID orgId, @Valid @RequestBody CommitteeRequests.Appoint request) {
    return service.appoint(orgId, request, scopes.resolve(caller.get()));
  }

  @PostMapping("/members/{memberId}/leave")
  @PreAuthorize("hasAnyRole('platform-admin','secretary')")
  @Operation(summary = "委员离任 (leave; a departing secretary leaves the post vacant)")
  CommitteeView leave(
      @PathVariable UUID orgId,
      @PathVariable UUID memberId,
      @Valid @RequestBody CommitteeRequests.Leave request) {
    return service.leave(orgId, memberId, request, scopes.resolve(caller.get()));
  }

  @PostMapping("/postpone")
  @PreAuthorize("hasAnyRole('platform-admin','secretary','party-worker')")
  @Operation(
      summary = "登记经批准的推迟换届（仅基层党委，最长1年） (record an approved postponement: the 党委 above only)",
      description =
          "支部应通过 /committee/postponement-requests 提请；支部调用返回 403。"
              + " A branch requests it instead (403 here).")
  CommitteeView postpone(
      @PathVariable UUID orgId, @Valid @RequestBody CommitteeRequests.Postpone request) {
    Caller current = caller.get();
    return service.postpone(orgId, request, current, scopes.resolve(current));
  }

  @PostMapping("/postponement-requests")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("hasAnyRole('platform-admin','secretary','party-worker')")
  @Operation(
      operationId = "requestTermPostponement",
      summary = "提请延期换届（最长1年） (request a postponement of 换届, at most one year)",
      description =
          "由基层党委审批，批准后本届应换届日期改为推迟后的日期。返回审批事项，见 /api/approvals。"
              + " Decided by the 党委 above; returns the approval request.")
  ResponseEntity<ApprovalView> requestPostponement(
      @PathVariable UUID orgId, @Valid @RequestBody ElectionRequests.RequestPostponement request) {
    Caller current = caller.get();
    ApprovalView view =
        service.requestPostponement(orgId, request, current, scopes.resolve(current));
    return Versions.created("/api/approvals/" + view.id(), view, view.version());
  }
}
