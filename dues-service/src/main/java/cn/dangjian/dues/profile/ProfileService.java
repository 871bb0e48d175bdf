package cn.dangjian.dues.profile;

import cn.dangjian.dues.access.DuesAccess;
import cn.dangjian.dues.access.DuesAccess.Access;
import cn.dangjian.dues.audit.AuditStore;
import cn.dangjian.dues.profile.ProfileRequests.CreateProfile;
import cn.dangjian.dues.profile.ProfileRequests.SetHardship;
import cn.dangjian.dues.profile.ProfileRequests.UpdateProfile;
import cn.dangjian.dues.support.Months;
import cn.dangjian.platform.problem.ProblemException;
import cn.dangjian.platform.projection.ProjectedMember;
import cn.dangjian.platform.security.Roles;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Dues assessments: create, change, hardship decisions; unpaid bills follow a change. */
@Service
public class ProfileService {

  private final DuesProfileRepository profiles;
  private final DuesRules rules;
  private final DuesAccess access;
  private final ApplicationEventPublisher listeners;
  private final AuditStore audit;
  private final Clock clock;

  public ProfileService(
      DuesProfileRepository profiles,
      DuesRules rules,
      DuesAccess access,
      ApplicationEventPublisher listeners,
      AuditStore audit,
      Clock clock) {
    this.profiles = profiles;
    this.rules = rules;
    this.access = access;
    this.listeners = listeners;
    this.audit = audit;
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
    return new Visible(profile, caller.mayReadBase(member));
  }

  /** 减交/免交: secretaries and admins only, with the approval on record, audited. */
  @Transactional
  public Visible hardship(UUID id, SetHardship request, long expectedVersion, Access caller) {
    DuesProfile profile = find(id, caller);
    ProjectedMember member = access.managedMember(caller, profile.getMemberId());
    if (!caller.caller().hasAnyRole(Roles.PLATFORM_ADMIN, Roles.SECRETARY)) {
      throw ProblemException.forbidden("dues.hardship-needs-secretary");
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
