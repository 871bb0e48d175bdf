package cn.dangjian.member.development;

import cn.dangjian.events.EventTypes;
import cn.dangjian.events.member.DevelopmentStepRecorded;
import cn.dangjian.member.development.DevelopmentRequests.Progress;
import cn.dangjian.member.development.DevelopmentRequests.RecordStep;
import cn.dangjian.member.development.DevelopmentRequests.StepView;
import cn.dangjian.member.development.DevelopmentRules.Expected;
import cn.dangjian.member.development.DevelopmentRules.Outcome;
import cn.dangjian.member.person.Member;
import cn.dangjian.member.person.MemberRepository;
import cn.dangjian.member.person.MemberService;
import cn.dangjian.member.person.MemberStage;
import cn.dangjian.member.person.MemberStatus;
import cn.dangjian.member.person.MemberStatusService;
import cn.dangjian.member.structure.OrgStructureService;
import cn.dangjian.platform.events.DomainEventPublisher;
import cn.dangjian.platform.scope.DataScope;
import cn.dangjian.platform.vote.MeetingVote;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Records the 25 development steps, enforcing their order, timing and votes. */
@Service
public class DevelopmentService {

  private final MemberService members;
  private final MemberRepository memberRepository;
  private final MemberStatusService statuses;
  private final DevelopmentRecordRepository records;
  private final OrgStructureService structure;
  private final DomainEventPublisher events;
  private final Clock clock;

  DevelopmentService(
      MemberService members,
      MemberRepository memberRepository,
      MemberStatusService statuses,
      DevelopmentRecordRepository records,
      OrgStructureService structure,
      DomainEventPublisher events,
      Clock clock) {
    this.members = members;
    this.memberRepository = memberRepository;
    this.statuses = statuses;
    this.records = records;
    this.structure = structure;
    this.events = events;
    this.clock = clock;
  }

  @Transactional
  public Progress record(UUID memberId, RecordStep request, DataScope scope, String recordedBy) {
    Member member = members.get(memberId, scope);
    List<DevelopmentRecord> history = records.findByMemberIdOrderByDoneOnAscRecordedAtAsc(memberId);
    List<UUID> people = request.people() == null ? List.of() : request.people();
    MeetingVote vote =
        request.vote() == null
            ? null
            : new MeetingVote(
                (int) memberRepository.countEntitledVoters(member.getOrgId().toString()),
                request.vote().excludedWithApproval(),
                request.vote().present(),
                request.vote().approve(),
                request.vote().oppose(),
                request.vote().abstain(),
                request.vote().writtenApprovals());
    Outcome outcome =
        DevelopmentRules.check(
            new DevelopmentRules.Request(
                member.getStage(),
                member.getBirthDate(),
                member.getJoinDate(),
                request.step(),
                request.doneOn(),
                people.size(),
                people.stream().distinct().count() == people.size()
                    && allFullMembers(member, people),
                request.trainingHours(),
                request.decision(),
                request.extendedUntil(),
                vote),
            history,
            members.today());
    records.save(
        new DevelopmentRecord(
            memberId,
            request.step(),
            request.doneOn(),
            recordedBy,
            request.note(),
            people,
            request.trainingHours(),
            request.decision(),
            request.extendedUntil(),
            vote,
            clock.instant()));
    member.advance(outcome.stage(), outcome.joinDate(), outcome.fullMemberDate(), clock.instant());
    if (outcome.status() == MemberStatus.PROBATION_CANCELLED) {
      statuses.recordFinalStatus(
          member, outcome.status(), request.doneOn(), "取消预备党员资格（上级党委批准）", recordedBy);
    }
    records.flush();
    List<DevelopmentRecord> updated = records.findByMemberIdOrderByDoneOnAscRecordedAtAsc(memberId);
    Expected expected = DevelopmentRules.expected(updated, member.getJoinDate());
    events.publish(
        EventTypes.MEMBER_DEVELOPMENT_STEP,
        memberId.toString(),
        member.getOrgPath(),
        new DevelopmentStepRecorded(
            memberId,
            member.getOrgId(),
            request.step().name(),
            request.step().number(),
            request.doneOn(),
            member.getStage().name(),
            expected.step() == null ? null : expected.step().name(),
            expected.dueOn(),
            member.getJoinDate(),
            member.getFullMemberDate()));
    if (outcome.stage() != null) {
      structure.recheck(member.getOrgId());
    }
    return progress(member, updated);
  }

  @Transactional(readOnly = true)
  public Progress progress(UUID memberId, DataScope scope) {
    Member member = members.get(memberId, scope);
    return progress(member, records.findByMemberIdOrderByDoneOnAscRecordedAtAsc(memberId));
  }

  private Progress progress(Member member, List<DevelopmentRecord> history) {
    Expected expected = DevelopmentRules.expected(history, member.getJoinDate());
    List<StepView> steps =
        history.stream()
            .map(
                d ->
                    new StepView(
                        d.getStep(),
                        d.getStep().number(),
                        d.getStep().label(),
                        d.getDoneOn(),
                        d.getRecordedBy(),
                        d.getNote(),
                        d.people(),
                        d.getTrainingHours(),
                        d.getDecision(),
                        d.getExtendedUntil(),
                        d.getVoteEntitled(),
                        d.getVotePresent(),
                        d.getVoteApprove(),
                        d.getVoteWritten()))
            .toList();
    return new Progress(
        member.getId(), member.getStage(), steps, expected.step(), expected.dueOn());
  }

  /** Contacts and introducers are active full members within the same organisation tree. */
  private boolean allFullMembers(Member subject, List<UUID> people) {
    String root = subject.getOrgPath().substring(0, subject.getOrgPath().indexOf('/', 1) + 1);
    return memberRepository.findAllById(people).stream()
            .filter(
                p ->
                    p.getStage() == MemberStage.FULL
                        && p.getStatus() == MemberStatus.ACTIVE
                        && !p.getId().equals(subject.getId())
                        && p.getOrgPath().startsWith(root))
            .count()
        == people.size();
  }
}
