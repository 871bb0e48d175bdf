package cn.dangjian.dues.audit;

import static cn.dangjian.platform.persistence.Uuids.bytes;

import cn.dangjian.dues.support.Times;
import cn.dangjian.platform.persistence.UuidV7;
import java.time.Clock;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Audit trail of money-relevant decisions, written in the transaction of the decision. Holds who,
 * what and why, never a base or income.
 */
@Component
public class AuditStore {

  private final JdbcTemplate jdbc;
  private final Clock clock;

  public AuditStore(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public void record(
      String action, UUID subjectId, String orgPath, String actor, String reason, String detail) {
    jdbc.update(
        "INSERT INTO dues_audit (id, action, subject_id, org_path, actor, reason, detail, at)"
            + " VALUES (?,?,?,?,?,?,?,?)",
        bytes(UuidV7.next()),
        action,
        bytes(subjectId),
        orgPath,
        actor,
        reason,
        detail,
        Times.utc(clock.instant()));
  }
}
