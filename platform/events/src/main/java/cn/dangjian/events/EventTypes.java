package cn.dangjian.events;

import cn.dangjian.events.member.CommitteeChanged;
import cn.dangjian.events.member.DevelopmentStepRecorded;
import cn.dangjian.events.member.MemberFlagChanged;
import cn.dangjian.events.member.MemberRegistered;
import cn.dangjian.events.member.MemberStatusChanged;
import cn.dangjian.events.member.MemberUpdated;
import cn.dangjian.events.member.OrgCreated;
import cn.dangjian.events.member.OrgDissolved;
import cn.dangjian.events.member.OrgMoved;
import cn.dangjian.events.member.OrgRenamed;
import cn.dangjian.events.member.OrgStructureChecked;
import cn.dangjian.events.member.TransferChanged;
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
  public static final String MEMBER_STATUS_CHANGED = "member.status-changed";
  public static final String MEMBER_FLAG_CHANGED = "member.flag-changed";
  public static final String ORG_MOVED = "org.moved";
  public static final String ORG_DISSOLVED = "org.dissolved";
  public static final String ORG_STRUCTURE_CHANGED = "org.structure-changed";
  public static final String COMMITTEE_CHANGED = "committee.changed";
  public static final String MEMBER_DEVELOPMENT_STEP = "member.development-step";
  public static final String MEMBER_TRANSFER_CHANGED = "member.transfer-changed";

  /** One published type: its name, current version, payload record and topic. */
  public record Definition(String type, int version, Class<?> payloadType, String topic) {}

  private static final Map<String, Definition> DEFINITIONS =
      Map.ofEntries(
          define(ORG_CREATED, 1, OrgCreated.class, Topics.MEMBER_EVENTS),
          define(ORG_RENAMED, 1, OrgRenamed.class, Topics.MEMBER_EVENTS),
          define(MEMBER_REGISTERED, 1, MemberRegistered.class, Topics.MEMBER_EVENTS),
          define(MEMBER_UPDATED, 1, MemberUpdated.class, Topics.MEMBER_EVENTS),
          define(MEMBER_STATUS_CHANGED, 1, MemberStatusChanged.class, Topics.MEMBER_EVENTS),
          define(MEMBER_FLAG_CHANGED, 1, MemberFlagChanged.class, Topics.MEMBER_EVENTS),
          define(ORG_MOVED, 1, OrgMoved.class, Topics.MEMBER_EVENTS),
          define(ORG_DISSOLVED, 1, OrgDissolved.class, Topics.MEMBER_EVENTS),
          define(ORG_STRUCTURE_CHANGED, 1, OrgStructureChecked.class, Topics.MEMBER_EVENTS),
          define(COMMITTEE_CHANGED, 1, CommitteeChanged.class, Topics.MEMBER_EVENTS),
          define(MEMBER_DEVELOPMENT_STEP, 1, DevelopmentStepRecorded.class, Topics.MEMBER_EVENTS),
          define(MEMBER_TRANSFER_CHANGED, 1, TransferChanged.class, Topics.MEMBER_EVENTS));

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
