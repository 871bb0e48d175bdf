package cn.dangjian.orglife.compliance;

import static cn.dangjian.platform.persistence.Uuids.bytes;

import java.time.LocalDate;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The per-(org, meeting type, month) count of approved meetings, changed in the same transaction as
 * the approval (or the correction that withdraws it), so summaries never scan meetings.
 */
@NamedInterface("counts")
@Repository
public class ComplianceCountStore {

  private final JdbcTemplate jdbc;

  ComplianceCountStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The month (yyyymm) a meeting held on the date is counted in. */
  public static int monthOf(LocalDate date) {
    return Period.monthOf(date);
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public void add(UUID orgId, String orgPath, String meetingType, int month, int delta) {
    jdbc.update(
        "INSERT INTO compliance_count (org_id, meeting_type, period_month, org_path, held)"
            + " VALUES (?,?,?,?,?) ON DUPLICATE KEY UPDATE held = GREATEST(0, held + ?),"
            + " org_path = VALUES(org_path)",
        bytes(orgId),
        meetingType,
        month,
        orgPath,
        Math.max(0, delta),
        delta);
  }
}
