package cn.dangjian.orglife.discussion;

import cn.dangjian.orglife.discussion.DiscussionStore.Topic;
import cn.dangjian.orglife.discussion.DiscussionViews.PostView;
import cn.dangjian.orglife.discussion.DiscussionViews.Tally;
import cn.dangjian.orglife.discussion.DiscussionViews.TopicSummary;
import cn.dangjian.orglife.discussion.DiscussionViews.TopicView;
import cn.dangjian.platform.persistence.UuidV7;
import cn.dangjian.platform.problem.ProblemException;
import cn.dangjian.platform.projection.MemberProjection;
import cn.dangjian.platform.projection.ProjectedMember;
import cn.dangjian.platform.projection.ProjectedOrg;
import cn.dangjian.platform.scope.DataScope;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 党员议事厅: a branch opens a topic; its members post and reply, vote once (and may change their vote
 * while it is open); the branch closes it with a conclusion. Nobody outside the branch (or the orgs
 * above it) sees it.
 */
@Service
public class DiscussionService {

  private final DiscussionStore store;
  private final MemberProjection projection;
  private final Clock clock;

  DiscussionService(DiscussionStore store, MemberProjection projection, Clock clock) {
    this.store = store;
    this.projection = projection;
    this.clock = clock;
  }

  /** Who is acting: a member of the branch (may post and vote) or staff in scope (may post). */
  private record Actor(UUID memberId, boolean staff) {}

  @Transactional
  public UUID open(
      UUID orgId, String title, String body, List<String> options, DataScope scope, String by) {
    ProjectedOrg org =
        projection
            .org(orgId)
            .filter(o -> scope.coversPath(o.path()))
            .orElseThrow(() -> ProblemException.notFound("org.not-found", orgId));
    UUID id = UuidV7.next();
    store.open(
        id,
        orgId,
        org.path(),
        title.strip(),
        body.strip(),
        options == null ? null : options.stream().map(String::strip).toList(),
        by,
        clock.instant());
    return id;
  }

  @Transactional(readOnly = true)
  public List<TopicSummary> list(UUID orgId, DataScope scope) {
    UUID org = orgId;
    if (scope.kind() == DataScope.Kind.SELF) {
      org = selfMember(scope).orgId();
    } else if (org == null || scope.kind() == DataScope.Kind.NOTHING) {
      return List.of();
    }
    Optional<ProjectedOrg> o = projection.org(org);
    if (o.isEmpty() || (scope.kind() != DataScope.Kind.SELF && !scope.coversPath(o.get().path()))) {
      throw ProblemException.notFound("org.not-found", orgId);
    }
    return store.topicsOf(o.get().orgId());
  }

  @Transactional(readOnly = true)
  public TopicView get(UUID id, DataScope scope) {
    Topic t = topic(id, scope);
    Actor actor = actor(t, scope);
    List<String> options = t.options();
    int[] counts = store.votes(id, options.size());
    List<Tally> tally = new ArrayList<>();
    for (int i = 0; i < options.size(); i++) {
      tally.add(new Tally(i, options.get(i), counts[i]));
    }
    Integer mine = actor.memberId() == null ? null : store.voteOf(id, actor.memberId());
    List<PostView> posts = store.posts(id);
    return new TopicView(
        t.id(),
        t.orgId(),
        t.title(),
        t.body(),
        t.status(),
        t.openedBy(),
        t.openedAt(),
        tally,
        mine,
        posts,
        t.conclusion(),
        t.closedBy(),
        t.closedAt(),
        t.version());
  }

  @Transactional
  public UUID post(UUID topicId, UUID replyTo, String body, DataScope scope, String by) {
    Topic t = topic(topicId, scope);
    requireOpen(t);
    Actor actor = actor(t, scope);
    if (replyTo != null && !store.hasPost(topicId, replyTo)) {
      throw ProblemException.businessRule(
          "reply-to-a-post-of-the-topic", "discussion.rule.post-not-found", replyTo);
    }
    UUID id = UuidV7.next();
    store.post(id, topicId, replyTo, actor.memberId(), by, body.strip(), clock.instant());
    return id;
  }

  @Transactional
  public void vote(UUID topicId, int option, DataScope scope) {
    Topic t = topic(topicId, scope);
    requireOpen(t);
    Actor actor = actor(t, scope);
    if (actor.memberId() == null) {
      throw ProblemException.forbidden("discussion.rule.not-a-member");
    }
    if (option < 0 || option >= t.options().size()) {
      throw ProblemException.businessRule(
          "vote-for-an-existing-option", "discussion.rule.option-unknown", option);
    }
    store.vote(topicId, actor.memberId(), option, clock.instant());
  }

  @Transactional
  public void close(UUID topicId, long version, String conclusion, DataScope scope, String by) {
    Topic t = topic(topicId, scope);
    if (scope.kind() == DataScope.Kind.SELF) {
      throw ProblemException.notFound("discussion.not-found", topicId);
    }
    requireOpen(t);
    if (store.close(topicId, version, conclusion.strip(), by, clock.instant()) == 0) {
      throw ProblemException.preconditionFailed();
    }
  }

  private Topic topic(UUID id, DataScope scope) {
    Topic t =
        store.topic(id).orElseThrow(() -> ProblemException.notFound("discussion.not-found", id));
    boolean visible =
        scope.kind() == DataScope.Kind.SELF
            ? selfMemberOptional(scope).map(m -> m.orgId().equals(t.orgId())).orElse(false)
            : scope.coversPath(t.orgPath());
    if (!visible) {
      throw ProblemException.notFound("discussion.not-found", id);
    }
    return t;
  }

  private Actor actor(Topic t, DataScope scope) {
    if (scope.kind() == DataScope.Kind.SELF) {
      ProjectedMember m = selfMember(scope);
      if (!m.orgId().equals(t.orgId()) || !m.active() || !m.admitted()) {
        throw ProblemException.forbidden("discussion.rule.not-a-member");
      }
      return new Actor(m.memberId(), false);
    }
    return new Actor(null, true);
  }

  private ProjectedMember selfMember(DataScope scope) {
    return selfMemberOptional(scope)
        .orElseThrow(() -> ProblemException.forbidden("discussion.rule.not-a-member"));
  }

  private Optional<ProjectedMember> selfMemberOptional(DataScope scope) {
    return scope.selfMemberId() == null
        ? Optional.empty()
        : projection.member(scope.selfMemberId());
  }

  private static void requireOpen(Topic t) {
    if (!"OPEN".equals(t.status())) {
      throw ProblemException.businessRule("topic-is-closed", "discussion.rule.closed");
    }
  }
}
