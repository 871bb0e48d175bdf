package cn.dangjian.member.development;

import cn.dangjian.member.approval.ApprovalRequests.ApprovalView;
import cn.dangjian.member.development.DevelopmentRequests.Progress;
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
@RequestMapping("/api/members/{memberId}/development")
@Tag(
    name = "发展党员 Development",
    description = "入党申请人→积极分子→发展对象→预备党员→正式党员，25个步骤 (the 25-step pipeline)")
class DevelopmentController {

  private final DevelopmentService service;
  private final CurrentCaller caller;
  private final DataScopeResolver scopes;

  DevelopmentController(
      DevelopmentService service, CurrentCaller caller, DataScopeResolver scopes) {
    this.service = service;
    this.caller = caller;
    this.scopes = scopes;
  }

  @GetMapping
  @Operation(
      operationId = "getMemberDevelopment",
      summary = "发展进度、下一步及期限 (progress, next step and its due date)")
  Progress progress(@PathVariable UUID memberId) {
    return service.progress(memberId, scopes.resolve(caller.get()));
  }

  @PostMapping("/steps")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("hasAnyRole('platform-admin','secretary','party-worker')")
  @Operation(
      summary = "记录一个发展步骤 (record a step)",
      description =
          "按《发展党员工作细则》校验：年满18岁、一个月内谈话、积极分子满1年、两名正式党员介绍人、政治审查合格、"
              + "培训不少于24学时、支部大会实到过半且赞成超过应到会半数、3个月内审批、预备期1年且只能延长一次。"
              + " Checked against the development rules; votes and deadlines included.")
  ResponseEntity<Progress> record(
      @PathVariable UUID memberId, @Valid @RequestBody DevelopmentRequests.RecordStep request) {
    Caller current = caller.get();
    return ResponseEntity.created(URI.create("/api/members/" + memberId + "/development"))
        .body(service.record(memberId, request, current, scopes.resolve(current)));
  }

  @PostMapping("/requests")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("hasAnyRole('platform-admin','secretary','party-worker')")
  @Operation(
      operationId = "requestDevelopmentStep",
      summary = "提请上级审批发展步骤或逾期补录 (request a higher body's step or a late record)",
      description =
          "上级党委的步骤（13 预审、16 谈话、17 审批接收、18 备案、24 审批转正）由支部提请、上级决定，批准日期即步骤日期；"
              + "超过期限的步骤（一个月内谈话、3个月内审批）不得倒填日期：如实填写实际日期并写明逾期原因（lateReason），"
              + "经基层党委批准后记入并标为逾期。其他规则照常校验。返回审批事项，见 /api/approvals。"
              + " A step the body above decides, or a late record with its true date and reason;"
              + " returns the approval request.")
  ResponseEntity<ApprovalView> request(
      @PathVariable UUID memberId, @Valid @RequestBody DevelopmentRequests.StepRequest request) {
    Caller current = caller.get();
    ApprovalView view = service.request(memberId, request, current, scopes.resolve(current));
    return Versions.created("/api/approvals/" + view.id(), view, view.version());
  }
}
