package cn.dangjian.orglife.discussion;

import static cn.dangjian.platform.projection.Uuids.bytes;
import static cn.dangjian.platform.projection.Uuids.uuid;

import cn.dangjian.platform.persistence.UuidV7;
import cn.dangjian.platform.problem.ProblemException;
import cn.dangjian.platform.projection.MemberProjection;
import cn.dangjian.platform.projection.ProjectedMember;
import cn.dangjian.platform.projection.ProjectedOrg;
import cn.dangjian.platform.scope.DataScope;
import io.swagger.v3.oas.annotations.media.Schema;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * 党员议事厅: a branch opens a topic; its members post and reply, vote once (and may change their vote
 * while it is open); the branch closes it with a conclusion. Nobody outside the branch (or the orgs
 * above it) sees it.
 */
@Service
public class DiscussionService {

  private final JdbcTemplate jdbc;
  private final MemberProjection projection;
  private final Clock clock;
  private final JsonMapper json = JsonMapper.builder().build();

  DiscussionService(JdbcTemplate jdbc, MemberProjection projection, Clock clock) {
    this.jdbc = jdbc;
    this.projection = projection;
    this.clock = clock;
  }

  @Schema(description = "议题（列表项） (a topic)")
  public record TopicSummary(
      UUID id, UUID orgId, String title, String status, Instant openedAt, long version) {}

  @Schema(description = "回复 (a post)")
  public record PostView(
      UUID id, UUID replyTo, UUID authorMemberId, String author, String body, Instant createdAt) {}

  @Schema(description = "表决选项及票数 (an option and its votes)")
  public record Tally(int index, String option, int votes) {}

  @Schema(description = "议题及讨论、表决、结论 (a topic with its posts, tally and conclusion)")
  public record TopicView(
      UUID id,
      UUID orgId,
      String title,
      String body,
      @Schema(description = "OPEN 或 CLOSED") String status,
      String openedBy,
      Instant openedAt,
      List<Tally> tally,
      @Schema(description = "本人的投票（选项序号）") Integer myVote,
      List<PostView> posts,
      String conclusion,
      String closedBy,
      Instant closedAt,
      long version) {}

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
    jdbc.update(
        "INSERT INTO discussion_topic (id, org_id, org_path, title, body, vote_options, status,"
            + " opened_by, opened_at, version) VALUES (?,?,?,?,?,?,'OPEN',?,?,0)",
        bytes(id),
        bytes(orgId),
        org.path(),
        title.strip(),
        body.strip(),
        options == null || options.isEmpty()
            ? null
            : json.writeValueAsString(options.stream().map(String::strip).toList()),
        by,
        Timestamp.from(clock.instant()));
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
    return jdbc.query(
        "SELECT id, title, status, opened_at, version FROM discussion_topic WHERE org_id = ?"
            + " ORDER BY opened_at DESC LIMIT 200",
        (rs, n) ->
            new TopicSummary(
                uuid(rs.getBytes(1)),
                o.get().orgId(),
                rs.getString(2),
                rs.getString(3),
                rs.getTimestamp(4).toInstant(),
                rs.getLong(5)),
        (Object) bytes(org));
  }

  @Transactional(readOnly = true)
  public TopicView get(UUID id, DataScope scope) {
    Topic t = topic(id, scope);
    Actor actor = actor(t, scope);
    List<String> options = t.options();
    int[] counts = new int[options.size()];
    jdbc.query(
        "SELECT option_index, COUNT(*) FROM discussion_vote WHERE topic_id = ? GROUP BY"
            + " option_index",
        rs -> {
          int i = rs.getInt(1);
          if (i >= 0 && i < counts.length) {
            counts[i] = rs.getInt(2);
          }
        },
        (Object) bytes(id));
    List<Tally> tally = new ArrayList<>();
    for (int i = 0; i < options.size(); i++) {
      tally.add(new Tally(i, options.get(i), counts[i]));
    }
    Integer mine = null;
    if (actor.memberId() != null) {
      List<Integer> v =
          jdbc.queryForList(
              "SELECT option_index FROM discussion_vote WHERE topic_id = ? AND member_id = ?",
              Integer.class,
              bytes(id),
              bytes(actor.memberId()));
      mine = v.isEmpty() ? null : v.get(0);
    }
    List<PostView> posts =
        jdbc.query(
            "SELECT id, reply_to, author_member_id, author, body, created_at FROM discussion_post"
                + " WHERE topic_id = ? ORDER BY created_at, id LIMIT 2000",
            (rs, n) ->
                new PostView(
                    uuid(rs.getBytes(1)),
                    uuid(rs.getBytes(2)),
                    uuid(rs.getBytes(3)),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getTimestamp(6).toInstant()),
            (Object) bytes(id));
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
    if (replyTo != null) {
      Integer n =
          jdbc.queryForObject(
              "SELECT COUNT(*) FROM discussion_post WHERE id = ? AND topic_id = ?",
              Integer.class,
              bytes(replyTo),
              bytes(topicId));
      if (n == null || n == 0) {
        throw ProblemException.businessRule(
            "reply-to-a-post-of-the-topic", "discussion.rule.post-not-found", replyTo);
      }
    }
    UUID id = UuidV7.next();
    jdbc.update(
        "INSERT INTO discussion_post (id, topic_id, reply_to, author_member_id, author, body,"
            + " created_at) VALUES (?,?,?,?,?,?,?)",
        bytes(id),
        bytes(topicId),
        bytes(replyTo),
        bytes(actor.memberId()),
        by,
        body.strip(),
        Timestamp.from(clock.instant()));
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
    jdbc.update(
        "INSERT INTO discussion_vote (topic_id, member_id, option_index, voted_at) VALUES"
            + " (?,?,?,?) ON DUPLICATE KEY UPDATE option_index = VALUES(option_index), voted_at ="
            + " VALUES(voted_at)",
        bytes(topicId),
        bytes(actor.memberId()),
        option,
        Timestamp.from(clock.instant()));
  }

  @Transactional
  public void close(UUID topicId, long version, String conclusion, DataScope scope, String by) {
    Topic t = topic(topicId, scope);
    if (scope.kind() == DataScope.Kind.SELF) {
      throw ProblemException.notFound("discussion.not-found", topicId);
    }
    requireOpen(t);
    int n =
        jdbc.update(
            "UPDATE discussion_topic SET status = 'CLOSED', conclusion = ?, closed_by = ?,"
                + " closed_at = ?, version = version + 1 WHERE id = ? AND version = ?",
            conclusion.strip(),
            by,
            Timestamp.from(clock.instant()),
            bytes(topicId),
            version);
    if (n == 0) {
      throw ProblemException.preconditionFailed();
    }
  }

  private record Topic(
      UUID id,
      UUID orgId,
      String orgPath,
      String title,
      String body,
      List<String> options,
      String status,
      String openedBy,
      Instant openedAt,
      String conclusion,
      String closedBy,
      Instant closedAt,
      long version) {}

  private Topic topic(UUID id, DataScope scope) {
    List<Topic> found =
        jdbc.query(
            "SELECT id, org_id, org_path, title, body, vote_options, status, opened_by, opened_at,"
                + " conclusion, closed_by, closed_at, version FROM discussion_topic WHERE id = ?",
            (rs, n) -> {
              String opts = rs.getString(6);
              Timestamp closed = rs.getTimestamp(12);
              return new Topic(
                  uuid(rs.getBytes(1)),
                  uuid(rs.getBytes(2)),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5),
                  opts == null
                      ? List.of()
                      : json.readValue(opts, new TypeReference<List<String>>() {}),
                  rs.getString(7),
                  rs.getString(8),
                  rs.getTimestamp(9).toInstant(),
                  rs.getString(10),
                  rs.getString(11),
                  closed == null ? null : closed.toInstant(),
                  rs.getLong(13));
            },
            (Object) bytes(id));
    if (found.isEmpty()) {
      throw ProblemException.notFound("discussion.not-found", id);
    }
    Topic t = found.get(0);
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
