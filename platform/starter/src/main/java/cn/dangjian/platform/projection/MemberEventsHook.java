package cn.dangjian.platform.projection;

import cn.dangjian.events.EventEnvelope;
import tools.jackson.databind.JsonNode;

/**
 * A service's own reaction to a member event, called after the projection applied it, in the same
 * transaction and once per event id (a redelivery is skipped before any hook runs).
 */
public interface MemberEventsHook {

  void on(EventEnvelope<JsonNode> envelope);
}
