package cn.dangjian.member.development;

import cn.dangjian.member.development.DevelopmentRequests.Progress;
import cn.dangjian.platform.scope.DataScopeResolver;
import cn.dangjian.platform.security.Caller;
import cn.dangjian.platform.security.CurrentCaller;
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
        .body(service.record(memberId, request, scopes.resolve(current), current.username()));
  }
}
