package cn.dangjian.alert.rules;

import static cn.dangjian.alert.catalogue.RuleCatalogue.ACCOUNTABILITY_TALK;
import static cn.dangjian.alert.catalogue.RuleCatalogue.ELECTION_INVALID;
import static cn.dangjian.alert.catalogue.RuleCatalogue.RECORD_FLAGGED;

import cn.dangjian.alert.catalogue.Severity;
import cn.dangjian.events.assessment.AccountabilityTriggered;
import cn.dangjian.events.member.ElectionHeld;
import cn.dangjian.events.orglife.RecordFlagged;
import java.math.BigDecimal;
import java.math.RoundingMode;
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

  /**
   * ELECTION_INVALID: member-service recorded a 换届 vote that does not count (严重: no new committee
   * can start). A valid vote of the org clears it; so does a new term ({@link #newTermStarted}).
   */
  public Outcome electionInvalid(ElectionHeld e) {
    if (e.valid()) {
      return Outcome.clear(
          ELECTION_INVALID, Map.of("resolution", "本组织已于" + e.heldOn() + "重新选举，选举有效"));
    }
    String turnout =
        "到会人数/应到会人数 "
            + e.present()
            + "/"
            + e.entitled()
            + "（"
            + percent(e.present(), e.entitled())
            + "%，须超过80%）";
    String differential =
        "候选人数/应选人数 "
            + e.candidates()
            + "/"
            + e.seats()
            + "（差额比例"
            + percent(e.candidates() - e.seats(), e.seats())
            + "%，须不少于20%）";
    return Outcome.holds(
        new Finding(
            ELECTION_INVALID,
            "election:" + e.electionId(),
            Severity.SERIOUS,
            Map.of(
                "heldOn",
                String.valueOf(e.heldOn()),
                "ruleShort",
                ruleShort(e.rule()),
                "ruleText",
                ruleText(e.rule()),
                "evidence",
                turnout + "，" + differential,
                "present",
                Integer.toString(e.present()),
                "entitled",
                Integer.toString(e.entitled())),
            List.of(
                new Finding.Evidence(
                    Finding.EvidenceKind.COMMITTEE, e.electionId().toString(), turnout),
                new Finding.Evidence(
                    Finding.EvidenceKind.COMMITTEE, e.electionId().toString(), differential)),
            null));
  }

  /** A new committee term started: an earlier invalid election no longer needs re-running. */
  public Outcome newTermStarted(LocalDate startedOn) {
    return Outcome.clear(ELECTION_INVALID, Map.of("resolution", "新一届委员会已于" + startedOn + "产生"));
  }

  static String ruleShort(String rule) {
    return switch (rule == null ? "" : rule) {
      case "turnout-not-above-four-fifths" -> "到会人数未超过应到会人数的五分之四";
      case "more-ballots-than-voters" -> "收回的选票多于投票人数";
      case "differential-below-twenty-percent" -> "差额比例不足20%";
      default -> String.valueOf(rule);
    };
  }

  static String ruleText(String rule) {
    return switch (rule == null ? "" : rule) {
      case "turnout-not-above-four-fifths" -> "有选举权的到会人数须超过应到会人数的五分之四，会议方为有效";
      case "more-ballots-than-voters" -> "收回的选票多于投票人数的，选举无效";
      case "differential-below-twenty-percent" -> "实行差额选举，候选人数应多于应选人数的20%";
      default -> "选举须符合规定（" + rule + "）";
    };
  }

  /** A share in per cent with one decimal, 0 when there is no base. */
  static String percent(int part, int whole) {
    if (whole <= 0) {
      return "0";
    }
    return BigDecimal.valueOf(part * 100L)
        .divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP)
        .stripTrailingZeros()
        .toPlainString();
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
