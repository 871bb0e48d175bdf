package cn.dangjian.member.transfer;

import cn.dangjian.member.transfer.TransferRequests.TransferView;
import cn.dangjian.platform.scope.DataScopeResolver;
import cn.dangjian.platform.security.Caller;
import cn.dangjian.platform.security.CurrentCaller;
import cn.dangjian.platform.web.PageResponse;
import cn.dangjian.platform.web.Sorting;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/members/transfers")
@Tag(name = "组织关系转接 Transfers", description = "系统内、转出、转入；接收前由转出支部负责管理 (transfers)")
@Validated
class TransferController {

  /** What the transfer list may be sorted by. */
  static final Set<String> SORTABLE = Set.of("requestedOn", "createdAt", "status");

  private final TransferService service;
  private final CurrentCaller caller;
  private final DataScopeResolver scopes;

  TransferController(TransferService service, CurrentCaller caller, DataScopeResolver scopes) {
    this.service = service;
    this.caller = caller;
    this.scopes = scopes;
  }

  @ResponseStatus(HttpStatus.CREATED)
  @PostMapping
  @PreAuthorize("hasAnyRole('platform-admin','secretary','party-worker')")
  @Operation(summary = "申请转接 (request a transfer)")
  ResponseEntity<TransferView> request(@Valid @RequestBody TransferRequests.RequestTransfer body) {
    Transfer t = service.request(body, scopes.resolve(caller.get()));
    return ResponseEntity.created(URI.create("/api/members/transfers/" + t.getId()))
        .body(TransferRequests.view(t));
  }

  @GetMapping
  @Operation(summary = "转接列表：转出或转入本辖区的 (transfers in or out of the caller's subtree)")
  PageResponse<TransferView> list(
      @RequestParam(required = false) TransferStatus status,
      @RequestParam(required = false) UUID memberId,
      @RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size,
      @Parameter(description = Sorting.DESCRIPTION) @RequestParam(required = false)
          List<String> sort) {
    return PageResponse.of(
        service.search(
            scopes.resolve(caller.get()),
            status,
            memberId,
            PageRequest.of(
                page,
                size,
                Sorting.parse(sort, Sort.by(Sort.Direction.DESC, "requestedOn"), SORTABLE))),
        TransferRequests::view);
  }

  @GetMapping("/{id}")
  @Operation(summary = "查询转接 (get a transfer)")
  TransferView get(@PathVariable UUID id) {
    return TransferRequests.view(service.get(id, scopes.resolve(caller.get())));
  }

  @PostMapping("/{id}/approve-out")
  @PreAuthorize("hasAnyRole('platform-admin','secretary')")
  @Operation(summary = "转出支部审核通过 (sending branch approves)")
  TransferView approveOut(@PathVariable UUID id, @Valid @RequestBody TransferRequests.Step step) {
    return TransferRequests.view(service.approveOut(id, step.on(), scopes.resolve(caller.get())));
  }

  @PostMapping("/{id}/issue")
  @PreAuthorize("hasAnyRole('platform-admin','secretary','party-worker')")
  @Operation(
      summary = "开具介绍信（默认有效期90天） (issue the letter)",
      description =
          "转出系统外或转到其他基层党委所属支部的，由转出方基层党委开具（支部 403，写明决定机关）；同一党委内由支部办理。"
              + " Out of the system or to another 党委's branch: the sending 基层党委 issues it.")
  TransferView issue(@PathVariable UUID id, @Valid @RequestBody TransferRequests.Issue issue) {
    Caller current = caller.get();
    return TransferRequests.view(service.issue(id, issue, current, scopes.resolve(current)));
  }

  @PostMapping("/{id}/receive")
  @PreAuthorize("hasAnyRole('platform-admin','secretary','party-worker')")
  @Operation(
      summary = "接收（党员编入接收支部） (receive: the member joins the receiving branch)",
      description =
          "从系统外或其他基层党委转入的，由接收方基层党委审核接收（支部 403，写明决定机关）。"
              + " From outside or from another 党委: the receiving 基层党委 receives.")
  TransferView receive(@PathVariable UUID id, @Valid @RequestBody TransferRequests.Step step) {
    Caller current = caller.get();
    return TransferRequests.view(service.receive(id, step.on(), current, scopes.resolve(current)));
  }

  @PostMapping("/{id}/complete")
  @PreAuthorize("hasAnyRole('platform-admin','secretary')")
  @Operation(summary = "回执已收，办结 (receipt returned, done)")
  TransferView complete(@PathVariable UUID id, @Valid @RequestBody TransferRequests.Step step) {
    return TransferRequests.view(service.complete(id, step.on(), scopes.resolve(caller.get())));
  }

  @PostMapping("/{id}/revoke")
  @PreAuthorize("hasAnyRole('platform-admin','secretary')")
  @Operation(summary = "撤销 (revoke, before receipt)")
  TransferView revoke(@PathVariable UUID id, @Valid @RequestBody TransferRequests.Close close) {
    return TransferRequests.view(service.revoke(id, close.reason(), scopes.resolve(caller.get())));
  }

  @PostMapping("/{id}/reject")
  @PreAuthorize("hasAnyRole('platform-admin','secretary')")
  @Operation(summary = "接收方退回 (receiving branch rejects)")
  TransferView reject(@PathVariable UUID id, @Valid @RequestBody TransferRequests.Close close) {
    return TransferRequests.view(service.reject(id, close.reason(), scopes.resolve(caller.get())));
  }
}
