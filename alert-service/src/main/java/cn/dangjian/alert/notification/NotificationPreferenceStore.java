package cn.dangjian.alert.notification;

import static cn.dangjian.platform.persistence.Uuids.bytes;

import cn.dangjian.alert.channels.ExternalChannel;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** A member's channel choices per kind and the channels turned off by unsubscribe links. */
@Repository
class NotificationPreferenceStore {

  /** One kind's stored row: chosen channels (null = the default) and opt-outs. */
  record Stored(@Nullable Set<ExternalChannel> chosen, Set<ExternalChannel> optedOut) {}

  private final JdbcTemplate jdbc;

  NotificationPreferenceStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  Map<NotificationKind, Stored> of(UUID member) {
    Map<NotificationKind, Stored> rows = new EnumMap<>(NotificationKind.class);
    jdbc.query(
        "SELECT kind, channels, opted_out FROM notification_preference WHERE member_id = ?",
        rs -> {
          try {
            String chosen = rs.getString(2);
            rows.put(
                NotificationKind.valueOf(rs.getString(1)),
                new Stored(chosen == null ? null : parse(chosen), parse(rs.getString(3))));
          } catch (IllegalArgumentException retiredKind) {
            // a kind no longer known: ignored
          }
        },
        bytes(member));
    return rows;
  }

  /** The member's choice for a kind; choosing a channel again lifts its opt-out. */
  void choose(UUID member, NotificationKind kind, Set<ExternalChannel> channels, Instant now) {
    Stored before = of(member).get(kind);
    Set<ExternalChannel> optedOut = EnumSet.noneOf(ExternalChannel.class);
    if (before != null) {
      optedOut.addAll(before.optedOut());
    }
    optedOut.removeAll(channels);
    jdbc.update(
        "INSERT INTO notification_preference (member_id, kind, channels, opted_out, updated_at)"
            + " VALUES (?,?,?,?,?) ON DUPLICATE KEY UPDATE channels = VALUES(channels),"
            + " opted_out = VALUES(opted_out), updated_at = VALUES(updated_at)",
        bytes(member),
        kind.name(),
        join(channels),
        join(optedOut),
        Timestamp.from(now));
  }

  /** Turns one kind × channel off (idempotent). */
  void optOut(UUID member, NotificationKind kind, ExternalChannel channel, Instant now) {
    Stored before = of(member).get(kind);
    Set<ExternalChannel> optedOut = EnumSet.of(channel);
    Set<ExternalChannel> chosen = null;
    if (before != null) {
      optedOut.addAll(before.optedOut());
      chosen = before.chosen();
    }
    jdbc.update(
        "INSERT INTO notification_preference (member_id, kind, channels, opted_out, updated_at)"
            + " VALUES (?,?,?,?,?) ON DUPLICATE KEY UPDATE opted_out = VALUES(opted_out),"
            + " updated_at = VALUES(updated_at)",
        bytes(member),
        kind.name(),
        chosen == null ? null : join(chosen),
        join(optedOut),
        Timestamp.from(now));
  }

  private static String join(Set<ExternalChannel> channels) {
    return channels.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
  }

  private static Set<ExternalChannel> parse(String joined) {
    Set<ExternalChannel> set = EnumSet.noneOf(ExternalChannel.class);
    if (joined != null) {
      Arrays.stream(joined.split(","))
          .filter(s -> !s.isBlank())
          .forEach(s -> set.add(ExternalChannel.valueOf(s)));
    }
    return set;
  }
}
