package cn.dangjian.dues.profile;

import static cn.dangjian.platform.persistence.Uuids.bytes;

import cn.dangjian.dues.support.Times;
import java.time.Clock;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The hardship approvals already handled (applied or refused), so that a replay of member.events
 * with new event ids applies none twice.
 */
@Component
class HardshipApprovalStore {

  enum Outcome {
    APPLIED,
    REFUSED
  }

  private final JdbcTemplate jdbc;
  private final Clock clock;

  HardshipApprovalStore(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  boolean handled(UUID approvalId) {
    Integer n =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM dues_hardship_approval WHERE approval_id = ?",
            Integer.class,
            bytes(approvalId));
    return n != null && n > 0;
  }

  @Transactional(propagation = Propagation.MANDATORY)
  void record(UUID approvalId, UUID memberId, UUID profileId, Outcome outcome, String rule) {
    jdbc.update(
        "INSERT INTO dues_hardship_approval (approval_id, member_id, profile_id, outcome, rule, at)"
            + " VALUES (?,?,?,?,?,?)",
        bytes(approvalId),
        bytes(memberId),
        profileId == null ? null : bytes(profileId),
        outcome.name(),
        rule,
        Times.utc(clock.instant()));
  }
}
