package cn.dangjian.member.community;

import cn.dangjian.events.EventTypes;
import cn.dangjian.events.member.CommunityServiceRecorded;
import cn.dangjian.member.community.CommunityRequests.RecordService;
import cn.dangjian.member.community.CommunityRequests.Register;
import cn.dangjian.member.org.Org;
import cn.dangjian.member.org.OrgService;
import cn.dangjian.member.person.Member;
import cn.dangjian.member.person.MemberService;
import cn.dangjian.platform.events.DomainEventPublisher;
import cn.dangjian.platform.problem.ProblemException;
import cn.dangjian.platform.scope.DataScope;
import cn.dangjian.platform.security.Caller;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 在职党员到社区报到: the member (or their branch) registers with a community 党组织 anywhere in the platform;
 * the community records service activities; both sides read them in their own scope.
 */
@Service
public class CommunityRegistrations {

  /** Which side's view a list shows. */
  public enum Side {
    /** registrations of members of the caller's subtree (the member's branch) */
    BRANCH,
    /** registrations with communities of the caller's subtree */
    COMMUNITY,
    /** either */
    ANY
  }

  private final CommunityRegistrationRepository registrations;
  private final CommunityServiceRepository services;
  private final MemberService members;
  private final OrgService orgs;
  private final DomainEventPublisher events;
  private final Clock clock;

  CommunityRegistrations(
      CommunityRegistrationRepository registrations,
      CommunityServiceRepository services,
      MemberService members,
      OrgService orgs,
      DomainEventPublisher events,
      Clock clock) {
    this.registrations = registrations;
    this.services = services;
    this.members = members;
    this.orgs = orgs;
    this.events = events;
    this.clock = clock;
  }

  /** The member themself or their branch registers (SELF scope sees only the member). */
  @Transactional
  public CommunityRegistration register(Register r, DataScope scope) {
    Member member = members.get(r.memberId(), scope);
    CommunityRules.checkMember(
        member.getStage(),
        member.getStatus(),
        member.getDuesCategory(),
        registrations.existsByMemberIdAndStatus(member.getId(), CommunityRegistration.ACTIVE));
    if (r.registeredOn().isAfter(members.today())) {
      throw ProblemException.businessRule("date-in-future", "community.rule.future");
    }
    // where the member lives may be another county's community
    Org community = orgs.get(r.communityOrgId(), DataScope.all());
    CommunityRules.checkCommunity(
        community.getOrgType(), community.getId().equals(member.getOrgId()));
    return registrations.save(
        new CommunityRegistration(
            member.getId(),
            member.getOrgId(),
            member.getOrgPath(),
            community.getId(),
            community.getPath(),
            r.registeredOn(),
            clock.instant()));
  }

  @Transactional
  public CommunityRegistration end(UUID id, LocalDate endedOn, DataScope scope, Caller caller) {
    CommunityRegistration r = visible(id, scope, caller);
    CommunityRules.checkOpen(r.active());
    if (endedOn.isAfter(members.today()) || endedOn.isBefore(r.getRegisteredOn())) {
      throw ProblemException.businessRule(
          "service-before-registration", "community.rule.before-registration", r.getRegisteredOn());
    }
    r.end(endedOn, clock.instant());
    return r;
  }

  /** Only the community records what the member did there. */
  @Transactional
  public CommunityService recordService(UUID id, RecordService s, DataScope scope, Caller caller) {
    CommunityRegistration r = visible(id, scope, caller);
    if (!scope.coversPath(r.getCommunityOrgPath())) {
      throw ProblemException.forbidden("community.services-by-community");
    }
    CommunityRules.checkOpen(r.active());
    CommunityRules.checkService(s.servedOn(), r.getRegisteredOn(), members.today(), s.hours());
    CommunityService service =
        services.save(
            new CommunityService(
                r.getId(),
                s.servedOn(),
                s.hours(),
                s.activity().strip(),
                caller.username(),
                clock.instant()));
    events.publish(
        EventTypes.MEMBER_COMMUNITY_SERVICE_RECORDED,
        r.getMemberId().toString(),
        r.getMemberOrgPath(),
        new CommunityServiceRecorded(
            service.getId(),
            r.getId(),
            r.getMemberId(),
            r.getMemberOrgId(),
            r.getCommunityOrgId(),
            s.servedOn(),
            s.hours()));
    return service;
  }

  @Transactional(readOnly = true)
  public CommunityRegistration get(UUID id, DataScope scope, Caller caller) {
    return visible(id, scope, caller);
  }

  @Transactional(readOnly = true)
  public List<CommunityService> services(UUID id, DataScope scope, Caller caller) {
    return services.findByRegistrationIdOrderByServedOnDesc(visible(id, scope, caller).getId());
  }

  @Transactional(readOnly = true)
  public Page<CommunityRegistration> search(
      DataScope scope, Side side, String status, UUID memberId, Pageable page) {
    return switch (scope.kind()) {
      case NOTHING -> Page.empty(page);
      case SELF -> registrations.search(null, null, null, status, scope.selfMemberId(), page);
      case ALL -> registrations.search(null, null, null, status, memberId, page);
      case SUBTREE -> {
        String prefix = scope.pathPrefix();
        yield switch (side) {
          case BRANCH -> registrations.search(prefix, null, null, status, memberId, page);
          case COMMUNITY -> registrations.search(null, prefix, null, status, memberId, page);
          case ANY -> registrations.search(null, null, prefix, status, memberId, page);
        };
      }
    };
  }

  @Transactional(readOnly = true)
  public String memberName(UUID memberId) {
    return members.get(memberId, DataScope.all()).getName();
  }

  @Transactional(readOnly = true)
  public String orgName(UUID orgId) {
    return orgs.get(orgId, DataScope.all()).getName();
  }

  @Transactional(readOnly = true)
  public long serviceCount(UUID id) {
    return services.countByRegistrationId(id);
  }

  @Transactional(readOnly = true)
  public BigDecimal serviceHours(UUID id) {
    return services.totalHours(id);
  }

  /** A member who left the register is no longer registered with a community. */
  @org.springframework.context.event.EventListener
  public void onLeft(cn.dangjian.member.person.MemberLeftRegister left) {
    registrations
        .findByMemberIdAndStatus(left.memberId(), CommunityRegistration.ACTIVE)
        .ifPresent(r -> r.end(left.on(), clock.instant()));
  }

  private CommunityRegistration visible(UUID id, DataScope scope, Caller caller) {
    return registrations
        .findById(id)
        .filter(
            r ->
                scope.coversPath(r.getMemberOrgPath())
                    || scope.coversPath(r.getCommunityOrgPath())
                    || caller.memberId().map(r.getMemberId()::equals).orElse(false))
        .orElseThrow(() -> ProblemException.notFound("community.not-found", id));
  }
}
