package cn.dangjian.dues;

import cn.dangjian.events.EventEnvelope;
import cn.dangjian.events.EventTypes;
import cn.dangjian.events.member.ApprovalChanged;
import cn.dangjian.events.member.MemberRegistered;
import cn.dangjian.events.member.MemberStatusChanged;
import cn.dangjian.events.member.OrgCreated;
import cn.dangjian.events.member.TransferChanged;
import cn.dangjian.platform.persistence.UuidV7;
import cn.dangjian.platform.projection.MemberEventsProjector;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Feeds member-service's envelopes straight into the platform projector (the same code the
 * member.events listener runs), so each test builds its org tree and members in milliseconds.
 * {@link EventsIT} feeds them over the real broker instead.
 */
public final class ProjectionFeed {

  private final MemberEventsProjector projector;
  private final JsonMapper json = JsonMapper.builder().build();
  private final Map<UUID, String> paths = new HashMap<>();

  public ProjectionFeed(MemberEventsProjector projector) {
    this.projector = projector;
  }

  public UUID org(UUID parent, String name, String type) {
    UUID id = UuidV7.next();
    String path = (parent == null ? "/" : paths.get(parent)) + id + "/";
    paths.put(id, path);
    send(EventTypes.ORG_CREATED, id, path, new OrgCreated(id, parent, name, type, path));
    return id;
  }

  public String pathOf(UUID org) {
    return paths.get(org);
  }

  public UUID member(UUID org, String stage, String category, LocalDate joinDate) {
    UUID id = UuidV7.next();
    LocalDate full = "FULL".equals(stage) && joinDate != null ? joinDate.plusYears(1) : null;
    send(
        EventTypes.MEMBER_REGISTERED,
        id,
        paths.get(org),
        new MemberRegistered(id, org, stage, category, joinDate, full));
    return id;
  }

  public void status(UUID member, UUID org, String to) {
    send(
        EventTypes.MEMBER_STATUS_CHANGED,
        member,
        paths.get(org),
        new MemberStatusChanged(member, org, "ACTIVE", to, LocalDate.now()));
  }

  public void transferred(UUID member, UUID from, UUID to) {
    send(
        EventTypes.MEMBER_TRANSFER_CHANGED,
        member,
        paths.get(to),
        new TransferChanged(
            UuidV7.next(),
            member,
            "INTERNAL",
            from,
            to,
            "COMPLETED",
            LocalDate.now(),
            LocalDate.now().plusMonths(3),
            paths.get(to)));
  }

  /**
   * member-service's {@code member.approval-changed} for a 困难党员减免 the member's 基层党委 ({@code
   * committee}) approved on {@code decidedOn}, with the terms it publishes; returned to be
   * replayed.
   */
  public EventEnvelope<JsonNode> hardshipApproved(
      UUID approval,
      UUID member,
      UUID org,
      UUID committee,
      Map<String, Object> terms,
      LocalDate decidedOn) {
    return send(
        EventTypes.MEMBER_APPROVAL_CHANGED,
        approval,
        paths.get(org),
        new ApprovalChanged(
            approval,
            "DUES_HARDSHIP",
            "APPROVED",
            0,
            "PRIMARY_COMMITTEE",
            committee,
            paths.get(committee),
            member,
            org,
            paths.get(org),
            "减交党费：张某",
            decidedOn.minusDays(5),
            decidedOn.plusDays(25),
            decidedOn,
            terms));
  }

  /** member-service issued the member of {@code home} a 活动证 hosted by {@code host}. */
  public void mobileCertificate(
      UUID member, UUID home, UUID host, LocalDate from, LocalDate until) {
    send(
        EventTypes.MEMBER_MOBILE_CHANGED,
        member,
        paths.get(home),
        new cn.dangjian.events.member.MobileCertificateChanged(
            UuidV7.next(),
            member,
            home,
            host,
            paths.get(host),
            "ISSUED",
            "ACTIVE",
            false,
            from,
            from,
            until,
            null,
            null));
  }

  /** Delivers an envelope again (a redelivery keeps its event id). */
  public void replay(EventEnvelope<JsonNode> envelope) {
    projector.apply(envelope);
  }

  private EventEnvelope<JsonNode> send(String type, UUID subject, String orgPath, Object payload) {
    JsonNode tree = json.valueToTree(payload);
    EventEnvelope<JsonNode> envelope =
        new EventEnvelope<>(
            UuidV7.next(),
            type,
            1,
            Instant.now(),
            "member-service",
            subject.toString(),
            orgPath,
            tree);
    projector.apply(envelope);
    return envelope;
  }
}
