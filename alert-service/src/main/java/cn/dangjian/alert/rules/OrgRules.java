package cn.dangjian.alert.rules;

import static cn.dangjian.alert.catalogue.RuleCatalogue.APPROVAL_OVERDUE;
import static cn.dangjian.alert.catalogue.RuleCatalogue.COMMITTEE_TERM_EXPIRING;
import static cn.dangjian.alert.catalogue.RuleCatalogue.SECRETARY_VACANT;
import static cn.dangjian.alert.catalogue.RuleCatalogue.STRUCTURE_WARNING;
import static cn.dangjian.alert.rules.MemberRules.facts;

import cn.dangjian.alert.catalogue.RuleCatalogue;
import cn.dangjian.alert.catalogue.RuleDefinition;
import cn.dangjian.alert.catalogue.Severity;
import cn.dangjian.alert.rules.Finding.Evidence;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The organisation rules of the catalogue: plain functions of an org's facts and a date. */
public final class OrgRules {

  /** A meeting type org-life-service reports, and which orgs must hold it how often. */
  public enum Cadence {
    MONTH,
    QUARTER,
    YEAR
  }

  /** Member-service's structural warnings, in words and with the regulation behind them. */
  static final Map<String, String[]> STRUCTURE =
      Map.of(
          "fewer-than-three-formal-members",
          new String[] {"正式党员不足3人", "正式党员3人以上的应当成立党支部，不足3人的可与邻近单位成立联合党支部。", "WARNING"},
          "committee-required",
          new String[] {"正式党员7人以上但未设支部委员会", "正式党员7人以上的党支部应当设立支部委员会。", "WARNING"},
          "more-than-fifty-members",
          new String[] {"党员人数超过50人", "党支部党员人数一般不超过50名，可考虑分设党支部或成立党总支。", "NOTICE"},
          "general-branch-below-fifty-members",
          new String[] {"党总支党员人数不足50人", "党员人数50人以上的可成立党的总支部委员会，不足的须经上级批准。", "NOTICE"});

  private final RuleCatalogue catalogue;

  public OrgRules(RuleCatalogue catalogue) {
    this.catalogue = catalogue;
  }

  private RuleDefinition def(String id) {
    return catalogue.get(id);
  }

  /** 换届 reminders: T−6 months, T−1 month, overdue (and >12 months overdue in the text). */
  public Outcome committeeTerm(OrgFacts o, LocalDate asOf) {
    Map<String, String> clear = Map.of("newDue", String.valueOf(o.termDueOn()));
    if (o.dissolved() || o.termDueOn() == null || !def(COMMITTEE_TERM_EXPIRING).enabled()) {
      return Outcome.clear(COMMITTEE_TERM_EXPIRING, clear);
    }
    long days = Calendar.daysRelativeTo(o.termDueOn(), asOf);
    Optional<Severity> level = def(COMMITTEE_TERM_EXPIRING).levelsFor(o.orgType()).levelOf(days);
    if (level.isEmpty()) {
      return Outcome.clear(COMMITTEE_TERM_EXPIRING, clear);
    }
    String overdue =
        days < 0
            ? "距届满还有" + (-days) + "天"
            : days > 365 ? "已逾期" + days + "天，超过延期换届最长一年的期限" : "已逾期" + days + "天";
    return Outcome.holds(
        new Finding(
            COMMITTEE_TERM_EXPIRING,
            "term:" + o.termId() + ":" + o.termDueOn(),
            level.get(),
            facts("due", o.termDueOn(), "overdueText", overdue),
            List.of(
                new Evidence(
                    Finding.EvidenceKind.COMMITTEE,
                    String.valueOf(o.termId()),
                    "任期届满日 " + o.termDueOn())),
            null));
  }

  /** Deciding bodies in words. */
  static final Map<String, String> BODIES =
      Map.of(
          "PRIMARY_COMMITTEE", "基层党委",
          "HIGHER_COMMITTEE", "上级党委组织部门",
          "COUNTY_ORG_DEPARTMENT", "县委组织部",
          "DISCIPLINE_COMMISSION", "县级以上纪委");

  /**
   * APPROVAL_OVERDUE: one finding per request this org must decide whose due date has passed
   * (levels in days after the due date).
   */
  public List<Finding> overdueApprovals(List<PendingApproval> pending, LocalDate asOf) {
    if (!def(APPROVAL_OVERDUE).enabled()) {
      return List.of();
    }
    List<Finding> findings = new java.util.ArrayList<>();
    for (PendingApproval a : pending) {
      long days = Calendar.daysRelativeTo(a.dueOn(), asOf);
      Optional<Severity> level = def(APPROVAL_OVERDUE).levelsFor(null).levelOf(days);
      if (level.isEmpty()) {
        continue;
      }
      findings.add(
          new Finding(
              APPROVAL_OVERDUE,
              "approval:" + a.approvalId(),
              level.get(),
              facts(
                  "summary", a.summary(),
                  "body", BODIES.getOrDefault(a.decidingBody(), a.decidingBody()),
                  "requestedOn", a.requestedOn(),
                  "due", a.dueOn(),
                  "days", days),
              List.of(
                  new Evidence(
                      Finding.EvidenceKind.APPROVAL,
                      a.approvalId().toString(),
                      a.summary() + "：" + a.requestedOn() + " 提请，应于 " + a.dueOn() + " 前审批")),
              null));
    }
    return findings;
  }

  /** Secretary vacant for more than one month (预警) or three (严重, a weak-org criterion). */
  public Outcome secretaryVacant(OrgFacts o, LocalDate asOf) {
    if (o.dissolved() || o.secretaryVacantSince() == null || !def(SECRETARY_VACANT).enabled()) {
      return Outcome.clear(SECRETARY_VACANT, Map.of());
    }
    int months = Calendar.monthsElapsed(o.secretaryVacantSince(), asOf);
    Optional<Severity> level = def(SECRETARY_VACANT).levelsFor(o.orgType()).levelOf(months);
    if (level.isEmpty()) {
      return Outcome.clear(SECRETARY_VACANT, Map.of());
    }
    return Outcome.holds(
        new Finding(
            SECRETARY_VACANT,
            "since:" + o.secretaryVacantSince(),
            level.get(),
            facts("vacantSince", o.secretaryVacantSince(), "months", months),
            List.of(
                new Evidence(
                    Finding.EvidenceKind.COMMITTEE,
                    o.orgId().toString(),
                    "书记自" + o.secretaryVacantSince() + "起空缺")),
            null));
  }

  /** One outcome per known structural warning: present ones hold, absent ones clear. */
  public List<Outcome> structure(OrgFacts o) {
    List<Outcome> outcomes = new ArrayList<>();
    if (!def(STRUCTURE_WARNING).enabled()) {
      return outcomes;
    }
    for (Map.Entry<String, String[]> entry : STRUCTURE.entrySet()) {
      String code = entry.getKey();
      if (o.dissolved() || !o.structureWarnings().contains(code)) {
        continue;
      }
      String[] words = entry.getValue();
      outcomes.add(
          Outcome.holds(
              new Finding(
                  STRUCTURE_WARNING,
                  "structure:" + code,
                  Severity.valueOf(words[2]),
                  facts(
                      "warningText",
                      words[0],
                      "ruleText",
                      words[1],
                      "formalMembers",
                      o.formalMembers(),
                      "members",
                      o.members()),
                  List.of(
                      new Evidence(
                          Finding.EvidenceKind.STRUCTURE,
                          o.orgId().toString(),
                          words[0] + "（正式党员" + o.formalMembers() + "，党员" + o.members() + "）")),
                  null)));
    }
    return outcomes;
  }

  /**
   * A period rule: the org held no meeting of the type in {@code consecutiveMissing} periods ending
   * with the last complete one (0: it held one).
   */
  public Outcome meetingGap(
      String ruleId, OrgFacts o, String periodKey, String periodLabel, int consecutiveMissing) {
    Map<String, String> clear = Map.of("period", periodLabel, "year", periodLabel);
    Optional<Severity> level =
        consecutiveMissing <= 0
            ? Optional.empty()
            : def(ruleId).levelsFor(o.orgType()).levelOf(consecutiveMissing);
    if (level.isEmpty()) {
      return Outcome.clear(ruleId, clear);
    }
    return Outcome.holds(
        new Finding(
            ruleId,
            periodKey,
            level.get(),
            facts("period", periodLabel, "count", consecutiveMissing),
            List.of(
                new Evidence(
                    Finding.EvidenceKind.MEETINGS,
                    o.orgId().toString(),
                    periodLabel + "无该类会议记录，连续" + consecutiveMissing + "期")),
            null));
  }

  /** A yearly meeting (组织生活会, 民主评议) not yet held: 提示 from 1 Oct, 严重 on 31 Dec. */
  public Outcome yearlyMeeting(String ruleId, OrgFacts o, LocalDate asOf, boolean heldThisYear) {
    String year = Integer.toString(asOf.getYear());
    Map<String, String> clear = Map.of("year", year);
    if (heldThisYear) {
      return Outcome.clear(ruleId, clear);
    }
    Optional<Severity> level =
        def(ruleId).levelsFor(o.orgType()).levelOf(Calendar.daysRelativeToYearEnd(asOf));
    if (level.isEmpty()) {
      return Outcome.clear(ruleId, clear);
    }
    return Outcome.holds(
        new Finding(
            ruleId,
            "year:" + year,
            level.get(),
            facts("year", year),
            List.of(
                new Evidence(
                    Finding.EvidenceKind.MEETINGS, o.orgId().toString(), year + "年尚无该类会议记录")),
            LocalDate.of(asOf.getYear(), 12, 31)));
  }
}
