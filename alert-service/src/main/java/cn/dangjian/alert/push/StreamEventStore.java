package cn.dangjian.alert.push;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The stream's event log ({@code stream_event}): ids from the database, so they are monotonic
 * across instances and restarts, and a reconnecting client can be sent what it missed.
 */
@Repository
class StreamEventStore {

  /** One logged event: for an org subtree ({@code orgPath}) or for one user ({@code username}). */
  record Entry(
      long seq,
      String name,
      @Nullable String orgPath,
      @Nullable String username,
      String data,
      Instant at) {}

  /** A range of ids {@code [from, to]}. */
  record Range(long from, long to) {}

  private static final RowMapper<Entry> ENTRY =
      (rs, n) ->
          new Entry(
              rs.getLong("seq"),
              rs.getString("event_name"),
              rs.getString("org_path"),
              rs.getString("username"),
              rs.getString("data"),
              rs.getTimestamp("created_at").toInstant());

  private static final String COLUMNS =
      "SELECT seq, event_name, org_path, username, data, created_at";

  private final JdbcTemplate jdbc;

  StreamEventStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Appends an event (in the caller's transaction, if any) and answers its id. */
  long append(
      String name, @Nullable String orgPath, @Nullable String username, String data, Instant at) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.update(
        connection -> {
          var statement =
              connection.prepareStatement(
                  "INSERT INTO stream_event (event_name, org_path, username, data, created_at)"
                      + " VALUES (?,?,?,?,?)",
                  new String[] {"seq"});
          statement.setString(1, name);
          statement.setString(2, orgPath);
          statement.setString(3, username);
          statement.setString(4, data);
          statement.setTimestamp(5, Timestamp.from(at));
          return statement;
        },
        key);
    Number seq = key.getKey();
    return seq == null ? 0 : seq.longValue();
  }

  long highest() {
    Long max = jdbc.queryForObject("SELECT MAX(seq) FROM stream_event", Long.class);
    return max == null ? 0 : max;
  }

  /** Events after {@code seq} and in the given ranges (ids that were missing), in id order. */
  List<Entry> newer(long seq, List<Range> missing, int limit) {
    StringBuilder sql = new StringBuilder(COLUMNS).append(" FROM stream_event WHERE seq > ?");
    List<Object> args = new ArrayList<>();
    args.add(seq);
    for (Range range : missing) {
      sql.append(" OR seq BETWEEN ? AND ?");
      args.add(range.from());
      args.add(range.to());
    }
    sql.append(" ORDER BY seq LIMIT ").append(limit);
    return jdbc.query(sql.toString(), ENTRY, args.toArray());
  }

  /**
   * What a reconnecting client missed, oldest first: after {@code seq} up to {@code upTo}, not
   * older than {@code notBefore}, of the org paths starting with {@code pathPrefix} (the empty
   * prefix: every path; {@code null}: none) or addressed to {@code username}.
   */
  List<Entry> replay(
      long seq,
      long upTo,
      Instant notBefore,
      @Nullable String pathPrefix,
      String username,
      int limit) {
    String paths = pathPrefix == null ? "" : " OR org_path LIKE ? ESCAPE '!'";
    List<Object> args = new ArrayList<>(List.of(seq, upTo, Timestamp.from(notBefore), username));
    if (pathPrefix != null) {
      args.add(pathPrefix.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
    }
    return jdbc.query(
        COLUMNS
            + " FROM stream_event WHERE seq > ? AND seq <= ? AND created_at >= ?"
            + " AND (username = ?"
            + paths
            + ") ORDER BY seq LIMIT "
            + limit,
        ENTRY,
        args.toArray());
  }

  /**
   * Whether events after {@code seq} may have left the log already (older than {@code notBefore},
   * or purged): a client that far behind cannot be told what it missed.
   */
  boolean olderThanWindow(long seq, Instant notBefore) {
    Long first =
        jdbc.queryForObject(
            "SELECT MIN(seq) FROM stream_event WHERE created_at >= ?",
            Long.class,
            Timestamp.from(notBefore));
    return first == null ? seq < highest() : seq < first - 1;
  }

  int purgeBefore(Instant cutoff) {
    return jdbc.update(
        "DELETE FROM stream_event WHERE created_at < ? LIMIT 10000", Timestamp.from(cutoff));
  }
}
