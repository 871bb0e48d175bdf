package cn.dangjian.platform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dangjian.events.EventEnvelope;
import cn.dangjian.events.EventTypes;
import cn.dangjian.events.member.OrgMoved;
import cn.dangjian.platform.projection.MemberProjection;
import cn.dangjian.platform.projection.ProjectedMember;
import cn.dangjian.platform.scope.DataScope;
import cn.dangjian.platform.scope.ProjectionDataScopeResolver;
import cn.dangjian.platform.security.Caller;
import cn.dangjian.testsupport.Eventually;
import cn.dangjian.testsupport.MemberEventsFeed;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The org tree and members as other services learn them: only from member.events. */
class MemberProjectionIT extends StarterIntegrationTest {

  private static final MemberEventsFeed FEED = new MemberEventsFeed(KAFKA.bootstrapServers());

  @Autowired MemberProjection projection;
  @Autowired ProjectionDataScopeResolver scopes;
  @Autowired JdbcTemplate jdbc;

  @AfterAll
  static void closeFeed() {
    FEED.close();
  }

  @Test
  void membersAndOrgsFollowTheEventsOfMemberService() {
    UUID county = FEED.orgCreated(null, "示范县委", "PARTY_COMMITTEE");
    UUID town = FEED.orgCreated(county, "城关镇党委", "PARTY_COMMITTEE");
    UUID branch = FEED.orgCreated(town, "第一党支部", "BRANCH");
    UUID member =
        FEED.memberRegistered(
            branch, "FULL", "EMPLOYED", LocalDate.of(2019, 7, 1), LocalDate.of(2020, 7, 1));
    ProjectedMember registered = await(() -> projection.member(member));
    assertThat(registered.orgPath()).isEqualTo(FEED.pathOf(branch));
    assertThat(registered.hasVotingRights()).isTrue();
    assertThat(projection.orgsUnder(FEED.pathOf(town)))
        .extracting(o -> o.orgId())
        .containsExactly(town, branch);
    assertThat(projection.org(branch).orElseThrow().depth()).isEqualTo(3);

    FEED.flagChanged(member, "DISCIPLINARY_PROBATION", true, LocalDate.of(2026, 1, 1), null);
    FEED.memberUpdated(member, "RETIRED", "FULL");
    ProjectedMember disciplined =
        await(() -> projection.member(member).filter(m -> "RETIRED".equals(m.duesCategory())));
    assertThat(disciplined.flags()).containsExactly("DISCIPLINARY_PROBATION");
    assertThat(disciplined.hasVotingRights()).isFalse();

    FEED.statusChanged(member, "SUSPENDED", LocalDate.of(2026, 3, 1));
    ProjectedMember suspended =
        await(() -> projection.member(member).filter(m -> m.status().equals("SUSPENDED")));
    assertThat(suspended.statusSince()).isEqualTo(LocalDate.of(2026, 3, 1));
    assertThat(suspended.active()).isFalse();
  }

  @Test
  void aMovedSubtreeTakesItsMembersAlong() {
    UUID root = FEED.orgCreated(null, "县委", "PARTY_COMMITTEE");
    UUID oldTown = FEED.orgCreated(root, "甲镇党委", "PARTY_COMMITTEE");
    UUID newTown = FEED.orgCreated(root, "乙镇党委", "PARTY_COMMITTEE");
    UUID general = FEED.orgCreated(oldTown, "机关党总支", "GENERAL_BRANCH");
    UUID branch = FEED.orgCreated(general, "机关第一党支部", "BRANCH");
    UUID member = FEED.memberRegistered(branch, "PROBATIONARY", "STUDENT", LocalDate.now(), null);
    await(() -> projection.member(member));
    await(() -> projection.org(newTown));

    String oldPath = FEED.pathOf(general);
    String newPath = FEED.pathOf(newTown) + general + "/";
    FEED.send(
        EventTypes.ORG_MOVED,
        general.toString(),
        newPath,
        new OrgMoved(general, oldTown, newTown, oldPath, newPath, 2, 1));

    ProjectedMember moved =
        await(
            () ->
                projection
                    .member(member)
                    .filter(m -> m.orgPath().startsWith(FEED.pathOf(newTown))));
    assertThat(moved.orgPath()).isEqualTo(newPath + branch + "/");
    assertThat(projection.org(branch).orElseThrow().path()).isEqualTo(newPath + branch + "/");
    assertThat(projection.org(general).orElseThrow().parentId()).isEqualTo(newTown);
    assertThat(projection.membersUnder(FEED.pathOf(oldTown))).isEmpty();
  }

  @Test
  void aTransferMovesTheRelationshipOnlyOnReceipt() {
    UUID root = FEED.orgCreated(null, "县委", "PARTY_COMMITTEE");
    UUID from = FEED.orgCreated(root, "第一党支部", "BRANCH");
    UUID to = FEED.orgCreated(root, "第二党支部", "BRANCH");
    UUID member = FEED.memberRegistered(from, "FULL", "EMPLOYED", null, null);
    await(() -> projection.member(member));
    FEED.transferReceived(member, to, LocalDate.of(2026, 11, 1));
    ProjectedMember received =
        await(() -> projection.member(member).filter(m -> m.orgId().equals(to)));
    assertThat(received.orgSince()).isEqualTo(LocalDate.of(2026, 11, 1));
    assertThat(received.orgPath()).isEqualTo(FEED.pathOf(to));
  }

  @Test
  void admissionStartsMembershipOnTheBranchMeetingDay() {
    UUID root = FEED.orgCreated(null, "县委", "PARTY_COMMITTEE");
    UUID branch = FEED.orgCreated(root, "第三党支部", "BRANCH");
    UUID target = FEED.memberRegistered(branch, "DEVELOPMENT_TARGET", "EMPLOYED", null, null);
    await(() -> projection.member(target));
    FEED.developmentStep(
        target, "BRANCH_MEETING_DISCUSSION", 15, LocalDate.of(2026, 6, 18), "PROBATIONARY");
    ProjectedMember probationary =
        await(() -> projection.member(target).filter(m -> m.stage().equals("PROBATIONARY")));
    assertThat(probationary.joinDate()).isEqualTo(LocalDate.of(2026, 6, 18));
    assertThat(probationary.admitted()).isTrue();
    assertThat(probationary.hasVotingRights()).isFalse();
  }

  @Test
  void aHostSeesItsMobileMembersOnlyWhileTheCertificateIsValid() {
    UUID root = FEED.orgCreated(null, "县委", "PARTY_COMMITTEE");
    UUID home = FEED.orgCreated(root, "家乡支部", "BRANCH");
    UUID host = FEED.orgCreated(root, "流入地支部", "BRANCH");
    UUID member = FEED.memberRegistered(home, "FULL", "EMPLOYED", null, null);
    FEED.mobileCertificate(
        member,
        host,
        "ACTIVE",
        true,
        LocalDate.of(2026, 3, 1),
        LocalDate.of(2026, 3, 5),
        LocalDate.of(2027, 3, 4));
    await(() -> projection.hostOf(member, LocalDate.of(2026, 6, 1)));

    assertThat(projection.hostedBy(host, LocalDate.of(2026, 6, 1)))
        .extracting(ProjectedMember::memberId)
        .containsExactly(member);
    assertThat(projection.hostedBy(host, LocalDate.of(2026, 3, 4))).isEmpty();
    assertThat(projection.hostedBy(host, LocalDate.of(2027, 3, 5))).isEmpty();
    assertThat(projection.hostedBy(home, LocalDate.of(2026, 6, 1))).isEmpty();
    // the relationship stays at home
    assertThat(projection.member(member).orElseThrow().orgId()).isEqualTo(home);

    FEED.mobileCertificate(
        member,
        host,
        "RETURNED",
        true,
        LocalDate.of(2026, 3, 1),
        LocalDate.of(2026, 3, 5),
        LocalDate.of(2027, 3, 4));
    await(
        () ->
            projection.hostedBy(host, LocalDate.of(2026, 6, 1)).isEmpty()
                ? Optional.of(true)
                : Optional.empty());
    assertThat(projection.hostOf(member, LocalDate.of(2026, 6, 1))).isEmpty();
  }

  @Test
  void aRedeliveredEventIsAppliedOnce() {
    UUID root = FEED.orgCreated(null, "县委", "PARTY_COMMITTEE");
    UUID branch = FEED.orgCreated(root, "第四党支部", "BRANCH");
    UUID member = FEED.memberRegistered(branch, "FULL", "EMPLOYED", null, null);
    await(() -> projection.member(member));
    EventEnvelope<?> flagOn =
        FEED.send(
            EventTypes.MEMBER_FLAG_CHANGED,
            member.toString(),
            FEED.pathOf(branch),
            new cn.dangjian.events.member.MemberFlagChanged(
                member, branch, "MOBILE", true, LocalDate.now(), null));
    await(() -> projection.member(member).filter(m -> m.flags().contains("MOBILE")));
    FEED.flagChanged(member, "MOBILE", false, LocalDate.now(), null);
    await(() -> projection.member(member).filter(m -> m.flags().isEmpty()));
    // the same "on" event again (a redelivery) must not switch the flag back on
    FEED.sendRaw(
        cn.dangjian.events.Topics.MEMBER_EVENTS,
        member.toString(),
        tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsBytes(flagOn));
    UUID marker = FEED.memberRegistered(branch, "FULL", "EMPLOYED", null, null);
    await(() -> projection.member(marker)); // same partition, so the redelivery came first
    assertThat(projection.member(member).orElseThrow().flags()).isEmpty();
    Integer processed =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM processed_event WHERE event_id = ?",
            Integer.class,
            flagOn.eventId().toString());
    assertThat(processed).isEqualTo(1);
  }

  @Test
  void callersSeeTheirSubtreeOnlyAndAnUnknownOrgSeesNothing() {
    UUID root = FEED.orgCreated(null, "县委", "PARTY_COMMITTEE");
    UUID branch = FEED.orgCreated(root, "第五党支部", "BRANCH");
    await(() -> projection.org(branch));
    DataScope secretary = scopes.resolve(caller(Set.of("secretary"), branch, null));
    assertThat(secretary.kind()).isEqualTo(DataScope.Kind.SUBTREE);
    assertThat(secretary.coversPath(FEED.pathOf(branch))).isTrue();
    assertThat(secretary.coversPath(FEED.pathOf(root))).isFalse();
    assertThat(scopes.resolve(caller(Set.of("party-worker"), UUID.randomUUID(), null)).kind())
        .isEqualTo(DataScope.Kind.NOTHING);
    UUID self = UUID.randomUUID();
    assertThat(scopes.resolve(caller(Set.of("member"), branch, self)).selfMemberId())
        .isEqualTo(self);
    assertThat(scopes.resolve(caller(Set.of("platform-admin"), null, null)).kind())
        .isEqualTo(DataScope.Kind.ALL);
    assertThat(scopes.resolve(caller(Set.of("assessor"), branch, null)).kind())
        .isEqualTo(DataScope.Kind.NOTHING);
  }

  private static Caller caller(Set<String> roles, UUID orgId, UUID memberId) {
    return new Caller(
        "sub", "user", roles, Optional.ofNullable(orgId), Optional.ofNullable(memberId));
  }

  private static <T> T await(Supplier<Optional<T>> probe) {
    return Eventually.await(probe);
  }
}
