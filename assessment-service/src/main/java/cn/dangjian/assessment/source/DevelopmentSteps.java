package cn.dangjian.assessment.source;

import static cn.dangjian.platform.projection.Uuids.bytes;

import cn.dangjian.events.EventEnvelope;
import cn.dangjian.events.EventTypes;
import cn.dangjian.platform.projection.MemberEventsHook;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Development-step timeliness from {@code member.development-step} (called by the member projection
 * once per event, in its transaction): each step is stored with the due date the previous step gave
 * it, and what is expected next becomes the member's pending step.
 */
@Component
class DevelopmentSteps implements MemberEventsHook {

  private final JdbcTemplate jdbc;

  DevelopmentSteps(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void on(EventEnvelope<JsonNode> envelope) {
    if (!EventTypes.MEMBER_DEVELOPMENT_STEP.equals(envelope.type())) {
      return;
    }
    JsonNode p = envelope.payload();
    UUID member = UUID.fromString(p.get("memberId").asString());
    UUID org = UUID.fromString(p.get("orgId").asString());
    LocalDate doneOn = LocalDate.parse(p.get("doneOn").asString());
    List<Map<String, Object>> pending =
        jdbc.queryForList("SELECT due_on FROM src_dev_pending WHERE member_id = ?", bytes(member));
    Object due = pending.isEmpty() ? null : pending.get(0).get("due_on");
    jdbc.update(
        "INSERT INTO src_dev_step (member_id, step_number, org_id, step, due_on, done_on) VALUES"
            + " (?,?,?,?,?,?) ON DUPLICATE KEY UPDATE org_id = VALUES(org_id), done_on ="
            + " VALUES(done_on)",
        bytes(member),
        p.get("stepNumber").asInt(),
        bytes(org),
        p.get("step").asString(),
        due instanceof Date d ? d.toLocalDate() : due,
        doneOn);
    String next = text(p, "nextStep");
    String nextDue = text(p, "nextDueOn");
    if (next == null) {
      jdbc.update("DELETE FROM src_dev_pending WHERE member_id = ?", bytes(member));
      return;
    }
    jdbc.update(
        "INSERT INTO src_dev_pending (member_id, org_id, next_step, due_on) VALUES (?,?,?,?) ON"
            + " DUPLICATE KEY UPDATE org_id = VALUES(org_id), next_step = VALUES(next_step),"
            + " due_on = VALUES(due_on)",
        bytes(member),
        bytes(org),
        next,
        nextDue == null ? null : LocalDate.parse(nextDue));
  }

  private static String text(JsonNode p, String field) {
    JsonNode n = p.get(field);
    return n == null || n.isNull() ? null : n.asString();
  }
}
