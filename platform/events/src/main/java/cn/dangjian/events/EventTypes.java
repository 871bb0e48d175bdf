package cn.dangjian.events;

import cn.dangjian.events.member.MemberRegistered;
import cn.dangjian.events.member.MemberUpdated;
import cn.dangjian.events.member.OrgCreated;
import cn.dangjian.events.member.OrgRenamed;
import java.util.Map;
import java.util.Optional;

/**
 * Registry of every published event type with its current schema version and payload record. A
 * breaking change is a new type; compatible growth (new optional fields) bumps nothing.
 */
public final class EventTypes {

  public static final String ORG_CREATED = "org.created";
  public static final String ORG_RENAMED = "org.renamed";
  public static final String MEMBER_REGISTERED = "member.registered";
  public static final String MEMBER_UPDATED = "member.updated";

  /** One published type: its name, current version, payload record and topic. */
  public record Definition(String type, int version, Class<?> payloadType, String topic) {}

  private static final Map<String, Definition> DEFINITIONS =
      Map.ofEntries(
          define(ORG_CREATED, 1, OrgCreated.class, Topics.MEMBER_EVENTS),
          define(ORG_RENAMED, 1, OrgRenamed.class, Topics.MEMBER_EVENTS),
          define(MEMBER_REGISTERED, 1, MemberRegistered.class, Topics.MEMBER_EVENTS),
          define(MEMBER_UPDATED, 1, MemberUpdated.class, Topics.MEMBER_EVENTS));

  private static Map.Entry<String, Definition> define(
      String type, int version, Class<?> payload, String topic) {
    return Map.entry(type, new Definition(type, version, payload, topic));
  }

  private EventTypes() {}

  public static Optional<Definition> find(String type) {
    return Optional.ofNullable(DEFINITIONS.get(type));
  }

  public static Map<String, Definition> all() {
    return DEFINITIONS;
  }
}
