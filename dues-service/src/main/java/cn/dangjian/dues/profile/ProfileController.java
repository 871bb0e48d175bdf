package cn.dangjian.dues.profile;

import cn.dangjian.dues.access.DuesAccess;
import cn.dangjian.dues.profile.ProfileRequests.CreateProfile;
import cn.dangjian.dues.profile.ProfileRequests.ProfileResponse;
import cn.dangjian.dues.profile.ProfileRequests.SetHardship;
import cn.dangjian.dues.profile.ProfileRequests.UpdateProfile;
import cn.dangjian.platform.web.ExpectedVersion;
import cn.dangjian.platform.web.Versions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.UUID;
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
@RequestMapping("/api/dues/profiles")
@Tag(name = "党费核定 Dues profiles", description = "党费类别、计缴基数和每月标准 (category, base, monthly amount)")
@Validated
class ProfileController {

  private final ProfileService service;
  private final ProfileMapper mapper;
  private final DuesAccess access;

  ProfileController(ProfileService service, ProfileMapper mapper, DuesAccess access) {
    this.service = service;
    this.mapper = mapper;
    this.access = access;
  }

  @ResponseStatus(HttpStatus.CREATED)
  @PostMapping
  @PreAuthorize("hasAnyRole('platform-admin','secretary','party-worker')")
  @Operation(
      summary = "核定党费 (assess a member's dues)",
      description =
          "按《关于中国共产党党费收缴、使用和管理的规定》计算每月应缴：按全部基数适用一个比例（3000/5000/10000元分档"
              + " 0.5%/1%/1.5%/2%；离退休5000元以下0.5%、以上1%；农民0.2–1元；学生、失业、低保0.2元），"
              + "四舍五入到分。从生效月份起的未缴账单随之重算。 Computes the monthly amount on the whole base,"
              + " HALF_UP to the fen; unpaid bills from that month on are re-priced.")
  ResponseEntity<ProfileResponse> create(@Valid @RequestBody CreateProfile request) {
    ProfileService.Visible created = service.create(request, access.current());
    return Versions.created(
        "/api/dues/profiles/" + created.profile().getId(),
        view(created),
        created.profile().getVersion());
  }

  @GetMapping
  @Operation(
      summary = "党员的党费核定 (a member's assessments)",
      description = "基数仅本人、本支部书记/党务工作者和管理员可见。The base is shown only to those allowed.")
  List<ProfileResponse> list(
      @Parameter(description = "党员ID") @RequestParam UUID memberId,
      @Parameter(description = "年度") @RequestParam(required = false) @Min(2000) @Max(2100)
          Integer year) {
    return service.ofMember(memberId, year, access.current()).stream().map(this::view).toList();
  }

  @GetMapping("/{id}")
  @Operation(summary = "查询党费核定 (get an assessment)")
  ResponseEntity<ProfileResponse> get(@PathVariable UUID id) {
    ProfileService.Visible found = service.get(id, access.current());
    return Versions.ok(view(found), found.profile().getVersion());
  }

  @PutMapping("/{id}")
  @PreAuthorize("hasAnyRole('platform-admin','secretary','party-worker')")
  @Operation(
      summary = "修改党费核定 (change an assessment)",
      description = "需要 If-Match。未缴账单按新标准重算，已缴的不变。Needs If-Match; unpaid bills follow.")
  ResponseEntity<ProfileResponse> update(
      @PathVariable UUID id, ExpectedVersion expected, @Valid @RequestBody UpdateProfile request) {
    ProfileService.Visible updated =
        service.update(id, request, expected.value(), access.current());
    return Versions.ok(view(updated), updated.profile().getVersion());
  }

  @PutMapping("/{id}/hardship")
  @PreAuthorize("hasAnyRole('platform-admin','secretary')")
  @Operation(
      operationId = "setProfileHardship",
      summary = "困难党员减交或免交 (hardship reduction or waiver)",
      description =
          "减交、免交须经支部党员大会讨论、报上一级党委批准（党费规定第七条）：由 member-service 的"
              + " POST /api/members/{id}/dues-hardship-requests 提请基层党委审批，批准后自动写入当前核定。"
              + "支部书记在此只能提前终止（kind: NONE），登记 REDUCED/WAIVED 得 403（rule: decided-by-higher-body）；"
              + "管理员可直接登记系统外已批准的减免（历史数据迁移），须记录批准人、讨论会议和有效期。写入审计。需要 If-Match。"
              + " Reductions and waivers are requested from the primary committee through member-service"
              + " and applied when approved; here a secretary may only end one early (403"
              + " decided-by-higher-body otherwise) and an admin record one decided outside the system.")
  ResponseEntity<ProfileResponse> hardship(
      @PathVariable UUID id, ExpectedVersion expected, @Valid @RequestBody SetHardship request) {
    ProfileService.Visible updated =
        service.hardship(id, request, expected.value(), access.current());
    return Versions.ok(view(updated), updated.profile().getVersion());
  }

  private ProfileResponse view(ProfileService.Visible visible) {
    return mapper.toResponse(visible.profile(), visible.mayReadBase());
  }
}
