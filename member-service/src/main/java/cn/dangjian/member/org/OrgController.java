package cn.dangjian.member.org;

import cn.dangjian.member.org.OrgRequests.CreateOrg;
import cn.dangjian.member.org.OrgRequests.OrgResponse;
import cn.dangjian.member.org.OrgRequests.RenameOrg;
import cn.dangjian.platform.scope.DataScopeResolver;
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
import jakarta.validation.constraints.Size;
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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/orgs")
@Tag(name = "党组织 Organisations", description = "党委/党总支/党支部/党小组组织树 (the organisation tree)")
@Validated
class OrgController {

  /** What the org list may be sorted by; tree order (path) unless asked otherwise. */
  static final Set<String> SORTABLE = Set.of("path", "name", "createdAt");

  private final OrgService service;
  private final OrgMapper mapper;
  private final CurrentCaller caller;
  private final DataScopeResolver scopes;

  OrgController(
      OrgService service, OrgMapper mapper, CurrentCaller caller, DataScopeResolver scopes) {
    this.service = service;
    this.mapper = mapper;
    this.caller = caller;
    this.scopes = scopes;
  }

  @ResponseStatus(HttpStatus.CREATED)
  @PostMapping
  @PreAuthorize("hasAnyRole('platform-admin','secretary')")
  @Operation(
      summary = "创建党组织 (create an organisation)",
      description =
          "在调用者管辖范围内的上级组织下创建下级组织；根组织只能由平台管理员创建。"
              + " Creates a child under a parent in the caller's subtree; roots need platform-admin.")
  ResponseEntity<OrgResponse> create(@Valid @RequestBody CreateOrg request) {
    Org org = service.create(request, scopes.resolve(caller.get()));
    return Versions.created("/api/orgs/" + org.getId(), mapper.toResponse(org), org.getVersion());
  }

  @GetMapping
  @Operation(
      summary = "分页查询党组织 (list organisations)",
      description = "仅返回调用者管辖的组织子树。Only the caller's subtree.")
  PageResponse<OrgResponse> list(
      @Parameter(description = "上级组织ID (direct children of)") @RequestParam(required = false)
          UUID parentId,
      @Parameter(description = "组织类型 (type)") @RequestParam(required = false) OrgType type,
      @Parameter(description = "名称前缀 (name prefix)")
          @RequestParam(required = false)
          @Size(max = 100)
          String name,
      @Parameter(description = "状态 (status)") @RequestParam(required = false) OrgStatus status,
      @Parameter(description = "页码，从0开始") @RequestParam(defaultValue = "0") @Min(0) int page,
      @Parameter(description = "每页条数，最大200") @RequestParam(defaultValue = "20") @Min(1) @Max(200)
          int size,
      @Parameter(description = Sorting.DESCRIPTION) @RequestParam(required = false)
          List<String> sort) {
    var result =
        service.search(
            scopes.resolve(caller.get()),
            parentId,
            type,
            name,
            status,
            PageRequest.of(page, size, Sorting.parse(sort, Sort.by("path"), SORTABLE)));
    return PageResponse.of(result, mapper::toResponse);
  }

  @GetMapping("/{id}")
  @Operation(summary = "查询党组织 (get an organisation)")
  ResponseEntity<OrgResponse> get(@PathVariable UUID id) {
    Org org = service.get(id, scopes.resolve(caller.get()));
    return Versions.ok(mapper.toResponse(org), org.getVersion());
  }

  @PostMapping("/{id}/move")
  @PreAuthorize("hasAnyRole('platform-admin','secretary')")
  @Operation(
      summary = "调整隶属关系 (move a subtree)",
      description =
          "将组织及其全部下级组织和党员移到新的上级组织下，一个事务内完成；需要 If-Match。"
              + " Moves the org with its whole subtree in one transaction; needs If-Match.")
  ResponseEntity<OrgResponse> move(
      @PathVariable UUID id,
      ExpectedVersion expected,
      @Valid @RequestBody OrgRequests.MoveOrg request) {
    Org org =
        service.move(id, request.newParentId(), expected.value(), scopes.resolve(caller.get()));
    return Versions.ok(mapper.toResponse(org), org.getVersion());
  }

  @PostMapping("/{id}/dissolve")
  @PreAuthorize("hasAnyRole('platform-admin','secretary')")
  @Operation(
      summary = "撤销党组织 (dissolve)",
      description =
          "组织下不能再有在册党员和未撤销的下级组织；撤销后保留历史。Needs no active members or"
              + " sub-organisations; history is kept.")
  ResponseEntity<OrgResponse> dissolve(
      @PathVariable UUID id,
      ExpectedVersion expected,
      @Valid @RequestBody OrgRequests.DissolveOrg request) {
    Org org =
        service.dissolve(
            id,
            request.dissolvedOn(),
            request.reason(),
            expected.value(),
            scopes.resolve(caller.get()));
    return Versions.ok(mapper.toResponse(org), org.getVersion());
  }

  @GetMapping("/{id}/history")
  @Operation(summary = "组织变更历史 (history: created, renamed, moved, dissolved)")
  java.util.List<OrgRequests.OrgHistoryView> history(@PathVariable UUID id) {
    return service.history(id, scopes.resolve(caller.get())).stream()
        .map(mapper::toHistoryView)
        .toList();
  }

  @PutMapping("/{id}/unit")
  @PreAuthorize("hasAnyRole('platform-admin','secretary')")
  @Operation(
      operationId = "changeOrgUnit",
      summary = "修改单位类型和隶属关系 (change the unit's 单位类型 and 隶属关系)",
      description =
          "党内统计用：组织所在单位的单位类型和隶属关系，两项都要给出；发布 org.classified。需要 If-Match 请求头（读取时的"
              + " ETag）。 For the 党内统计: both codes are required; publishes org.classified. Needs"
              + " If-Match with the ETag read.")
  ResponseEntity<OrgResponse> changeUnit(
      @PathVariable UUID id,
      ExpectedVersion expected,
      @Valid @RequestBody OrgRequests.ChangeOrgUnit request) {
    Org org =
        service.changeUnit(
            id,
            request.unitType(),
            request.affiliation(),
            expected.value(),
            scopes.resolve(caller.get()));
    return Versions.ok(mapper.toResponse(org), org.getVersion());
  }

  @PutMapping("/{id}/name")
  @PreAuthorize("hasAnyRole('platform-admin','secretary')")
  @Operation(
      summary = "修改党组织名称 (rename an organisation)",
      description = "需要 If-Match 请求头（读取时的 ETag）。Needs If-Match with the ETag read.")
  ResponseEntity<OrgResponse> rename(
      @PathVariable UUID id, ExpectedVersion expected, @Valid @RequestBody RenameOrg request) {
    Org org = service.rename(id, request.name(), expected.value(), scopes.resolve(caller.get()));
    return Versions.ok(mapper.toResponse(org), org.getVersion());
  }
}
