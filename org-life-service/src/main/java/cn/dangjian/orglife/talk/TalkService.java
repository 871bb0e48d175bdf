package cn.dangjian.orglife.talk;

import cn.dangjian.events.EventTypes;
import cn.dangjian.events.orglife.TalkRecorded;
import cn.dangjian.orglife.OrgLifeProperties;
import cn.dangjian.orglife.directory.CommitteeDirectory;
import cn.dangjian.orglife.talk.TalkRules.Coverage;
import cn.dangjian.orglife.talk.TalkRules.Pair;
import cn.dangjian.orglife.talk.TalkViews.CoverageView;
import cn.dangjian.orglife.talk.TalkViews.TalkView;
import cn.dangjian.platform.events.DomainEventPublisher;
import cn.dangjian.platform.persistence.UuidV7;
import cn.dangjian.platform.problem.ProblemException;
import cn.dangjian.platform.projection.MemberProjection;
import cn.dangjian.platform.projection.ProjectedMember;
import cn.dangjian.platform.projection.ProjectedOrg;
import cn.dangjian.platform.scope.DataScope;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Heart-to-heart talks and their yearly coverage per branch. */
@Service
public class TalkService {

  private final TalkStore store;
  private final MemberProjection projection;
  private final CommitteeDirectory committees;
  private final DomainEventPublisher events;
  private final OrgLifeProperties properties;
  private final Clock clock;

  TalkService(
      TalkStore store,
      MemberProjection projection,
      CommitteeDirectory committees,
      DomainEventPublisher events,
      OrgLifeProperties properties,
      Clock clock) {
    this.store = store;
    this.projection = projection;
    this.committees = committees;
    this.events = events;
    this.properties = properties;
    this.clock = clock;
  }

  @Transactional
  public TalkView record(
      UUID orgId, LocalDate on, UUID a, UUID b, String summary, DataScope scope, String by) {
    ProjectedOrg org = org(orgId, scope);
    if (a.equals(b)) {
      throw ProblemException.businessRule("talk-needs-two-members", "talk.rule.same-member");
    }
    if (on.isAfter(LocalDate.now(clock.withZone(properties.zone())))) {
      throw ProblemException.businessRule("talk-date-in-future", "talk.rule.date-in-future");
    }
    Set<UUID> inBranch = new HashSet<>();
    for (ProjectedMember m : projection.membersOf(orgId)) {
      if (m.active() && m.admitted()) {
        inBranch.add(m.memberId());
      }
    }
    for (UUID id : List.of(a, b)) {
      if (!inBranch.contains(id)) {
        throw ProblemException.businessRule(
            "talk-members-belong-to-the-branch", "talk.rule.member-not-in-branch", id);
      }
    }
    Set<UUID> committee = committeeOf(List.of(a, b), on.getYear());
    PairKind kind = TalkRules.kindOf(committee.contains(a), committee.contains(b));
    Pair pair = Pair.of(a, b);
    UUID id = UuidV7.next();
    store.insert(
        id,
        orgId,
        org.path(),
        on,
        pair,
        kind,
        summary == null || summary.isBlank() ? null : summary.strip(),
        by,
        clock.instant());
    events.publish(
        EventTypes.ORGLIFE_TALK_RECORDED,
        id.toString(),
        org.path(),
        new TalkRecorded(id, orgId, a, b, kind.name(), on));
    return new TalkView(id, orgId, on, a, b, kind, kind.label(), summary);
  }

  @Transactional(readOnly = true)
  public List<TalkView> list(UUID orgId, int year, DataScope scope) {
    org(orgId, scope);
    return store.of(orgId, year);
  }

  @Transactional(readOnly = true)
  public CoverageView coverage(UUID orgId, int year, DataScope scope) {
    org(orgId, scope);
    List<UUID> members =
        projection.membersOf(orgId).stream()
            .filter(m -> m.active() && m.admitted())
            .map(ProjectedMember::memberId)
            .toList();
    Set<UUID> committee = committeeOf(members, year);
    List<Pair> talks = store.pairs(orgId, year);
    Coverage c = TalkRules.coverage(committee, members, talks);
    return new CoverageView(
        orgId,
        year,
        committee.stream().sorted().toList(),
        c.required(),
        c.missing(),
        c.rate(),
        c.missingCommitteePairs().stream().map(p -> List.of(p.a(), p.b())).toList(),
        c.membersWithoutCommitteeTalk(),
        c.membersWithoutMemberTalk());
  }

  private Set<UUID> committeeOf(List<UUID> members, int year) {
    Set<UUID> committee = new HashSet<>(committees.committeeMembersAmong(members, year));
    committee.addAll(committees.secretariesAmong(members));
    return committee;
  }

  private ProjectedOrg org(UUID orgId, DataScope scope) {
    return projection
        .org(orgId)
        .filter(o -> scope.coversPath(o.path()))
        .orElseThrow(() -> ProblemException.notFound("org.not-found", orgId));
  }
}
