package cn.dangjian.dues.profile;

import cn.dangjian.events.EventEnvelope;
import cn.dangjian.events.EventTypes;
import cn.dangjian.events.member.ApprovalChanged;
import cn.dangjian.platform.events.EventEnvelopeReader;
import cn.dangjian.platform.projection.MemberEventsHook;
import cn.dangjian.platform.projection.MemberProjection;
import cn.dangjian.platform.projection.ProjectedOrg;
import cn.dangjian.platform.time.PartyCalendar;
import java.time.LocalDate;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * 困难党员减交/免交 approved by the 基层党委 in member-service: on {@code member.approval-changed} of kind
 * DUES_HARDSHIP and status APPROVED, the terms the event carries are applied to the member's
 * profile. Eventual, not transactional across the services: member-service has approved whatever
 * happens here; a rule that no longer holds is recorded, never thrown (that would block the topic).
 */
@Component
class HardshipApprovals implements MemberEventsHook {

  static final String KIND = "DUES_HARDSHIP";
  private static final Logger log = LoggerFactory.getLogger(HardshipApprovals.class);

  /** Who decided when the body is no org of the tree (the labels member-service uses). */
  private static final Map<String, String> BODIES =
      Map.of(
          "PRIMARY_COMMITTEE", "基层党委",
          "HIGHER_COMMITTEE", "上级党委组织部门",
          "COUNTY_ORG_DEPARTMENT", "县委组织部",
          "DISCIPLINE_COMMISSION", "县级以上纪委");

  private final EventEnvelopeReader reader;
  private final MemberProjection projection;
  private final ProfileService profiles;

  HardshipApprovals(
      EventEnvelopeReader reader, MemberProjection projection, ProfileService profiles) {
    this.reader = reader;
    this.projection = projection;
    this.profiles = profiles;
  }

  @Override
  public void on(EventEnvelope<JsonNode> envelope) {
    if (!EventTypes.MEMBER_APPROVAL_CHANGED.equals(envelope.type())) {
      return;
    }
    ApprovalChanged e = reader.payload(envelope, ApprovalChanged.class);
    if (!KIND.equals(e.kind()) || !"APPROVED".equals(e.status())) {
      return;
    }
    if (e.subjectMemberId() == null) {
      log.warn("hardship approval {} names no member, skipped", e.approvalId());
      return;
    }
    Map<String, Object> terms = e.terms() == null ? Map.of() : e.terms();
    profiles.applyDecided(
        new DecidedHardship(
            e.approvalId(),
            e.subjectMemberId(),
            kind(terms.get("kind")),
            fen(terms.get("reducedFen")),
            date(terms.get("until")),
            approvedBy(e),
            e.decidedOn() != null ? e.decidedOn() : PartyCalendar.dayOf(envelope.occurredAt())));
  }

  /** The 党委's name as this service knows it, else the body. */
  private String approvedBy(ApprovalChanged e) {
    String body = BODIES.getOrDefault(e.decidingBody(), e.decidingBody());
    if (e.decidingOrgId() == null) {
      return body;
    }
    String name = projection.org(e.decidingOrgId()).map(ProjectedOrg::name).orElse(body);
    return name.length() > 100 ? name.substring(0, 100) : name; // hardship_approved_by's width
  }

  // Unreadable terms become nulls: the profile service records the refusal instead of throwing.

  private static Hardship kind(Object value) {
    if (value instanceof String s && ("REDUCED".equals(s) || "WAIVED".equals(s))) {
      return Hardship.valueOf(s);
    }
    return null;
  }

  private static Long fen(Object value) {
    return value instanceof Number n ? Long.valueOf(n.longValue()) : null;
  }

  private static LocalDate date(Object value) {
    try {
      return value instanceof String s ? LocalDate.parse(s) : null;
    } catch (java.time.format.DateTimeParseException ex) {
      return null;
    }
  }
}
