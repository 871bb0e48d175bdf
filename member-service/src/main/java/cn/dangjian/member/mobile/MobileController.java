package cn.dangjian.member.mobile;

import cn.dangjian.member.mobile.MobileRequests.CertificateView;
import cn.dangjian.member.mobile.MobileRequests.ReportView;
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
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
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
@RequestMapping("/api/members/mobile-certificates")
@Tag(
    name = "流动党员 Mobile members",
    description = "《流动党员活动证》：原党支部发放、续期、收回；流入地党组织可见并组织其参加组织生活（无表决权）；每年向原党组织报告 (certificates)")
@Validated
class MobileController {

  static final Set<String> SORTABLE = Set.of("issuedOn", "validUntil", "awaySince", "status");

  private final MobileMembers mobile;
  private final CurrentCaller caller;
  private final DataScopeResolver scopes;

  MobileController(MobileMembers mobile, CurrentCaller caller, DataScopeResolver scopes) {
    this.mobile = mobile;
    this.caller = caller;
    this.scopes = scopes;
  }

  @ResponseStatus(HttpStatus.CREATED)
  @PostMapping
  @PreAuthorize("hasAnyRole('platform-admin','secretary','party-worker')")
  @Operation(
      summary = "发放流动党员活动证 (issue a certificate)",
      description = "由党员所在党支部发放；每次有效期不超过12个月（可配置）；在相对固定地点外出6个月以上的应转接组织关系，确无法转接的须写明原因。")
  ResponseEntity<CertificateView> issueMobileCertificate(
      @Valid @RequestBody MobileRequests.IssueCertificate body) {
    MobileCertificate c = mobile.issue(body, scopes.resolve(caller.get()));
    return ResponseEntity.created(URI.create("/api/members/mobile-certificates/" + c.getId()))
        .body(view(c));
  }

  @GetMapping
  @Operation(summary = "流动党员列表：本辖区发出的或在本辖区参加组织生活的 (certificates issued or hosted in scope)")
  PageResponse<CertificateView> listMobileCertificates(
      @Parameter(description = "只看在本辖区参加组织生活的（流入） (hosted here only)")
          @RequestParam(defaultValue = "false")
          boolean hostedHere,
      @RequestParam(required = false) MobileStatus status,
      @RequestParam(required = false) UUID memberId,
      @RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size,
      @Parameter(description = Sorting.DESCRIPTION) @RequestParam(required = false)
          List<String> sort) {
    return PageResponse.of(
        mobile.search(
            scopes.resolve(caller.get()),
            hostedHere,
            status,
            memberId,
            PageRequest.of(
                page,
                size,
                Sorting.parse(sort, Sort.by(Sort.Direction.DESC, "issuedOn"), SORTABLE))),
        this::view);
  }

  @GetMapping("/{id}")
  @Operation(summary = "查询活动证 (get a certificate)")
  CertificateView getMobileCertificate(@PathVariable UUID id) {
    Caller current = caller.get();
    return view(mobile.get(id, scopes.resolve(current), current));
  }

  @PostMapping("/{id}/renewal")
  @PreAuthorize("hasAnyRole('platform-admin','secretary','party-worker')")
  @Operation(summary = "续期或变更流入地 (renew; the host may change)")
  CertificateView renewMobileCertificate(
      @PathVariable UUID id, @Valid @RequestBody MobileRequests.RenewCertificate body) {
    return view(mobile.renew(id, body, scopes.resolve(caller.get())));
  }

  @PostMapping("/{id}/return")
  @PreAuthorize("hasAnyRole('platform-admin','secretary','party-worker')")
  @Operation(summary = "返回原籍，收回活动证 (the member is back)")
  CertificateView returnMobileCertificate(
      @PathVariable UUID id, @Valid @RequestBody MobileRequests.ReturnCertificate body) {
    return view(mobile.returnHome(id, body.returnedOn(), scopes.resolve(caller.get())));
  }

  @ResponseStatus(HttpStatus.CREATED)
  @PostMapping("/{id}/reports")
  @Operation(
      summary = "向原党组织报告外出情况 (file the report home)",
      description = "每年至少一次；党员本人、原党支部或流入地党组织均可录入。")
  ResponseEntity<ReportView> fileMobileReport(
      @PathVariable UUID id, @Valid @RequestBody MobileRequests.FileReport body) {
    Caller current = caller.get();
    MobileReport r = mobile.report(id, body, current, scopes.resolve(current));
    return ResponseEntity.created(
            URI.create("/api/members/mobile-certificates/" + id + "/reports/" + r.getId()))
        .body(view(r));
  }

  @GetMapping("/{id}/reports")
  @Operation(summary = "外出情况报告 (reports home)")
  List<ReportView> listMobileReports(@PathVariable UUID id) {
    Caller current = caller.get();
    return mobile.reports(id, scopes.resolve(current), current).stream().map(this::view).toList();
  }

  private CertificateView view(MobileCertificate c) {
    LocalDate until = c.getClosedOn() != null ? c.getClosedOn() : mobile.today();
    int months = (int) Math.max(0, ChronoUnit.MONTHS.between(c.getAwaySince(), until));
    boolean open = c.getStatus() == MobileStatus.ACTIVE;
    return new CertificateView(
        c.getId(),
        c.getCertificateNo(),
        c.getMemberId(),
        mobile.memberName(c.getMemberId()),
        c.getHomeOrgId(),
        c.getHostOrgId(),
        c.getHostName(),
        c.getPlace(),
        c.getReason(),
        c.getReason().label(),
        c.isFixedPlace(),
        c.getNoTransferReason(),
        c.getAwaySince(),
        c.getIssuedOn(),
        c.getValidUntil(),
        c.getStatus(),
        c.getStatus().label(),
        c.getLastReportedOn(),
        open ? MobileRules.reportDueOn(c.getIssuedOn(), c.getLastReportedOn()) : null,
        months,
        open && MobileRules.transferRequired(c.isFixedPlace(), c.getAwaySince(), until),
        c.getClosedOn(),
        c.getVersion());
  }

  private ReportView view(MobileReport r) {
    return new ReportView(
        r.getId(),
        r.getCertificateId(),
        r.getReportedOn(),
        r.getSummary(),
        r.getHostOpinion(),
        r.getRecordedBy());
  }
}
