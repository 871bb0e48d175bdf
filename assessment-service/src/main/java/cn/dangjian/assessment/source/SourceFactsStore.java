package cn.dangjian.assessment.source;

import static cn.dangjian.platform.persistence.Uuids.bytes;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The source facts automatic indicators are computed from: src_meeting, src_training,
 * src_dues_month, src_alert, src_dev_step and src_dev_pending.
 */
@Repository
class SourceFactsStore {

  private final JdbcTemplate jdbc;

  SourceFactsStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  // --- meetings

  /** The record version stored for a meeting, if any. */
  Optional<Integer> meetingVersion(UUID meetingId) {
    return jdbc
        .query(
            "SELECT record_version FROM src_meeting WHERE meeting_id = ?",
            (rs, n) -> rs.getInt(1),
            bytes(meetingId))
        .stream()
        .findFirst();
  }

  void saveMeeting(
      UUID meetingId,
      UUID orgId,
      String meetingType,
      LocalDate heldOn,
      boolean counted,
      int recordVersion) {
    jdbc.update(
        "INSERT INTO src_meeting (meeting_id, org_id, meeting_type, held_on, counted,"
            + " record_version) VALUES (?,?,?,?,?,?) ON DUPLICATE KEY UPDATE org_id ="
            + " VALUES(org_id), meeting_type = VALUES(meeting_type), held_on = VALUES(held_on),"
            + " counted = VALUES(counted), record_version = VALUES(record_version)",
        bytes(meetingId),
        bytes(orgId),
        meetingType,
        heldOn,
        counted,
        recordVersion);
  }

  void uncountMeeting(UUID meetingId) {
    jdbc.update("UPDATE src_meeting SET counted = FALSE WHERE meeting_id = ?", bytes(meetingId));
  }

  // --- training, dues, alerts

  /** A member's training hours of a year; a smaller total arriving late lowers nothing. */
  void saveTraining(UUID memberId, int year, UUID orgId, BigDecimal yearTotalHours) {
    jdbc.update(
        "INSERT INTO src_training (member_id, credit_year, org_id, hours) VALUES (?,?,?,?) ON"
            + " DUPLICATE KEY UPDATE org_id = VALUES(org_id), hours = GREATEST(hours,"
            + " VALUES(hours))",
        bytes(memberId),
        year,
        bytes(orgId),
        yearTotalHours);
  }

  void saveDuesMonth(
      UUID memberId, String month, UUID orgId, UUID paymentId, LocalDate paidOn, boolean onTime) {
    jdbc.update(
        "INSERT INTO src_dues_month (member_id, pay_month, org_id, payment_id, paid_on, on_time)"
            + " VALUES (?,?,?,?,?,?) ON DUPLICATE KEY UPDATE org_id = VALUES(org_id), payment_id"
            + " = VALUES(payment_id), paid_on = VALUES(paid_on), on_time = VALUES(on_time)",
        bytes(memberId),
        month,
        bytes(orgId),
        bytes(paymentId),
        paidOn,
        onTime);
  }

  void deletePayment(UUID paymentId) {
    jdbc.update("DELETE FROM src_dues_month WHERE payment_id = ?", bytes(paymentId));
  }

  /** An alert's deadline and status; the first closing day stays. */
  void saveAlert(
      UUID alertId,
      UUID orgId,
      LocalDate deadline,
      String status,
      LocalDate raisedOn,
      LocalDate closedOn) {
    jdbc.update(
        "INSERT INTO src_alert (alert_id, org_id, deadline, status, raised_on, closed_on) VALUES"
            + " (?,?,?,?,?,?) ON DUPLICATE KEY UPDATE deadline = VALUES(deadline), status ="
            + " VALUES(status), closed_on = COALESCE(closed_on, VALUES(closed_on))",
        bytes(alertId),
        bytes(orgId),
        deadline,
        status,
        raisedOn,
        closedOn);
  }

  // --- development steps

  /** The due date of the member's pending step, if one is pending (and has a date). */
  Optional<LocalDate> pendingDue(UUID memberId) {
    return jdbc
        .query(
            "SELECT due_on FROM src_dev_pending WHERE member_id = ?",
            (rs, n) -> Optional.ofNullable(rs.getObject(1, LocalDate.class)),
            bytes(memberId))
        .stream()
        .findFirst()
        .flatMap(due -> due);
  }

  void saveStep(
      UUID memberId, int stepNumber, UUID orgId, String step, LocalDate dueOn, LocalDate doneOn) {
    jdbc.update(
        "INSERT INTO src_dev_step (member_id, step_number, org_id, step, due_on, done_on) VALUES"
            + " (?,?,?,?,?,?) ON DUPLICATE KEY UPDATE org_id = VALUES(org_id), done_on ="
            + " VALUES(done_on)",
        bytes(memberId),
        stepNumber,
        bytes(orgId),
        step,
        dueOn,
        doneOn);
  }

  void savePending(UUID memberId, UUID orgId, String nextStep, LocalDate dueOn) {
    jdbc.update(
        "INSERT INTO src_dev_pending (member_id, org_id, next_step, due_on) VALUES (?,?,?,?) ON"
            + " DUPLICATE KEY UPDATE org_id = VALUES(org_id), next_step = VALUES(next_step),"
            + " due_on = VALUES(due_on)",
        bytes(memberId),
        bytes(orgId),
        nextStep,
        dueOn);
  }

  void deletePending(UUID memberId) {
    jdbc.update("DELETE FROM src_dev_pending WHERE member_id = ?", bytes(memberId));
  }

  void saveCommunityService(
      UUID serviceId, UUID memberId, UUID orgId, LocalDate servedOn, java.math.BigDecimal hours) {
    jdbc.update(
        "INSERT IGNORE INTO src_community_service (service_id, member_id, org_id, served_on, hours)"
            + " VALUES (?,?,?,?,?)",
        bytes(serviceId),
        bytes(memberId),
        bytes(orgId),
        servedOn,
        hours);
  }
}
