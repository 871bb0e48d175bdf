package cn.dangjian.alert.push;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Stream tickets by their SHA-256 ({@code stream_ticket}); shared by every instance. */
@Repository
class StreamTicketStore {

  /** What a ticket stands for: the caller of the token that bought it, and that token's expiry. */
  record Holder(
      String subject,
      String username,
      String roles,
      @Nullable String orgId,
      @Nullable String memberId,
      Instant tokenExpiresAt) {}

  private final JdbcTemplate jdbc;

  StreamTicketStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void insert(byte[] hash, Holder holder, Instant expiresAt, Instant now) {
    // expired tickets are cleared as new ones are bought (a few rows at most)
    jdbc.update(
        "DELETE FROM stream_ticket WHERE expires_at < ? LIMIT 100",
        Timestamp.from(now.minusSeconds(60)));
    jdbc.update(
        "INSERT INTO stream_ticket (ticket_hash, subject, username, roles, org_id, member_id,"
            + " token_expires_at, expires_at) VALUES (?,?,?,?,?,?,?,?)",
        hash,
        holder.subject(),
        holder.username(),
        holder.roles(),
        holder.orgId(),
        holder.memberId(),
        Timestamp.from(holder.tokenExpiresAt()),
        Timestamp.from(expiresAt));
  }

  /**
   * Takes the ticket: answers its holder if it exists and has not expired, and deletes it, so of
   * two requests with the same ticket (on any instances) exactly one gets it.
   */
  Optional<Holder> take(byte[] hash, Instant now) {
    Optional<Holder> holder =
        jdbc
            .query(
                "SELECT subject, username, roles, org_id, member_id, token_expires_at"
                    + " FROM stream_ticket WHERE ticket_hash = ? AND expires_at > ?",
                (rs, n) ->
                    new Holder(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getTimestamp(6).toInstant()),
                hash,
                Timestamp.from(now))
            .stream()
            .findFirst();
    if (holder.isEmpty()) {
      return holder;
    }
    int taken = jdbc.update("DELETE FROM stream_ticket WHERE ticket_hash = ?", (Object) hash);
    return taken == 1 ? holder : Optional.empty();
  }
}
