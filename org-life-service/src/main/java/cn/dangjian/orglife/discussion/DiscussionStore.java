package cn.dangjian.orglife.discussion;

import static cn.dangjian.platform.persistence.Uuids.bytes;
import static cn.dangjian.platform.persistence.Uuids.uuid;

import cn.dangjian.orglife.discussion.DiscussionViews.PostView;
import cn.dangjian.orglife.discussion.DiscussionViews.TopicSummary;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Topics, posts and votes of the branches' discussions (the vote options stored as JSON). */
@Repository
class DiscussionStore {

  private final JdbcTemplate jdbc;
  private final JsonMapper json = JsonMapper.builder().build();

  DiscussionStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** A topic as stored, with its org's path for the scope check. */
  record Topic(
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

  /** Opens a topic; no options (or none given) is a topic without a vote. */
  void open(
      UUID id,
      UUID orgId,
      String orgPath,
      String title,
      String body,
      List<String> options,
      String by,
      Instant at) {
    jdbc.update(
        "INSERT INTO discussion_topic (id, org_id, org_path, title, body, vote_options, status,"
            + " opened_by, opened_at, version) VALUES (?,?,?,?,?,?,'OPEN',?,?,0)",
        bytes(id),
        bytes(orgId),
        orgPath,
        title,
        body,
        options == null || options.isEmpty() ? null : json.writeValueAsString(options),
        by,
        Timestamp.from(at));
  }

  /** An org's newest 200 topics. */
  List<TopicSummary> topicsOf(UUID orgId) {
    return jdbc.query(
        "SELECT id, title, status, opened_at, version FROM discussion_topic WHERE org_id = ?"
            + " ORDER BY opened_at DESC LIMIT 200",
        (rs, n) ->
            new TopicSummary(
                uuid(rs.getBytes(1)),
                orgId,
                rs.getString(2),
                rs.getString(3),
                rs.getTimestamp(4).toInstant(),
                rs.getLong(5)),
        (Object) bytes(orgId));
  }

  Optional<Topic> topic(UUID id) {
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
    return found.stream().findFirst();
  }

  /** Votes per option index (indexes outside the options are ignored). */
  int[] votes(UUID topicId, int options) {
    int[] counts = new int[options];
    jdbc.query(
        "SELECT option_index, COUNT(*) FROM discussion_vote WHERE topic_id = ? GROUP BY"
            + " option_index",
        rs -> {
          int i = rs.getInt(1);
          if (i >= 0 && i < counts.length) {
            counts[i] = rs.getInt(2);
          }
        },
        (Object) bytes(topicId));
    return counts;
  }

  /** The member's vote (option index), null if none. */
  Integer voteOf(UUID topicId, UUID memberId) {
    List<Integer> v =
        jdbc.queryForList(
            "SELECT option_index FROM discussion_vote WHERE topic_id = ? AND member_id = ?",
            Integer.class,
            bytes(topicId),
            bytes(memberId));
    return v.isEmpty() ? null : v.get(0);
  }

  /** A topic's first 2000 posts, oldest first. */
  List<PostView> posts(UUID topicId) {
    return jdbc.query(
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
        (Object) bytes(topicId));
  }

  boolean hasPost(UUID topicId, UUID postId) {
    Integer n =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM discussion_post WHERE id = ? AND topic_id = ?",
            Integer.class,
            bytes(postId),
            bytes(topicId));
    return n != null && n > 0;
  }

  void post(
      UUID id,
      UUID topicId,
      UUID replyTo,
      UUID authorMemberId,
      String author,
      String body,
      Instant at) {
    jdbc.update(
        "INSERT INTO discussion_post (id, topic_id, reply_to, author_member_id, author, body,"
            + " created_at) VALUES (?,?,?,?,?,?,?)",
        bytes(id),
        bytes(topicId),
        bytes(replyTo),
        bytes(authorMemberId),
        author,
        body,
        Timestamp.from(at));
  }

  /** A member's vote; voting again replaces it. */
  void vote(UUID topicId, UUID memberId, int option, Instant at) {
    jdbc.update(
        "INSERT INTO discussion_vote (topic_id, member_id, option_index, voted_at) VALUES"
            + " (?,?,?,?) ON DUPLICATE KEY UPDATE option_index = VALUES(option_index), voted_at ="
            + " VALUES(voted_at)",
        bytes(topicId),
        bytes(memberId),
        option,
        Timestamp.from(at));
  }

  /** Closes a topic at the given version; returns the rows changed (0: stale version). */
  int close(UUID topicId, long version, String conclusion, String by, Instant at) {
    return jdbc.update(
        "UPDATE discussion_topic SET status = 'CLOSED', conclusion = ?, closed_by = ?,"
            + " closed_at = ?, version = version + 1 WHERE id = ? AND version = ?",
        conclusion,
        by,
        Timestamp.from(at),
        bytes(topicId),
        version);
  }
}
