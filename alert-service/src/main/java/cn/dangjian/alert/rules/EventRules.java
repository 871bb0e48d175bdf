package cn.dangjian.alert.rules;

import static cn.dangjian.alert.catalogue.RuleCatalogue.ACCOUNTABILITY_TALK;
import static cn.dangjian.alert.catalogue.RuleCatalogue.RECORD_FLAGGED;

import cn.dangjian.alert.catalogue.Severity;
import cn.dangjian.events.assessment.AccountabilityTriggered;
import cn.dangjian.events.orglife.RecordFlagged;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The rules whose occurrence is an event of another service (DOMAIN §7, ON_EVENT): the event is the
 * fact, so each always holds; its texts come from the event's fields.
 */
public final class EventRules {

  /** RECORD_FLAGGED: org-life's anti-formalism checks flagged a meeting record. */
  public Outcome recordFlagged(RecordFlagged e) {
    String kindText = kindText(e.kind());
    return Outcome.holds(
        new Finding(
            RECORD_FLAGGED,
            "record:" + e.meetingId() + ":" + e.kind(),
            Severity.WARNING,
            Map.of(
                "kindText",
                kindText,
                "heldOn",
                String.valueOf(e.heldOn()),
                "meetingTypeText",
                String.valueOf(e.meetingType()),
                "evidence",
                e.evidence() == null ? kindText : e.evidence()),
            List.of(
                new Finding.Evidence(
                    Finding.EvidenceKind.MEETING,
                    e.meetingId().toString(),
                    e.evidence()
                        + (e.relatedMeetingId() == null
                            ? ""
                            : "（比对记录 " + e.relatedMeetingId() + "，相似度 " + e.similarity() + "）"))),
            null));
  }

  /**
   * ACCOUNTABILITY_TALK: an org at the bottom of its peer group in consecutive cycles. Missing
   * fields fall back as before: two years, the bottom 10%, a talk within 30 days, the cycle by the
   * event's id.
   */
  public Outcome accountabilityTalk(AccountabilityTriggered e, UUID eventId, LocalDate today) {
    // years ≥ 2 by contract: 0 means the field was missing
    String years = e.years() == 0 ? "2" : Integer.toString(e.years());
    return Outcome.holds(
        new Finding(
            ACCOUNTABILITY_TALK,
            "cycle:" + (e.cycleId() != null ? e.cycleId() : eventId),
            Severity.SERIOUS,
            Map.of(
                "years",
                years,
                "band",
                e.band() != null ? e.band() : "10%",
                "talkBy",
                (e.talkBy() != null ? e.talkBy() : today.plusDays(30)).toString(),
                "detail",
                e.detail() != null ? e.detail() : "见考核结果"),
            List.of(
                new Finding.Evidence(
                    Finding.EvidenceKind.ASSESSMENT, eventId.toString(), "考核问责事件")),
            e.rectifyBy()));
  }

  static String kindText(String kind) {
    return switch (kind == null ? "" : kind) {
      case "DUPLICATE_MINUTES" -> "照抄照搬（会议记录与以往记录高度相似）";
      case "IDENTICAL_FULL_ATTENDANCE" -> "参会名单长期完全相同且全员到会";
      case "OVERLAPPING_MEETINGS" -> "同一时间记录多场会议";
      case "LATE_ENTRY" -> "会后长时间补录";
      default -> String.valueOf(kind);
    };
  }
}
