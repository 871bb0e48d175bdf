package cn.dangjian.dues.profile;

import cn.dangjian.dues.access.DuesAccess;
import cn.dangjian.dues.access.DuesAccess.Access;
import cn.dangjian.dues.audit.AuditStore;
import cn.dangjian.dues.profile.ProfileRequests.CreateProfile;
import cn.dangjian.dues.profile.ProfileRequests.SetHardship;
import cn.dangjian.dues.profile.ProfileRequests.UpdateProfile;
import cn.dangjian.dues.support.Months;
import cn.dangjian.events.EventTypes;
import cn.dangjian.events.dues.BaseAssessed;
import cn.dangjian.platform.events.DomainEventPublisher;
import cn.dangjian.platform.problem.ProblemException;
import cn.dangjian.platform.problem.ProblemType;
import cn.dangjian.platform.projection.MemberProjection;
import cn.dangjian.platform.projection.ProjectedMember;
import cn.dangjian.platform.security.Roles;
import cn.dangjian.platform.time.PartyCalendar;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Dues assessments: create, change, hardship decisions; unpaid bills follow a change. */
@Service
public class ProfileService {

  private static final Logger log = LoggerFactory.getLogger(ProfileService.class);

  private final DuesProfileRepository profiles;
  private final DuesRules rules;
  private final DuesAccess access;
  private final ApplicationEventPublisher listeners;
  private final AuditStore audit;
  private final MemberProjection projection;
  private final HardshipApprovalStore decided;
  private final DomainEventPublisher events;
  private final Clock clock;

  ProfileService(
      DuesProfileRepository profiles,
      DuesRules rules,
      DuesAccess access,
      ApplicationEventPublisher listeners,
      AuditStore audit,
      MemberProjection projection,
      HardshipApprovalStore decided,
      DomainEventPublisher events,
      Clock clock) {
    this.profiles = profiles;
    this.rules = rules;
    this.access = access;
    this.listeners = listeners;
    this.audit = audit;
    this.projection = projection;
    this.decided = decided;
    this.events = events;
    this.clock = clock;
  }

  /** A profile and whether the caller may see its base. */
  public record Visible(DuesProfile profile, boolean mayReadBase) {}

  @Transactional
  public Visible create(CreateProfile request, Access caller) {
    ProjectedMember member = access.managedMember(caller, request.memberId());
    requireAdmitted(member);
    YearMonth month = Months.parse(request.effectiveMonth());
    DuesCategory category = category(request.category(), member);
    DuesRules.Assessment assessment = rules.assess(category, request.baseFen(), request.fixedFen());
    if (profiles.findByMemberIdAndEffectiveMonth(member.memberId(), month.atDay(1)).isPresent()) {
      throw ProblemException.conflict("dues.profile-exists", month.toString());
    }
    DuesProfile profile =
        DuesProfile.create(member.memberId(), month, caller.username(), clock.instant());
    profile.assess(category, request.baseFen(), assessment, request.note(), clock.instant());
    profiles.saveAndFlush(profile);
    repriced(member, month);
    assessed(member, profile);
    return new Visible(profile, caller.mayReadBase(member));
  }

  @Transactional
  public Visible update(UUID id, UpdateProfile request, long expectedVersion, Access caller) {
    DuesProfile profile = find(id, caller);
    ProjectedMember member = access.managedMember(caller, profile.getMemberId());
    checkVersion(profile, expectedVersion);
    DuesRules.Assessment assessment =
        rules.assess(request.category(), request.baseFen(), request.fixedFen());
    profile.assess(
        request.category(), request.baseFen(), assessment, request.note(), clock.instant());
    if (profile.getHardship() == Hardship.REDUCED
        && profile.getHardshipFen() >= assessment.amountFen()) {
      throw ProblemException.businessRule(
          "reduction-below-standard",
          "dues.rule.reduction-below-standard",
          DuesRules.yuan(assessment.amountFen()));
    }
    profiles.saveAndFlush(profile);
    repriced(member, profile.month());
    assessed(member, profile);
    return new Visible(profile, caller.mayReadBase(member));
  }

  /**
   * 年初核定 or a re-assessment after a change of pay (DF Art 10), for alert-service's "base not
   * assessed this year": through the outbox, with no base or amount in it.
   */
  private void assessed(ProjectedMember member, DuesProfile profile) {
    events.publish(
        EventTypes.DUES_BASE_ASSESSED,
        member.memberId().toString(),
        member.orgPath(),
        new BaseAssessed(
            member.memberId(),
            member.orgId(),
            profile.getDuesYear(),
            profile.month().toString(),
            profile.getCategory().name()));
  }

  /**
   * 减交/免交 recorded directly: the 上一级党委 decides them (DF Art 7), so the branch requests them from
   * member-service ({@code POST /api/members/{id}/dues-hardship-requests}) and {@link
   * #applyDecided} applies the approval; here the branch may only end one early (NONE), and a
   * platform admin record one decided outside the system (data migration). Audited.
   */
  @Transactional
  public Visible hardship(UUID id, SetHardship request, long expectedVersion, Access caller) {
    DuesProfile profile = find(id, caller);
    ProjectedMember member = access.managedMember(caller, profile.getMemberId());
    if (!caller.caller().hasAnyRole(Roles.PLATFORM_ADMIN, Roles.SECRETARY)) {
      throw ProblemException.forbidden("dues.hardship-needs-secretary");
    }
    if (request.kind() != Hardship.NONE && !caller.caller().hasRole(Roles.PLATFORM_ADMIN)) {
      throw new ProblemException(
          ProblemType.FORBIDDEN,
          "dues.hardship-decided-by-higher-body",
          new Object[] {profile.getMemberId()},
          Map.of("rule", "decided-by-higher-body"));
    }
    checkVersion(profile, expectedVersion);
    rules.checkHardship(
        request.kind(),
        request.reducedFen(),
        profile.getStandardFen(),
        request.approvedBy(),
        request.meeting(),
        request.approvedOn(),
        request.until(),
        profile.month());
    profile.hardship(
        request.kind(),
        request.reducedFen(),
        request.approvedBy(),
        request.meeting(),
        request.approvedOn(),
        request.until(),
        null,
        clock.instant());
    profiles.saveAndFlush(profile);
    audit.record(
        "HARDSHIP_" + request.kind().name(),
        profile.getId(),
        member.orgPath(),
        caller.username(),
        request.meeting(),
        "approvedBy=" + request.approvedBy() + ", until=" + request.until());
    repriced(member, profile.month());
    return new Visible(profile, caller.mayReadBase(member));
  }

  /**
   * Applies a hardship the 基层党委 approved to the member's profile in force this month, with the same
   * rules, audit and repricing as {@link #hardship}. Runs in the transaction of the consumed event:
   * a rule that no longer holds (e.g. the standard amount fell to or below the reduced one) is
   * recorded (audit {@code HARDSHIP_REFUSED}, log) and leaves the profile as it is, rather than
   * throwing and blocking the topic. Each approval is handled once, whatever is replayed.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void applyDecided(DecidedHardship d) {
    if (decided.handled(d.approvalId())) {
      log.info("hardship approval {} already handled, skipped", d.approvalId());
      return;
    }
    Optional<ProjectedMember> member = projection.member(d.memberId());
    String orgPath = member.map(ProjectedMember::orgPath).orElse(null);
    if (member.isEmpty() || !member.get().admitted()) {
      refuse(d, null, orgPath, "only-admitted-members-pay-dues");
      return;
    }
    YearMonth now = PartyCalendar.thisMonth(clock);
    Optional<DuesProfile> current =
        profiles.findByMemberIdOrderByEffectiveMonthDesc(d.memberId()).stream()
            .filter(p -> !p.month().isAfter(now))
            .findFirst();
    if (current.isEmpty()) {
      refuse(d, null, orgPath, "hardship-needs-a-current-profile");
      return;
    }
    DuesProfile profile = current.get();
    if (d.kind() == null || d.kind() == Hardship.NONE) {
      refuse(d, profile, orgPath, "hardship-terms-unreadable");
      return;
    }
    String meeting = "支部党员大会讨论（审批事项 " + d.approvalId() + "）";
    try {
      rules.checkHardship(
          d.kind(),
          d.reducedFen(),
          profile.getStandardFen(),
          d.approvedBy(),
          meeting,
          d.approvedOn(),
          d.until(),
          profile.month());
    } catch (ProblemException e) {
      refuse(d, profile, orgPath, String.valueOf(e.properties().get("rule")));
      return;
    }
    profile.hardship(
        d.kind(),
        d.reducedFen(),
        d.approvedBy(),
        meeting,
        d.approvedOn(),
        d.until(),
        d.approvalId(),
        clock.instant());
    profiles.saveAndFlush(profile);
    decided.record(
        d.approvalId(), d.memberId(), profile.getId(), HardshipApprovalStore.Outcome.APPLIED, null);
    audit.record(
        "HARDSHIP_" + d.kind().name(),
        profile.getId(),
        orgPath,
        d.approvedBy(),
        meeting,
        "approvedBy=" + d.approvedBy() + ", until=" + d.until() + ", approval=" + d.approvalId());
    repriced(member.get(), profile.month());
  }

  private void refuse(DecidedHardship d, DuesProfile profile, String orgPath, String rule) {
    log.warn(
        "hardship approval {} for member {} not applied: {} (the profile is unchanged; record it"
            + " by hand if it still holds)",
        d.approvalId(),
        d.memberId(),
        rule);
    UUID profileId = profile == null ? null : profile.getId();
    decided.record(
        d.approvalId(), d.memberId(), profileId, HardshipApprovalStore.Outcome.REFUSED, rule);
    audit.record(
        "HARDSHIP_REFUSED",
        profileId != null ? profileId : d.memberId(),
        orgPath,
        d.approvedBy(),
        rule,
        "approval=" + d.approvalId() + ", kind=" + d.kind() + ", until=" + d.until());
  }

  @Transactional(readOnly = true)
  public Visible get(UUID id, Access caller) {
    DuesProfile profile = find(id, caller);
    ProjectedMember member = access.member(caller, profile.getMemberId());
    return new Visible(profile, caller.mayReadBase(member));
  }

  @Transactional(readOnly = true)
  public List<Visible> ofMember(UUID memberId, Integer year, Access caller) {
    ProjectedMember member = access.member(caller, memberId);
    boolean mayRead = caller.mayReadBase(member);
    List<DuesProfile> found =
        year == null
            ? profiles.findByMemberIdOrderByEffectiveMonthDesc(memberId)
            : profiles.findByMemberIdAndDuesYearOrderByEffectiveMonthDesc(memberId, year);
    return found.stream().map(p -> new Visible(p, mayRead)).toList();
  }

  private DuesProfile find(UUID id, Access caller) {
    DuesProfile profile =
        profiles
            .findById(id)
            .orElseThrow(() -> ProblemException.notFound("dues.profile-not-found", id));
    if (!access.seesMember(caller, profile.getMemberId())) {
      throw ProblemException.notFound("dues.profile-not-found", id);
    }
    return profile;
  }

  /** The unpaid bills follow (the bill feature listens in this transaction). */
  private void repriced(ProjectedMember member, YearMonth from) {
    listeners.publishEvent(new AssessmentChanged(member.memberId(), from));
  }

  private static void checkVersion(DuesProfile profile, long expected) {
    if (profile.getVersion() != expected) {
      throw ProblemException.preconditionFailed();
    }
  }

  private static void requireAdmitted(ProjectedMember member) {
    if (!member.admitted()) {
      throw ProblemException.businessRule(
          "only-admitted-members-pay-dues", "dues.rule.only-admitted");
    }
  }

  private static DuesCategory category(DuesCategory requested, ProjectedMember member) {
    if (requested != null) {
      return requested;
    }
    try {
      return DuesCategory.valueOf(member.duesCategory());
    } catch (IllegalArgumentException | NullPointerException e) {
      throw ProblemException.businessRule("category-required", "dues.rule.category-required");
    }
  }
}
