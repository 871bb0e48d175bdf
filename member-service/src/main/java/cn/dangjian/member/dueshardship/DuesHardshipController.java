package cn.dangjian.member.dueshardship;

import cn.dangjian.member.approval.ApprovalRequests.ApprovalView;
import cn.dangjian.platform.scope.DataScopeResolver;
import cn.dangjian.platform.security.Caller;
import cn.dangjian.platform.security.CurrentCaller;
import cn.dangjian.platform.web.Versions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@RequestMapping("/api/members/{memberId}")
@Tag(
    name = "困难党员减免党费 Dues hardship",
    description = "生活困难的党员经支部党员大会讨论、报上一级党委批准，可以少交或免交党费 (hardship reductions and waivers)")
class DuesHardshipController {

  private final DuesHardships hardships;
  private final CurrentCaller caller;
  private final DataScopeResolver scopes;

  DuesHardshipController(DuesHardships hardships, CurrentCaller caller, DataScopeResolver scopes) {
    this.hardships = hardships;
    this.caller = caller;
    this.scopes = scopes;
  }

  @ResponseStatus(HttpStatus.CREATED)
  @PostMapping("/dues-hardship-requests")
  @PreAuthorize("hasAnyRole('platform-admin','secretary','party-worker')")
  @Operation(
      operationId = "requestDuesHardship",
      summary = "提请困难党员减交或免交党费 (request a hardship reduction or waiver of dues)",
      description =
          "附支部党员大会表决（实到过半、赞成超过应到会半数），报基层党委批准（《关于中国共产党党费收缴、使用和管理的规定》第七条）。"
              + "减交须填每月减交后金额（大于0且低于按标准应缴，党费服务在生效时校验），免交不填；有效期须晚于今天。"
              + "批准后党费服务据 member.approval-changed 事件更新该党员当前的党费核定并重算未缴账单（最终一致）。"
              + " Returns the approval request; dues-service applies it when it reads the approval.")
  ResponseEntity<ApprovalView> requestDuesHardship(
      @PathVariable UUID memberId, @Valid @RequestBody DuesHardshipRequest request) {
    Caller current = caller.get();
    ApprovalView view = hardships.request(memberId, request, current, scopes.resolve(current));
    return Versions.created("/api/approvals/" + view.id(), view, view.version());
  }
}
