package cn.dangjian.events;

import cn.dangjian.events.member.MemberRegistered;
import cn.dangjian.events.member.OrgCreated;
import java.util.Map;
import java.util.Optional;

/**
 * Registry of every published event type with its current schema version and payload record. A
 * breaking change is a new type; compatible growth (new optional fields) bumps nothing.
 */
public final class EventTypes {

  public static final String ORG_CREATED = "org.created";
  public static final String MEMBER_REGISTERED = "member.registered";

  /** One published type: its name, current version, payload record and topic. */
  public record Definition(String type, int version, Class<?> payloadType, String topic) {}

  private static final Map<String, Definition> DEFINITIONS =
      Map.of(
          ORG_CREATED,
          new Definition(ORG_CREATED, 1, OrgCreated.class, Topics.MEMBER_EVENTS),
          MEMBER_REGISTERED,
          new Definition(MEMBER_REGISTERED, 1, MemberRegistered.class, Topics.MEMBER_EVENTS));

  private EventTypes() {}

  public static Optional<Definition> find(String type) {
    return Optional.ofNullable(DEFINITIONS.get(type));
  }

  public static Map<String, Definition> all() {
    return DEFINITIONS;
  }
}
