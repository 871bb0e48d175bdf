package cn.dangjian.assessment.source;

import cn.dangjian.events.EventEnvelope;
import cn.dangjian.events.EventTypes;
import cn.dangjian.platform.projection.MemberEventsHook;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Development-step timeliness from {@code member.development-step} (called by the member projection
 * once per event, in its transaction): each step is stored with the due date the previous step gave
 * it, and what is expected next becomes the member's pending step.
 */
@Component
class DevelopmentSteps implements MemberEventsHook {

  private final SourceFactsStore facts;

  DevelopmentSteps(SourceFactsStore facts) {
    this.facts = facts;
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
    LocalDate due = facts.pendingDue(member).orElse(null);
    facts.saveStep(member, p.get("stepNumber").asInt(), org, p.get("step").asString(), due, doneOn);
    String next = text(p, "nextStep");
    String nextDue = text(p, "nextDueOn");
    if (next == null) {
      facts.deletePending(member);
      return;
    }
    facts.savePending(member, org, next, nextDue == null ? null : LocalDate.parse(nextDue));
  }

  private static String text(JsonNode p, String field) {
    JsonNode n = p.get(field);
    return n == null || n.isNull() ? null : n.asString();
  }
}
