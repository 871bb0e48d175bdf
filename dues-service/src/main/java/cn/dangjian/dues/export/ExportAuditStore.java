package cn.dangjian.dues.export;

import cn.dangjian.dues.support.Times;
import cn.dangjian.platform.persistence.UuidV7;
import cn.dangjian.platform.persistence.Uuids;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** One row per export, refused ones included ({@code dues_export_audit}). */
@Repository
class ExportAuditStore {

  private final JdbcTemplate jdbc;

  ExportAuditStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void insert(
      String export,
      String actor,
      String subject,
      String orgPath,
      String filter,
      long rows,
      boolean refused,
      Instant at) {
    jdbc.update(
        "INSERT INTO dues_export_audit (id, export, actor, subject, org_path, filter, row_count,"
            + " refused, at) VALUES (?,?,?,?,?,?,?,?,?)",
        Uuids.bytes(UuidV7.next()),
        export,
        actor,
        subject,
        orgPath,
        filter,
        rows,
        refused,
        Times.utc(at));
  }
}
