package cn.dangjian.alert.notification;

import static cn.dangjian.platform.persistence.Uuids.bytes;

import cn.dangjian.platform.persistence.UuidV7;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Admin-edited templates, versioned: a change adds a version and the older ones stay. */
@Repository
class NotificationTemplateStore {

  record Template(
      NotificationKind kind,
      int version,
      String title,
      String body,
      String createdBy,
      Instant createdAt) {}

  private final JdbcTemplate jdbc;

  NotificationTemplateStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Template> active(NotificationKind kind) {
    return jdbc
        .query(
            "SELECT kind, version, title_template, body_template, created_by, created_at"
                + " FROM notification_template WHERE kind = ? AND active = TRUE"
                + " ORDER BY version DESC LIMIT 1",
            (rs, i) -> template(rs),
            kind.name())
        .stream()
        .findFirst();
  }

  Map<NotificationKind, Template> allActive() {
    Map<NotificationKind, Template> all = new EnumMap<>(NotificationKind.class);
    jdbc.query(
        "SELECT kind, version, title_template, body_template, created_by, created_at"
            + " FROM notification_template WHERE active = TRUE ORDER BY version",
        rs -> {
          Template t = template(rs);
          all.put(t.kind(), t);
        });
    return all;
  }

  /** The next version becomes the active one; the previous ones are kept inactive. */
  void addVersion(
      NotificationKind kind, int version, String title, String body, String by, Instant now) {
    jdbc.update("UPDATE notification_template SET active = FALSE WHERE kind = ?", kind.name());
    jdbc.update(
        "INSERT INTO notification_template (id, kind, version, title_template, body_template,"
            + " active, created_by, created_at) VALUES (?,?,?,?,?,TRUE,?,?)",
        bytes(UuidV7.next()),
        kind.name(),
        version,
        title,
        body,
        by,
        Timestamp.from(now));
  }

  private static Template template(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Template(
        NotificationKind.valueOf(rs.getString(1)),
        rs.getInt(2),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        rs.getTimestamp(6).toInstant());
  }
}
