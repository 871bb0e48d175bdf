package cn.dangjian.member.mobile;

import cn.dangjian.events.EventTypes;
import cn.dangjian.events.member.MobileCertificateChanged;
import cn.dangjian.events.member.MobileChange;
import cn.dangjian.member.mobile.MobileCertificate.Host;
import cn.dangjian.member.mobile.MobileRequests.FileReport;
import cn.dangjian.member.mobile.MobileRequests.IssueCertificate;
import cn.dangjian.member.mobile.MobileRequests.RenewCertificate;
import cn.dangjian.member.org.Org;
import cn.dangjian.member.org.OrgService;
import cn.dangjian.member.person.Member;
import cn.dangjian.member.person.MemberFlag;
import cn.dangjian.member.person.MemberLeftRegister;
import cn.dangjian.member.person.MemberRelocated;
import cn.dangjian.member.person.MemberService;
import cn.dangjian.member.person.MemberStatusService;
import cn.dangjian.platform.events.DomainEventPublisher;
import cn.dangjian.platform.problem.ProblemException;
import cn.dangjian.platform.scope.DataScope;
import cn.dangjian.platform.security.Caller;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 流动党员: the home branch issues, renews and takes back the 活动证; the member (or either branch) files
 * the yearly report home. Each change is published as {@code member.mobile-changed}, which other
 * services read to host the member; the MOBILE flag follows the certificate.
 */
@Service
public class MobileMembers {

  private static final DateTimeFormatter NO_DATE = DateTimeFormatter.BASIC_ISO_DATE;

  private final MobileCertificateRepository certificates;
  private final MobileReportRepository reports;
  private final MemberService members;
  private final MemberStatusService statuses;
  private final OrgService orgs;
  private final DomainEventPublisher events;
  private final MobileProperties properties;
  private final Clock clock;

  MobileMembers(
      MobileCertificateRepository certificates,
      MobileReportRepository reports,
      MemberService members,
      MemberStatusService statuses,
      OrgService orgs,
      DomainEventPublisher events,
      MobileProperties properties,
      Clock clock) {
    this.certificates = certificates;
    this.reports = reports;
    this.members = members;
    this.statuses = statuses;
    this.orgs = orgs;
    this.events = events;
    this.properties = properties;
    this.clock = clock;
  }

  @Transactional
  public MobileCertificate issue(IssueCertificate r, DataScope scope) {
    Member member = members.get(r.memberId(), scope);
    MobileRules.checkMember(
        member.getStage(),
        member.getStatus(),
        certificates.existsByMemberIdAndStatus(member.getId(), MobileStatus.ACTIVE));
    MobileRules.checkValidity(
        r.awaySince(),
        r.issuedOn(),
        r.validUntil(),
        properties.maxValidityMonths(),
        members.today());
    MobileRules.checkTransferNotRequired(
        r.fixedPlace(), r.awaySince(), r.validUntil(), r.noTransferReason());
    Host host = host(r.hostOrgId(), r.hostName(), member.getOrgId());
    String suffix = cn.dangjian.platform.persistence.UuidV7.next().toString().substring(30);
    MobileCertificate certificate =
        certificates.save(
            new MobileCertificate(
                "LD" + r.issuedOn().format(NO_DATE) + suffix.toUpperCase(Locale.ROOT),
                member.getId(),
                member.getOrgId(),
                member.getOrgPath(),
                host,
                r.place().strip(),
                r.reason(),
                r.fixedPlace(),
                blankToNull(r.noTransferReason()),
                r.awaySince(),
                r.issuedOn(),
                r.validUntil(),
                clock.instant()));
    statuses.ensureFlag(member.getId(), MemberFlag.MOBILE, r.awaySince(), "流动党员活动证");
    publish(certificate, MobileChange.ISSUED);
    return certificate;
  }

  @Transactional
  public MobileCertificate renew(UUID id, RenewCertificate r, DataScope scope) {
    MobileCertificate c = atHome(id, scope);
    MobileRules.checkOpen(c.getStatus());
    MobileRules.checkDatedWithin(r.renewedOn(), c.getIssuedOn(), members.today());
    MobileRules.checkRenewal(
        c.getValidUntil(), r.renewedOn(), r.validUntil(), properties.maxValidityMonths());
    MobileRules.checkTransferNotRequired(
        c.isFixedPlace(), c.getAwaySince(), r.validUntil(), c.getNoTransferReason());
    boolean newHost = r.hostOrgId() != null || (r.hostName() != null && !r.hostName().isBlank());
    Host host = newHost ? host(r.hostOrgId(), r.hostName(), c.getHomeOrgId()) : null;
    c.renew(r.validUntil(), host, blankToNull(r.place()), clock.instant());
    publish(c, MobileChange.RENEWED);
    return c;
  }

  @Transactional
  public MobileCertificate returnHome(UUID id, LocalDate returnedOn, DataScope scope) {
    MobileCertificate c = atHome(id, scope);
    MobileRules.checkOpen(c.getStatus());
    MobileRules.checkDatedWithin(returnedOn, c.getIssuedOn(), members.today());
    c.close(MobileStatus.RETURNED, returnedOn, clock.instant());
    statuses.releaseFlag(c.getMemberId(), MemberFlag.MOBILE);
    publish(c, MobileChange.RETURNED);
    return c;
  }

  /** The member themself, the home branch or the host may file the report home. */
  @Transactional
  public MobileReport report(UUID id, FileReport r, Caller caller, DataScope scope) {
    MobileCertificate c = visible(id, scope, caller);
    MobileRules.checkOpen(c.getStatus());
    MobileRules.checkDatedWithin(r.reportedOn(), c.getIssuedOn(), members.today());
    MobileReport report =
        reports.save(
            new MobileReport(
                c.getId(),
                r.reportedOn(),
                r.summary().strip(),
                blankToNull(r.hostOpinion()),
                caller.username(),
                clock.instant()));
    c.reported(r.reportedOn(), clock.instant());
    publish(c, MobileChange.REPORTED);
    return report;
  }

  @Transactional(readOnly = true)
  public MobileCertificate get(UUID id, DataScope scope, Caller caller) {
    return visible(id, scope, caller);
  }

  @Transactional(readOnly = true)
  public List<MobileReport> reports(UUID id, DataScope scope, Caller caller) {
    return reports.findByCertificateIdOrderByReportedOnDesc(visible(id, scope, caller).getId());
  }

  /** Certificates issued by or hosted in the caller's subtree; {@code hostedHere}: hosted only. */
  @Transactional(readOnly = true)
  public Page<MobileCertificate> search(
      DataScope scope, boolean hostedHere, MobileStatus status, UUID memberId, Pageable page) {
    if (scope.kind() == DataScope.Kind.NOTHING) {
      return Page.empty(page);
    }
    if (scope.kind() == DataScope.Kind.SELF) {
      return certificates.search(null, null, status, scope.selfMemberId(), page);
    }
    String prefix = scope.pathFilter().orElse(null);
    return hostedHere
        ? certificates.search(null, prefix == null ? "/" : prefix, status, memberId, page)
        : certificates.search(prefix, null, status, memberId, page);
  }

  /** The member's name, for the views of either side (no personal data beyond it). */
  @Transactional(readOnly = true)
  public String memberName(UUID memberId) {
    return members.get(memberId, DataScope.all()).getName();
  }

  public LocalDate today() {
    return members.today();
  }

  /** A received transfer closes the certificate: the member now belongs where they live. */
  @EventListener
  public void onRelocated(MemberRelocated relocated) {
    certificates
        .findByMemberIdAndStatus(relocated.memberId(), MobileStatus.ACTIVE)
        .ifPresent(
            c -> {
              c.close(MobileStatus.TRANSFERRED, members.today(), clock.instant());
              statuses.releaseFlag(c.getMemberId(), MemberFlag.MOBILE);
              publish(c, MobileChange.CLOSED_BY_TRANSFER);
            });
  }

  /** A member who left the register (停止党籍, 出党, 死亡…) holds no certificate any more. */
  @EventListener
  public void onLeft(MemberLeftRegister left) {
    certificates
        .findByMemberIdAndStatus(left.memberId(), MobileStatus.ACTIVE)
        .ifPresent(
            c -> {
              c.close(MobileStatus.CLOSED, left.on(), clock.instant());
              publish(c, MobileChange.CLOSED_BY_STATUS);
            });
  }

  private Host host(UUID hostOrgId, String hostName, UUID homeOrgId) {
    if (hostOrgId == null) {
      MobileRules.checkHost(false, null, false, hostName);
      return new Host(null, null, hostName.strip());
    }
    // The host may lie in another county: any org of the platform can host.
    Org org = orgs.get(hostOrgId, DataScope.all());
    MobileRules.checkHost(true, org.getOrgType(), org.getId().equals(homeOrgId), hostName);
    return new Host(org.getId(), org.getPath(), org.getName());
  }

  private MobileCertificate atHome(UUID id, DataScope scope) {
    return certificates
        .findById(id)
        .filter(c -> scope.coversPath(c.getHomeOrgPath()))
        .orElseThrow(() -> ProblemException.notFound("mobile.not-found", id));
  }

  private MobileCertificate visible(UUID id, DataScope scope, Caller caller) {
    return certificates
        .findById(id)
        .filter(
            c ->
                scope.coversPath(c.getHomeOrgPath())
                    || (c.getHostOrgPath() != null && scope.coversPath(c.getHostOrgPath()))
                    || caller.memberId().map(c.getMemberId()::equals).orElse(false))
        .orElseThrow(() -> ProblemException.notFound("mobile.not-found", id));
  }

  private void publish(MobileCertificate c, MobileChange change) {
    events.publish(
        EventTypes.MEMBER_MOBILE_CHANGED,
        c.getMemberId().toString(),
        c.getHomeOrgPath(),
        new MobileCertificateChanged(
            c.getId(),
            c.getMemberId(),
            c.getHomeOrgId(),
            c.getHostOrgId(),
            c.getHostOrgPath(),
            change.name(),
            c.getStatus().name(),
            c.isFixedPlace(),
            c.getAwaySince(),
            c.getIssuedOn(),
            c.getValidUntil(),
            c.getLastReportedOn(),
            c.getClosedOn()));
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
