package cn.dangjian.alert.rules;

import static cn.dangjian.alert.catalogue.RuleCatalogue.MOBILE_AWAY_NO_TRANSFER;
import static cn.dangjian.alert.catalogue.RuleCatalogue.MOBILE_CERTIFICATE_EXPIRING;
import static cn.dangjian.alert.catalogue.RuleCatalogue.MOBILE_REPORT_DUE;
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

/**
 * The 流动党员 rules (DOMAIN §2.4, §7): away six months or more at a fixed place without a transfer (JG
 * Art 25), the 活动证 running out, and the yearly report home. Plain functions of the certificate and
 * a date.
 */
public final class MobileMemberRules {

  private final RuleCatalogue catalogue;

  public MobileMemberRules(RuleCatalogue catalogue) {
    this.catalogue = catalogue;
  }

  public List<Outcome> evaluate(MobileFacts c, String orgType, LocalDate asOf) {
    List<Outcome> outcomes = new ArrayList<>();
    if (def(MOBILE_AWAY_NO_TRANSFER).enabled()) {
      outcomes.add(awayWithoutTransfer(c, orgType, asOf));
    }
    if (def(MOBILE_CERTIFICATE_EXPIRING).enabled()) {
      outcomes.add(expiring(c, orgType, asOf));
    }
    if (def(MOBILE_REPORT_DUE).enabled()) {
      outcomes.add(reportDue(c, orgType, asOf));
    }
    return outcomes;
  }

  Outcome awayWithoutTransfer(MobileFacts c, String orgType, LocalDate asOf) {
    Map<String, String> clear = Map.of();
    if (!c.active() || !c.fixedPlace() || c.transferOpen()) {
      return Outcome.clear(MOBILE_AWAY_NO_TRANSFER, clear);
    }
    int months = Calendar.monthsElapsed(c.awaySince(), asOf);
    Optional<Severity> level = def(MOBILE_AWAY_NO_TRANSFER).levelsFor(orgType).levelOf(months);
    if (level.isEmpty()) {
      return Outcome.clear(MOBILE_AWAY_NO_TRANSFER, clear);
    }
    return Outcome.holds(
        new Finding(
            MOBILE_AWAY_NO_TRANSFER,
            "certificate:" + c.certificateId(),
            level.get(),
            facts(
                "memberId",
                c.memberId(),
                "awaySince",
                c.awaySince(),
                "months",
                months,
                "hostText",
                c.hostOrgId() == null ? "流入地在系统外" : "已在流入地党组织参加组织生活"),
            List.of(
                new Evidence(
                    Finding.EvidenceKind.MOBILE,
                    c.certificateId().toString(),
                    "自" + c.awaySince() + "起在相对固定地点外出，已" + months + "个月，未转接组织关系")),
            null));
  }

  Outcome expiring(MobileFacts c, String orgType, LocalDate asOf) {
    if (!c.active()) {
      return Outcome.clear(MOBILE_CERTIFICATE_EXPIRING, Map.of());
    }
    long days = Calendar.daysRelativeTo(c.validUntil(), asOf);
    Optional<Severity> level = def(MOBILE_CERTIFICATE_EXPIRING).levelsFor(orgType).levelOf(days);
    if (level.isEmpty()) {
      return Outcome.clear(MOBILE_CERTIFICATE_EXPIRING, Map.of());
    }
    return Outcome.holds(
        new Finding(
            MOBILE_CERTIFICATE_EXPIRING,
            "until:" + c.validUntil(),
            level.get(),
            facts("memberId", c.memberId(), "due", c.validUntil()),
            List.of(
                new Evidence(
                    Finding.EvidenceKind.MOBILE,
                    c.certificateId().toString(),
                    "活动证发于" + c.issuedOn() + "，有效期至" + c.validUntil())),
            null));
  }

  Outcome reportDue(MobileFacts c, String orgType, LocalDate asOf) {
    Map<String, String> clear =
        Map.of("reportedOn", c.lastReportedOn() == null ? "无" : c.lastReportedOn().toString());
    if (!c.active()) {
      return Outcome.clear(MOBILE_REPORT_DUE, clear);
    }
    LocalDate due = c.reportDueOn();
    long days = Calendar.daysRelativeTo(due, asOf);
    Optional<Severity> level = def(MOBILE_REPORT_DUE).levelsFor(orgType).levelOf(days);
    if (level.isEmpty()) {
      return Outcome.clear(MOBILE_REPORT_DUE, clear);
    }
    return Outcome.holds(
        new Finding(
            MOBILE_REPORT_DUE,
            "due:" + due,
            level.get(),
            facts(
                "memberId",
                c.memberId(),
                "due",
                due,
                "lastReported",
                c.lastReportedOn() == null ? "尚未报告" : c.lastReportedOn()),
            List.of(
                new Evidence(
                    Finding.EvidenceKind.MOBILE,
                    c.certificateId().toString(),
                    "上次报告："
                        + (c.lastReportedOn() == null
                            ? "无（发证于" + c.issuedOn() + "）"
                            : c.lastReportedOn()))),
            null));
  }

  private RuleDefinition def(String id) {
    return catalogue.get(id);
  }
}
