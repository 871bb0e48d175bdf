package cn.dangjian.member.committee;

import cn.dangjian.member.committee.CommitteeRequests.CommitteeView;
import cn.dangjian.platform.scope.DataScopeResolver;
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
  @PreAuthorize("hasAnyRole('platform-admin','secretary')")
  @Operation(
      summary = "登记换届选举结果 (record an election: a new term)",
      description =
          "当选委员须为有表决权的正式党员；书记须党龄满1年；不足7名正式党员的支部只设书记、副书记。"
              + " Elected members must be full members with voting rights; a secretary needs 1 year"
              + " of standing; branches under 7 formal members only have a secretary and deputy.")
  ResponseEntity<CommitteeView> startTerm(
      @PathVariable UUID orgId, @Valid @RequestBody CommitteeRequests.StartTerm request) {
    return ResponseEntity.created(URI.create("/api/orgs/" + orgId + "/committee"))
        .body(service.startTerm(orgId, request, scopes.resolve(caller.get())));
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
  @PreAuthorize("hasAnyRole('platform-admin','secretary')")
  @Operation(summary = "经批准推迟换届（最长1年） (approved postponement, at most one year)")
  CommitteeView postpone(
      @PathVariable UUID orgId, @Valid @RequestBody CommitteeRequests.Postpone request) {
    return service.postpone(orgId, request, scopes.resolve(caller.get()));
  }
}
