package cn.dangjian.assessment.source;

import cn.dangjian.events.EventEnvelope;
import cn.dangjian.events.EventTypes;
import cn.dangjian.platform.projection.MemberEventsHook;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * 在职党员到社区报到 participation from {@code member.community-service-recorded} (called by the member
 * projection once per event, in its transaction), credited to the member's own branch.
 */
@Component
class CommunityServices implements MemberEventsHook {

  private final SourceFactsStore facts;

  CommunityServices(SourceFactsStore facts) {
    this.facts = facts;
  }

  @Override
  public void on(EventEnvelope<JsonNode> envelope) {
    if (!EventTypes.MEMBER_COMMUNITY_SERVICE_RECORDED.equals(envelope.type())) {
      return;
    }
    JsonNode p = envelope.payload();
    facts.saveCommunityService(
        UUID.fromString(p.get("serviceId").asString()),
        UUID.fromString(p.get("memberId").asString()),
        UUID.fromString(p.get("memberOrgId").asString()),
        LocalDate.parse(p.get("servedOn").asString()),
        p.get("hours").decimalValue());
  }
}
