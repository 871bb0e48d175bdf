package cn.dangjian.member.community;

import cn.dangjian.member.community.CommunityRegistrations.Side;
import cn.dangjian.member.community.CommunityRequests.RegistrationView;
import cn.dangjian.member.community.CommunityRequests.ServiceView;
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
import jakarta.validation.constraints.Pattern;
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
@RequestMapping("/api/members/community-registrations")
@Tag(
    name = "在职党员到社区报到 Community registration",
    description = "在职党员到居住地社区党组织报到（双报到）；社区记录服务活动，党员所在支部查看参与情况 (community registration)")
@Validated
class CommunityController {

  static final Set<String> SORTABLE = Set.of("registeredOn", "status");

  private final CommunityRegistrations community;
  private final CurrentCaller caller;
  private final DataScopeResolver scopes;

  CommunityController(
      CommunityRegistrations community, CurrentCaller caller, DataScopeResolver scopes) {
    this.community = community;
    this.caller = caller;
    this.scopes = scopes;
  }

  @ResponseStatus(HttpStatus.CREATED)
  @PostMapping
  @PreAuthorize("hasAnyRole('platform-admin','secretary','party-worker','member')")
  @Operation(
      summary = "到社区报到 (register with a community)",
      description = "党员本人或所在党支部办理；社区党组织可在其他辖区；同一时间只在一个社区报到。")
  ResponseEntity<RegistrationView> registerWithCommunity(
      @Valid @RequestBody CommunityRequests.Register body) {
    CommunityRegistration r = community.register(body, scopes.resolve(caller.get()));
    return ResponseEntity.created(URI.create("/api/members/community-registrations/" + r.getId()))
        .body(view(r));
  }

  @GetMapping
  @Operation(
      summary = "报到列表 (registrations)",
      description = "side=BRANCH 本辖区党员的报到；COMMUNITY 在本辖区社区报到的在职党员；ANY 两者（默认）。")
  PageResponse<RegistrationView> listCommunityRegistrations(
      @RequestParam(defaultValue = "ANY") Side side,
      @Parameter(description = "ACTIVE 或 ENDED")
          @RequestParam(required = false)
          @Pattern(regexp = "ACTIVE|ENDED")
          String status,
      @RequestParam(required = false) UUID memberId,
      @RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size,
      @Parameter(description = Sorting.DESCRIPTION) @RequestParam(required = false)
          List<String> sort) {
    return PageResponse.of(
        community.search(
            scopes.resolve(caller.get()),
            side,
            status,
            memberId,
            PageRequest.of(
                page,
                size,
                Sorting.parse(sort, Sort.by(Sort.Direction.DESC, "registeredOn"), SORTABLE))),
        this::view);
  }

  @GetMapping("/{id}")
  @Operation(summary = "查询报到 (get a registration)")
  RegistrationView getCommunityRegistration(@PathVariable UUID id) {
    Caller current = caller.get();
    return view(community.get(id, scopes.resolve(current), current));
  }

  @PostMapping("/{id}/end")
  @Operation(summary = "结束报到 (end the registration)")
  RegistrationView endCommunityRegistration(
      @PathVariable UUID id, @Valid @RequestBody CommunityRequests.End body) {
    Caller current = caller.get();
    return view(community.end(id, body.endedOn(), scopes.resolve(current), current));
  }

  @ResponseStatus(HttpStatus.CREATED)
  @PostMapping("/{id}/services")
  @PreAuthorize("hasAnyRole('platform-admin','secretary','party-worker')")
  @Operation(summary = "社区记录服务活动 (the community records a service activity)")
  ResponseEntity<ServiceView> recordCommunityService(
      @PathVariable UUID id, @Valid @RequestBody CommunityRequests.RecordService body) {
    Caller current = caller.get();
    CommunityService s = community.recordService(id, body, scopes.resolve(current), current);
    return ResponseEntity.created(
            URI.create("/api/members/community-registrations/" + id + "/services/" + s.getId()))
        .body(view(s));
  }

  @GetMapping("/{id}/services")
  @Operation(summary = "服务活动 (service activities)")
  List<ServiceView> listCommunityServices(@PathVariable UUID id) {
    Caller current = caller.get();
    return community.services(id, scopes.resolve(current), current).stream()
        .map(this::view)
        .toList();
  }

  private RegistrationView view(CommunityRegistration r) {
    return new RegistrationView(
        r.getId(),
        r.getMemberId(),
        community.memberName(r.getMemberId()),
        r.getMemberOrgId(),
        r.getCommunityOrgId(),
        community.orgName(r.getCommunityOrgId()),
        r.getRegisteredOn(),
        r.getEndedOn(),
        r.getStatus(),
        community.serviceCount(r.getId()),
        community.serviceHours(r.getId()),
        r.getVersion());
  }

  private ServiceView view(CommunityService s) {
    return new ServiceView(
        s.getId(),
        s.getRegistrationId(),
        s.getServedOn(),
        s.getHours(),
        s.getActivity(),
        s.getRecordedBy());
  }
}
