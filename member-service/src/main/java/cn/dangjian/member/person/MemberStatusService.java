package cn.dangjian.member.person;

import cn.dangjian.events.EventTypes;
import cn.dangjian.events.member.MemberFlagChanged;
import cn.dangjian.events.member.MemberStatusChanged;
import cn.dangjian.member.person.MemberRequests.ChangeStatus;
import cn.dangjian.member.person.MemberRequests.SetFlag;
import cn.dangjian.member.structure.OrgStructureService;
import cn.dangjian.platform.events.DomainEventPublisher;
import cn.dangjian.platform.problem.ProblemException;
import cn.dangjian.platform.scope.DataScope;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Status changes (停止党籍, 除名…) and overlay flags (失联, 限期改正…), each with history and an event. */
@Service
public class MemberStatusService {

  private final MemberService members;
  private final MemberFlagRepository flags;
  private final MemberStatusChangeRepository history;
  private final OrgStructureService structure;
  private final DomainEventPublisher events;
  private final Clock clock;

  MemberStatusService(
      MemberService members,
      MemberFlagRepository flags,
      MemberStatusChangeRepository history,
      OrgStructureService structure,
      DomainEventPublisher events,
      Clock clock) {
    this.members = members;
    this.flags = flags;
    this.history = history;
    this.structure = structure;
    this.events = events;
    this.clock = clock;
  }

  @Transactional
  public Member changeStatus(
      UUID id, ChangeStatus request, long expectedVersion, DataScope scope, String changedBy) {
    Member member = members.visible(id, scope);
    if (member.getVersion() != expectedVersion) {
      throw ProblemException.preconditionFailed();
    }
    Optional<LocalDate> lostContactSince =
        flags.findByMemberIdAndClearedOnIsNull(id).stream()
            .filter(f -> f.getFlag() == MemberFlag.LOST_CONTACT)
            .map(MemberFlagPeriod::getStartedOn)
            .findFirst();
    MemberStatus from = member.getStatus();
    MemberStatusRules.checkStatusChange(
        member.getStage(),
        from,
        request.status(),
        request.effectiveOn(),
        request.basis(),
        lostContactSince,
        members.today());
    member.changeStatus(request.status(), request.effectiveOn(), clock.instant());
    history.save(
        new MemberStatusChange(
            id,
            from,
            request.status(),
            request.effectiveOn(),
            request.reason().strip(),
            changedBy,
            clock.instant()));
    if (request.status() != MemberStatus.ACTIVE) {
      // A suspended or departed member carries no overlay flags any more.
      flags.findByMemberIdAndClearedOnIsNull(id).forEach(f -> f.clear(request.effectiveOn()));
    }
    events.publish(
        EventTypes.MEMBER_STATUS_CHANGED,
        id.toString(),
        member.getOrgPath(),
        new MemberStatusChanged(
            id, member.getOrgId(), from.name(), request.status().name(), request.effectiveOn()));
    structure.recheck(member.getOrgId());
    return member;
  }

  /** A final status decided elsewhere (e.g. the approval of a cancelled probation). */
  @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
  public void recordFinalStatus(
      Member member, MemberStatus to, LocalDate effectiveOn, String reason, String changedBy) {
    MemberStatus from = member.getStatus();
    member.changeStatus(to, effectiveOn, clock.instant());
    history.save(
        new MemberStatusChange(
            member.getId(), from, to, effectiveOn, reason, changedBy, clock.instant()));
    events.publish(
        EventTypes.MEMBER_STATUS_CHANGED,
        member.getId().toString(),
        member.getOrgPath(),
        new MemberStatusChanged(
            member.getId(), member.getOrgId(), from.name(), to.name(), effectiveOn));
  }

  @Transactional
  public MemberFlagPeriod setFlag(UUID id, SetFlag request, DataScope scope) {
    Member member = members.visible(id, scope);
    boolean alreadySet =
        flags.findByMemberIdAndClearedOnIsNull(id).stream()
            .anyMatch(f -> f.getFlag() == request.flag());
    MemberStatusRules.checkFlagAllowed(member.getStatus(), request.flag(), alreadySet);
    LocalDate endsOn =
        MemberStatusRules.flagPeriodEnd(request.flag(), request.startedOn(), request.endsOn());
    MemberFlagPeriod period =
        flags.save(
            new MemberFlagPeriod(
                id,
                request.flag(),
                request.startedOn(),
                endsOn,
                request.reason(),
                clock.instant()));
    member.touch(clock.instant());
    events.publish(
        EventTypes.MEMBER_FLAG_CHANGED,
        id.toString(),
        member.getOrgPath(),
        new MemberFlagChanged(
            id, member.getOrgId(), request.flag().name(), true, request.startedOn(), endsOn));
    return period;
  }

  @Transactional
  public void clearFlag(UUID id, MemberFlag flag, DataScope scope) {
    Member member = members.visible(id, scope);
    MemberFlagPeriod period =
        flags.findByMemberIdAndClearedOnIsNull(id).stream()
            .filter(f -> f.getFlag() == flag)
            .findFirst()
            .orElseThrow(() -> ProblemException.notFound("member.flag-not-set", flag.label()));
    LocalDate today = members.today();
    period.clear(today);
    member.touch(clock.instant());
    events.publish(
        EventTypes.MEMBER_FLAG_CHANGED,
        id.toString(),
        member.getOrgPath(),
        new MemberFlagChanged(
            id, member.getOrgId(), flag.name(), false, period.getStartedOn(), today));
  }

  @Transactional(readOnly = true)
  public List<MemberFlagPeriod> flags(UUID id, DataScope scope) {
    members.visible(id, scope);
    return flags.findByMemberIdOrderByStartedOnDesc(id);
  }

  @Transactional(readOnly = true)
  public List<MemberStatusChange> history(UUID id, DataScope scope) {
    members.visible(id, scope);
    return history.findByMemberIdOrderByChangedAtDesc(id);
  }
}
