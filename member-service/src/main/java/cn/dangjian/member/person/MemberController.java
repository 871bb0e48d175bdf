package cn.dangjian.member.person;

import cn.dangjian.member.approval.ApprovalRequests.ApprovalView;
import cn.dangjian.member.person.MemberRequests.AccessRecord;
import cn.dangjian.member.person.MemberRequests.MemberResponse;
import cn.dangjian.member.person.MemberRequests.PersonalData;
import cn.dangjian.member.person.MemberRequests.RegisterMember;
import cn.dangjian.member.person.MemberRequests.UpdateMember;
import cn.dangjian.member.privacy.PersonalDataPolicy;
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
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
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
@RequestMapping("/api/members")
@Tag(name = "党员 Members", description = "党员与入党申请人档案 (member records)")
@Validated
class MemberController {

  /** What the member list may be sorted by. */
  static final Set<String> SORTABLE =
      Set.of("name", "joinDate", "fullMemberDate", "birthDate", "createdAt", "statusSince");

  private final MemberService service;
  private final MemberStatusService statuses;
  private final MemberMapper mapper;
  private final CurrentCaller caller;
  private final DataScopeResolver scopes;

  MemberController(
      MemberService service,
      MemberStatusService statuses,
      MemberMapper mapper,
      CurrentCaller caller,
      DataScopeResolver scopes) {
    this.service = service;
    this.statuses = statuses;
    this.mapper = mapper;
    this.caller = caller;
    this.scopes = scopes;
  }

  @ResponseStatus(HttpStatus.CREATED)
  @PostMapping
  @PreAuthorize("hasAnyRole('platform-admin','secretary','party-worker')")
  @Operation(
      summary = "登记党员 (register a member)",
      description =
          "在调用者管辖的党支部登记党员或入党申请人。身份证号加密存储，响应中脱敏。"
              + " Registers a person in a branch of the caller's subtree; personal data is encrypted"
              + " at rest and masked in responses.")
  ResponseEntity<MemberResponse> register(@Valid @RequestBody RegisterMember request) {
    Caller current = caller.get();
    Member member = service.register(request, scopes.resolve(current));
    return Versions.created(
        "/api/members/" + member.getId(), view(member, current), member.getVersion());
  }

  @GetMapping
  @Operation(
      summary = "分页查询党员 (list members)",
      description =
          "只返回调用者管辖范围内的党员；党员本人只能看到自己。按身份证号精确查找仅限书记和平台管理员（其他角色 403），"
              + "每次查找记入审计，并按调用者限流（默认每分钟30次，超出返回 429 及 Retry-After）。"
              + " Only the caller's subtree; a member sees only themself. Exact ID-number lookup"
              + " (keyed hash) only for secretaries and platform admins (others 403); every lookup"
              + " is audited and rate-limited per caller (default 30/min; 429 with Retry-After).")
  PageResponse<MemberResponse> list(
      @Parameter(description = "组织ID：该组织及其下级 (org subtree)") @RequestParam(required = false)
          UUID orgId,
      @Parameter(description = "发展阶段 (stage)") @RequestParam(required = false) MemberStage stage,
      @Parameter(description = "党籍状态 (status)") @RequestParam(required = false) MemberStatus status,
      @Parameter(description = "党费类别 (dues category)") @RequestParam(required = false)
          DuesCategory category,
      @Parameter(description = "姓名前缀 (name prefix)") @RequestParam(required = false) @Size(max = 50)
          String name,
      @Parameter(description = "身份证号精确查找 (exact ID number)")
          @RequestParam(required = false)
          @Size(max = 18)
          String idNumber,
      @Parameter(description = "页码，从0开始") @RequestParam(defaultValue = "0") @Min(0) int page,
      @Parameter(description = "每页条数，最大200") @RequestParam(defaultValue = "20") @Min(1) @Max(200)
          int size,
      @Parameter(description = Sorting.DESCRIPTION) @RequestParam(required = false)
          List<String> sort) {
    Caller current = caller.get();
    var result =
        service.search(
            current,
            scopes.resolve(current),
            orgId,
            stage,
            status,
            category,
            name,
            idNumber,
            PageRequest.of(page, size, Sorting.parse(sort, Sort.by("id"), SORTABLE)));
    return PageResponse.of(result, m -> view(m, current));
  }

  @GetMapping("/{id}")
  @Operation(summary = "查询党员 (get a member)")
  ResponseEntity<MemberResponse> get(@PathVariable UUID id) {
    Caller current = caller.get();
    Member member = service.get(id, scopes.resolve(current));
    return Versions.ok(view(member, current), member.getVersion());
  }

  @PutMapping("/{id}")
  @PreAuthorize("hasAnyRole('platform-admin','secretary','party-worker')")
  @Operation(
      summary = "修改党员档案 (update a member)",
      description = "需要 If-Match 请求头（读取时的 ETag）。Needs If-Match with the ETag read.")
  ResponseEntity<MemberResponse> update(
      @PathVariable UUID id, ExpectedVersion expected, @Valid @RequestBody UpdateMember request) {
    Caller current = caller.get();
    Member member = service.update(id, request, expected.value(), scopes.resolve(current));
    return Versions.ok(view(member, current), member.getVersion());
  }

  @PostMapping("/{id}/status")
  @PreAuthorize("hasAnyRole('platform-admin','secretary','party-worker')")
  @Operation(
      summary = "变更党籍状态 (change membership status)",
      description =
          "死亡由支部记录；停止/恢复党籍、退党、劝退、除名、取消预备党员资格只能由基层党委（其书记或党务工作者）直接记录，"
              + "开除党籍须经纪委，支部记录返回 403 并写明决定机关，应改用 status-requests 提请审批。需要 If-Match。"
              + " A death is recorded by the branch; what a higher body decides only by that body"
              + " (403 naming it otherwise: use status-requests).")
  ResponseEntity<MemberResponse> changeStatus(
      @PathVariable UUID id,
      ExpectedVersion expected,
      @Valid @RequestBody MemberRequests.ChangeStatus request) {
    Caller current = caller.get();
    Member member =
        statuses.changeStatus(id, request, expected.value(), current, scopes.resolve(current));
    return Versions.ok(view(member, current), member.getVersion());
  }

  @PostMapping("/{id}/status-requests")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("hasAnyRole('platform-admin','secretary','party-worker')")
  @Operation(
      operationId = "requestMemberStatusChange",
      summary = "提请上级决定党籍处置 (request a status change the body above decides)",
      description =
          "停止党籍、恢复党籍、退党、劝退、除名、取消预备党员资格由基层党委批准；开除党籍由基层党委批准后，"
              + "须经县级以上纪委审查批准（党章第四十二条）。除名、劝退、开除党籍须附支部大会表决（实到过半、赞成超过应到会半数）。"
              + "现在按今天校验，批准时再校验一次，以批准日期生效。返回审批事项，见 /api/approvals。"
              + " Returns the approval request; the change takes effect on the last approval.")
  ResponseEntity<ApprovalView> requestStatus(
      @PathVariable UUID id, @Valid @RequestBody MemberRequests.StatusRequest request) {
    Caller current = caller.get();
    ApprovalView view = statuses.requestStatus(id, request, current, scopes.resolve(current));
    return Versions.created("/api/approvals/" + view.id(), view, view.version());
  }

  @GetMapping("/{id}/status-history")
  @Operation(summary = "党籍状态变更记录 (status history)")
  List<MemberRequests.StatusChangeView> statusHistory(@PathVariable UUID id) {
    return statuses.history(id, scopes.resolve(caller.get())).stream()
        .map(mapper::toStatusChangeView)
        .toList();
  }

  @GetMapping("/{id}/flags")
  @Operation(summary = "标记 (flags: 流动党员, 失联, 限期改正, 留党察看, 权利中止)")
  List<MemberRequests.FlagView> flags(@PathVariable UUID id) {
    return statuses.flags(id, scopes.resolve(caller.get())).stream()
        .map(mapper::toFlagView)
        .toList();
  }

  @PostMapping("/{id}/flags")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("hasAnyRole('platform-admin','secretary','party-worker')")
  @Operation(
      summary = "设置标记 (set a flag)",
      description = "限期改正最长1年（默认6个月），留党察看最长2年（默认1年）。Periods are checked.")
  ResponseEntity<MemberRequests.FlagView> setFlag(
      @PathVariable UUID id, @Valid @RequestBody MemberRequests.SetFlag request) {
    MemberFlagPeriod period = statuses.setFlag(id, request, scopes.resolve(caller.get()));
    return ResponseEntity.created(URI.create("/api/members/" + id + "/flags"))
        .body(mapper.toFlagView(period));
  }

  @ResponseStatus(HttpStatus.NO_CONTENT)
  @org.springframework.web.bind.annotation.DeleteMapping("/{id}/flags/{flag}")
  @PreAuthorize("hasAnyRole('platform-admin','secretary','party-worker')")
  @Operation(summary = "解除标记 (clear a flag)")
  ResponseEntity<Void> clearFlag(@PathVariable UUID id, @PathVariable MemberFlag flag) {
    statuses.clearFlag(id, flag, scopes.resolve(caller.get()));
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/{id}/personal-data")
  @PreAuthorize("hasAnyRole('platform-admin','secretary')")
  @Operation(
      operationId = "revealMemberPersonalData",
      summary = "查看未脱敏的身份证号和手机号 (reveal personal data)",
      description = "必须说明用途；每次读取都写入审计日志。A reason is required; every read is audited.")
  PersonalData revealPersonalData(
      @PathVariable UUID id,
      @Parameter(description = "查看原因 (reason)", example = "组织关系转接核对身份")
          @RequestParam
          @NotBlank
          @Size(max = 200)
          String reason) {
    Caller current = caller.get();
    return service.revealPersonalData(id, scopes.resolve(current), current, reason.strip());
  }

  @GetMapping("/{id}/personal-data/access-log")
  @PreAuthorize("hasRole('platform-admin')")
  @Operation(summary = "敏感信息访问记录 (who read this member's personal data)")
  List<AccessRecord> accessLog(@PathVariable UUID id) {
    return service.accessLog(id, scopes.resolve(caller.get())).stream()
        .map(mapper::toAccessRecord)
        .toList();
  }

  /** Birth date (digits 7–14 of the ID number) only for who may see personal data, or oneself. */
  private MemberResponse view(Member member, Caller current) {
    LocalDate today = service.today();
    boolean self = current.memberId().map(member.getId()::equals).orElse(false);
    LocalDate birthDate =
        PersonalDataPolicy.mayUnmask(current) || self ? member.getBirthDate() : null;
    return mapper.toResponse(
        member,
        service.maskedIdNumber(member),
        service.maskedPhone(member),
        service.maskedEmail(member),
        birthDate,
        today);
  }
}
